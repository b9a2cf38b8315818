"""`flask --app triggerflow generate-data`: synthetic forms with full event histories.

Deterministic: the same seed, end date and starting database give the same rows. Forms are
created evenly over the timeline, each force's share set by its profile, and numbered in
order of creation like real ones. A form that was ever sent on from draft holds complete
answers (synthetic.answers) and a snapshot for each time it went to the ROCTA, changed where
a return asked; a form never sent holds a half-written draft.
"""

import time as clock
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from random import Random

from sqlalchemy import Connection, Engine, insert, select, update

from triggerflow.clocks.working_days import local_today
from triggerflow.db import db
from triggerflow.models import Force, ForceOperation, Region
from triggerflow.queries import criteria_versions
from triggerflow.rollups.tally import Tally
from triggerflow.synthetic import people, profiles, threats, writer
from triggerflow.synthetic.batch import Batch, Timeline
from triggerflow.synthetic.lifecycle import Cast, Life
from triggerflow.synthetic.names import person, working_name

CHUNK = 20_000
STORY_DAYS = 100  # the longest a scripted return, resubmission, second return and lapse can take


@dataclass(frozen=True)
class Summary:
    forms: int
    events: int
    return_items: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.forms / self.seconds if self.seconds else 0.0


def generate(
    forms: int,
    seed: int,
    *,
    scenario: str | None = None,
    until: date | None = None,
    months: int = 24,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Write `forms` synthetic forms whose lives end before `until` (default today)."""
    started = clock.perf_counter()
    until = until or local_today()
    start = until - timedelta(days=round(months * 30.4375))
    plan = _plan(forms, seed, scenario)
    timeline = Timeline(datetime.combine(start, time.min, UTC), (until - start).days)
    rng = Random(seed)
    written = events = items = 0
    tally = Tally()
    for batch in _written(_batches(forms, plan, timeline, rng, seed, tally), db.engine):
        written, events, items = written + len(batch.forms), events + len(batch.events), items + len(batch.items)
        if progress:
            progress(written)
    with db.engine.begin() as connection:
        writer.save_counters(connection, plan.numbers)
        writer.resync_sequences(connection)
        _unassessed_operations(connection, plan, rng, timeline)
        threats.write(connection, plan.casts, until, seed)
        # The histories went round the workflow service, so the dashboards' counts were worked out from
        # them as each chunk was drawn, and are written now, in the transaction that ends the load.
        tally.write(connection)
    return Summary(forms, events, items, clock.perf_counter() - started)


def _batches(forms: int, plan: "_Plan", timeline: Timeline, rng: Random, seed: int, tally: Tally) -> Iterator[Batch]:
    """The forms' lives, drawn in order, a chunk of rows at a time."""
    # Answers draw from their own generator, so the histories stay those the seed always gave.
    words = Random(f"answers-{seed}")
    cumulative = list(accumulate(plan.profiles[f["code"]].weight for f in plan.forces))
    scripted: dict[str, int] = {}  # forms given the scripted story so far, per force
    for chunk_start in range(0, forms, CHUNK):
        batch = Batch(plan.criteria_version, words, tally)
        for i in range(chunk_start, min(forms, chunk_start + CHUNK)):
            force = rng.choices(plan.forces, cum_weights=cumulative)[0]
            created = timeline.days * (i + rng.random()) / forms
            profile = plan.profiles[force["code"]]
            life = Life(
                form_id=plan.first_id + i,
                cast=plan.casts[force["id"]],
                profile=profile,
                rng=rng,
                t=created,
                end=timeline.days,
                start_date=timeline.base.date(),
                returned_twice=(
                    scripted.get(force["code"], 0) < profile.returned_twice_lapsed
                    and _room_for_the_story(created, timeline.days)
                ),
            )
            if life.returned_twice:
                scripted[force["code"]] = scripted.get(force["code"], 0) + 1
            batch.add(life, force, _number(plan.numbers, force, timeline.at(created)), rng, timeline)
        yield batch


def _written(batches: Iterator[Batch], engine: Engine) -> Iterator[Batch]:
    """Each chunk written in a transaction of its own, given back once written. On PostgreSQL the next
    chunk is drawn while the server takes in the last one's COPY, on the other core."""
    if engine.dialect.name != "postgresql":  # SQLite writes in this process, and a memory database is per thread
        for batch in batches:
            yield _write(engine, batch)
        return
    with ThreadPoolExecutor(max_workers=1) as writing:
        pending = None
        for batch in batches:
            if pending is not None:
                yield pending.result()
            pending = writing.submit(_write, engine, batch)
        if pending is not None:
            yield pending.result()


def _write(engine: Engine, batch: Batch) -> Batch:
    with engine.begin() as connection:
        writer.write(connection, batch)
    return batch


@dataclass(frozen=True)
class _Plan:
    forces: list[dict]
    profiles: dict[str, profiles.ForceProfile]
    casts: dict[int, Cast]
    first_id: int
    numbers: dict[tuple[int, int], int]  # the last form number used per force and year
    criteria_version: int  # what a snapshot records it was checked against, as the workflow does


def _plan(forms: int, seed: int, scenario: str | None) -> _Plan:
    """The forces, their profiles and people, and where ids and form numbers carry on from."""
    with db.engine.begin() as connection:
        forces = _forces(connection)
        chosen = _profiles(forces, seed, scenario)
        for force in forces:
            gate = chosen[force["code"]].spoc_gate
            if gate is not None and gate != force["spoc_gate"]:
                # The force is set up as the scenario says, so its pages behave as its synthetic forms did.
                force["spoc_gate"] = gate
                connection.execute(update(Force).where(Force.id == force["id"]).values(spoc_gate=gate))
        total_weight = sum(p.weight for p in chosen.values())
        expected = {code: forms * p.weight / total_weight for code, p in chosen.items()}
        return _Plan(
            forces,
            chosen,
            people.casts(connection, forces, expected, seed),
            writer.next_form_id(connection),
            writer.counters(connection),
            criteria_versions.current().number,
        )


def _room_for_the_story(created: float, days: int) -> bool:
    """Late enough to fall in a dashboard's default year, early enough to be returned twice and lapse."""
    return days * 0.55 <= created <= days - STORY_DAYS


def _unassessed_operations(connection: Connection, plan: _Plan, rng: Random, timeline: Timeline) -> None:
    """Operations on a force's register against groups it never sent a form for (the scenario's)."""
    rows = []
    for force in plan.forces:
        cast = plan.casts[force["id"]]
        for _ in range(plan.profiles[force["code"]].unassessed_operations):
            started = timeline.at(timeline.days * rng.uniform(0.3, 0.6))
            rows.append(
                {
                    "force_id": force["id"],
                    "name": f"Operation {person(rng)[1]}",
                    "started_on": started.date(),
                    "target": f"The {working_name(rng, 'ocg')}: no trigger form sent",
                    "form_id": None,
                    "recorded_by_id": rng.choice(cast.officers),
                    "recorded_at": started,
                }
            )
    if rows:
        connection.execute(insert(ForceOperation), rows)


def _forces(connection: Connection) -> list[dict]:
    rows = connection.execute(
        select(Force.id, Force.code, Force.name, Force.spoc_gate, Region.code, Region.id)
        .join(Region)
        .order_by(Force.code)
    )
    forces = [dict(zip(("id", "code", "name", "spoc_gate", "region", "region_id"), row)) for row in rows]
    for force in forces:
        force["neighbours"] = tuple(f["code"] for f in forces if f["region"] == force["region"] and f is not force)
    return forces


def _profiles(forces: list[dict], seed: int, scenario: str | None) -> dict[str, profiles.ForceProfile]:
    chosen = profiles.baseline([f["code"] for f in forces], seed)
    if scenario:
        chosen = profiles.apply_scenario(
            chosen, profiles.load_scenario(scenario), {f["code"]: f["region"] for f in forces}
        )
    return chosen


def _number(numbers: dict[tuple[int, int], int], force: dict, created: datetime) -> str:
    key = (force["id"], created.year)
    numbers[key] = numbers.get(key, 0) + 1
    return f"{force['code']}-{created.year}-{numbers[key]:04d}"
