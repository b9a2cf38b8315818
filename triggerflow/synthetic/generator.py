"""`flask --app triggerflow generate-data`: synthetic forms with full event histories.

Deterministic: the same seed, end date and starting database give the same rows. Forms are
created evenly over the timeline, each force's share set by its profile, and numbered in
order of creation like real ones. A form that was ever sent on from draft holds complete
answers (synthetic.answers) and a snapshot for each time it went to the ROCTA, changed where
a return asked; a form never sent holds a half-written draft.
"""

import time as clock
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from random import Random

from sqlalchemy import Connection, insert, select, update

from triggerflow.audit import chain
from triggerflow.clocks.working_days import local_today
from triggerflow.content import vocab
from triggerflow.db import db
from triggerflow.models import Force, ForceOperation, Region
from triggerflow.queries import criteria_versions
from triggerflow.rollups import store as rollups
from triggerflow.synthetic import answers, people, profiles, threats, writer
from triggerflow.synthetic.lifecycle import Cast, Life
from triggerflow.synthetic.names import person, working_name
from triggerflow.synthetic.revisions import revise
from triggerflow.workflow import stays

CHUNK = 20_000
STORY_DAYS = 100  # the longest a scripted return, resubmission, second return and lapse can take
THREAT_WEIGHTS = (("ocg", 70), ("priority_individual", 20), ("soc_vulnerability", 10))
THEME_WEIGHTS = {
    "drugs_supply": 22,
    "county_lines": 18,
    "organised_acquisitive_crime": 10,
    "fraud": 9,
    "modern_slavery": 8,
    "firearms": 6,
    "money_laundering": 7,
    "organised_immigration_crime": 5,
    "child_sexual_abuse": 5,
    "cyber_crime": 4,
    "bribery_corruption_sanctions": 2,
    "other": 4,
}


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
    timeline = _Timeline(datetime.combine(start, time.min, UTC), (until - start).days)
    rng = Random(seed)
    # Answers draw from their own generator, so the histories stay those the seed always gave.
    words = Random(f"answers-{seed}")
    cumulative = list(accumulate(plan.profiles[f["code"]].weight for f in plan.forces))
    events = items = 0
    scripted: dict[str, int] = {}  # forms given the scripted story so far, per force
    for chunk_start in range(0, forms, CHUNK):
        batch = _Batch(plan.criteria_version, words)
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
                start_date=start,
                returned_twice=(
                    scripted.get(force["code"], 0) < profile.returned_twice_lapsed
                    and _room_for_the_story(created, timeline.days)
                ),
            )
            if life.returned_twice:
                scripted[force["code"]] = scripted.get(force["code"], 0) + 1
            batch.add(life, force, _number(plan.numbers, force, timeline.at(created)), rng, timeline)
        with db.engine.begin() as connection:
            writer.write(
                connection, batch.forms, batch.events, batch.stays, batch.items, batch.records, batch.snapshots
            )
        events, items = events + len(batch.events), items + len(batch.items)
        if progress:
            progress(min(forms, chunk_start + CHUNK))
    with db.engine.begin() as connection:
        writer.save_counters(connection, plan.numbers)
        writer.resync_sequences(connection)
        _unassessed_operations(connection, plan, rng, timeline)
        threats.write(connection, plan.casts, until, seed)
        # The histories went round the workflow service, so the dashboards' counts are worked out from them.
        rollups.rebuild(connection)
    return Summary(forms, events, items, clock.perf_counter() - started)


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


def _unassessed_operations(connection: Connection, plan: _Plan, rng: Random, timeline: "_Timeline") -> None:
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


@dataclass(frozen=True)
class _Timeline:
    base: datetime
    days: int

    def at(self, days: float) -> datetime:
        return self.base + timedelta(seconds=round(days * 86400))


class _Batch:
    """The rows of one chunk of forms, ready for bulk insert."""

    def __init__(self, criteria_version: int, words: Random) -> None:
        self.criteria_version = criteria_version
        self.words = words  # draws the answers, carried from chunk to chunk
        self.forms: list[dict] = []
        self.events: list[dict] = []
        self.stays: list[dict] = []
        self.items: list[dict] = []
        self.records: list[dict] = []
        self.snapshots: list[dict] = []

    def add(self, life: Life, force: dict, number: str, rng: Random, timeline: "_Timeline") -> None:
        threat_type = rng.choices(*zip(*THREAT_WEIGHTS))[0]
        theme = rng.choices(list(THEME_WEIGHTS), list(THEME_WEIGHTS.values()))[0]
        running = rng.random() < life.profile.operation_running
        name = working_name(rng, threat_type)
        life.live()
        at = timeline.at
        for event in life.events:
            event["at"] = at(event["at"])
        for item in life.items:
            item.update(
                created_at=at(item["created_at"]),
                returned_at=at(item["returned_at"]),
                responded_at=at(item["responded_at"]) if item["responded_at"] is not None else None,
            )
        times = {key: at(value) for key, value in life.times.items()}
        # Hashed here, in memory, so the events still go to the database in one bulk insert.
        head = chain.seal_rows(number, life.events)
        self.events += life.events
        self.stays += stays.from_events(life.events)
        self.items += life.items
        self.forms.append(
            {
                "id": life.form_id,
                "number": number,
                "force_id": force["id"],
                "created_by_id": life.officer,
                "state": life.stage.value,
                "version": 1,
                "threat_type": threat_type,
                "primary_theme": theme,
                "working_name": name,
                "operation_running": running,
                "round": life.round,
                "assessor_id": life.assessor_id,
                "resubmit_by": life.resubmit_by,
                "first_submitted_at": times.get("first_submitted"),
                "submitted_at": times.get("submitted"),
                "returned_at": times.get("returned"),
                "decided_at": times.get("decided"),
                "created_at": life.events[0]["at"],
                "updated_at": times["updated"],
                "event_chain_head": head,
                "answers": self._answers(life, answers.Threat(threat_type, theme, name, running, force)),
            }
        )
        if life.decision:
            self.records.append(_acceptance(life, force, threat_type, theme, rng, at(life.decision["at"])))

    def _answers(self, life: Life, threat: answers.Threat) -> dict:
        """The form's answers now, adding a snapshot for each time it was sent to the ROCTA."""
        rng, current = self.words, None
        returned = defaultdict(list)  # the return items of each round
        for item in life.items:
            returned[item["round"]].append(item)
        for event in life.events:
            if current is None and event["action"] in ("send_to_spoc", "submit"):
                current = answers.complete(threat, rng, event["at"].date())
            elif event["action"] == "resubmit":
                current = revise(current, threat, returned[event["round"] - 1], rng, event["at"].date())
            if event["action"] in ("submit", "resubmit"):
                self.snapshots.append(
                    {
                        "form_id": life.form_id,
                        "sequence": event["details"]["snapshot"],
                        "round": event["round"],
                        "answers": current,
                        "criteria_version": self.criteria_version,
                        "created_by_id": event["actor_id"],
                        "created_at": event["at"],
                    }
                )
        if current is None:
            return answers.partial(threat, rng, life.events[0]["at"].date())
        # Items of a return not yet resubmitted that the force has answered: their sections are changed already.
        answered = [item for item in returned[life.round] if item["responded_at"] is not None]
        return revise(current, threat, answered, rng, answered[0]["responded_at"].date()) if answered else current


def _acceptance(life: Life, force: dict, threat_type: str, theme: str, rng: Random, at: datetime) -> dict:
    harm, likelihood = rng.randint(10, 90), rng.randint(1, 5)
    # The LRO and the threat's grade the record once held are still drawn, so each seed gives the
    # histories it always gave.
    person(rng)
    confidence, priority = rng.choice(vocab.MORILE_CONFIDENCE)[0], rng.choice(vocab.MORILE_PRIORITY)[0]
    rng.choice(vocab.ASSESSMENT_CATEGORIES)
    return {
        "form_id": life.form_id,
        "threat_type": threat_type,
        "primary_theme": theme,
        "secondary_themes": [],
        "apmis_reference": f"APMIS-{force['region']}-{life.form_id}",
        "morile_harm": str(harm),
        "morile_likelihood": str(likelihood),
        "morile_risk": str(harm * likelihood),
        "morile_confidence": confidence,
        "morile_organisational_position": "Capacity and capability gap",
        "morile_priority": priority,
        "morile_scores": [{"category": "physical", "score": str(harm), "confidence": confidence.title()}],
        "soc": "soc",
        "moderation_status": "moderated",
        "phase": "active",
        "tier": rng.randint(1, 5),
        "management_level": rng.choice(vocab.MANAGEMENT_LEVELS)[0],
        "owning_force_id": force["id"],
        "notes": None,
        "recorded_by_id": life.decision["assessor"],
        "recorded_at": at,
    }
