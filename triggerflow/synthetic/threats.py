"""Synthetic lives on the threat register for the synthetic forms the ROCTA accepted.

Each accepted form's threat gets an LRO (most within 7 days, some late), a 4P plan (many agreed
after the 28 days, as the inspection found), management with reviews (some overdue), graded
disruptions, and, for the oldest, perhaps an archive. The earliest threat accepted more than a
year before the end stands idle after its LRO was appointed: the inspection's operation with
nothing recorded for 15 months. Deterministic for a seed and an end date, written in bulk.
"""

from datetime import UTC, date, datetime, time, timedelta
from random import Random

from sqlalchemy import Connection, func, select, text

from triggerflow.bulk import bulk_insert
from triggerflow.models import AcceptanceRecord, Disruption, Force, PlanAction, Threat, ThreatEvent, TriggerForm
from triggerflow.synthetic.lifecycle import Cast
from triggerflow.synthetic.names import person
from triggerflow.threats.definition import PLAN_STRANDS

REVIEW_EVERY = {"high": 28, "medium": 56, "low": 91}
GRADES = (("major", 15), ("moderate", 35), ("minor", 50))
# What a threat's life takes from the acceptance that put it on the register.
ACCEPTANCE_USED = ("form_id", "id", "recorded_at", "owning_force_id", "morile_priority", "apmis_reference")


def write(connection: Connection, casts: dict[int, Cast], until: date, seed: int) -> int:
    """Give every accepted form without a threat its threat's life up to `until`; the number written."""
    end = datetime.combine(until, time.max, UTC)
    acceptance = AcceptanceRecord.__table__.c[ACCEPTANCE_USED]
    accepted = connection.execute(
        select(*acceptance, Force.region_id, Force.name)
        .join(TriggerForm, TriggerForm.id == AcceptanceRecord.form_id)
        .join(Force, Force.id == AcceptanceRecord.owning_force_id)
        .where(TriggerForm.state == "accepted", AcceptanceRecord.id.not_in(select(Threat.acceptance_id)))
        .order_by(AcceptanceRecord.recorded_at, AcceptanceRecord.id)
    ).all()
    first_id = (connection.scalar(select(func.max(Threat.id))) or 0) + 1
    rows: dict[str, list[dict]] = {"threats": [], "events": [], "plan": [], "disruptions": []}
    # Forms accepted by an earlier run for forces this run does not cast keep no threat: nobody to act.
    accepted = [row for row in accepted if row.owning_force_id in casts]
    idle = next((row for row in accepted if (end - row.recorded_at).days > 400), None)
    for n, row in enumerate(accepted):
        rng = Random(f"threat-{seed}-{row[0]}")
        _Life(first_id + n, row, casts[row.owning_force_id], rng, end, idle=row is idle).write(rows)
    for model, key in ((Threat, "threats"), (ThreatEvent, "events"), (PlanAction, "plan"), (Disruption, "disruptions")):
        if rows[key]:
            bulk_insert(connection, model.__table__, rows[key])
    if connection.dialect.name == "postgresql" and rows["threats"]:
        connection.execute(
            text("SELECT setval(pg_get_serial_sequence('threats', 'id'), (SELECT MAX(id) FROM threats))")
        )
    return len(rows["threats"])


class _Life:
    def __init__(self, threat_id: int, row, cast: Cast, rng: Random, end: datetime, idle: bool):
        self.id, self.row, self.cast, self.rng, self.end, self.idle = threat_id, row, cast, rng, end, idle
        self.stage, self.events = "accepted", []
        accepted_on = row.recorded_at.date()
        self.threat = {
            "id": threat_id,
            "form_id": row[0],
            "acceptance_id": row[1],
            "region_id": row.region_id,
            "owning_force_id": row.owning_force_id,
            "state": "accepted",
            "version": 1,
            "accepted_at": row.recorded_at,
            "lro_due_on": accepted_on + timedelta(days=7),
            "plan_due_on": accepted_on + timedelta(days=28),
            "lro_name": None,
            "lro_organisation": None,
            "lro_email": None,
            "lro_appointed_at": None,
            "plan_agreed_at": None,
            "next_review_on": None,
            "apmis_reference": row.apmis_reference,
            "pnd_reference": None,
            "archive_reason": None,
            "merged_into": None,
            "archived_at": None,
        }
        self.plan, self.disruptions = [], []

    def write(self, rows: dict[str, list[dict]]) -> None:
        self._event("register", None, self.row.recorded_at, {})
        self._live()
        self.threat["state"] = self.stage
        self.threat["last_recorded_at"] = self.events[-1]["at"]
        rows["threats"].append(self.threat)
        rows["events"] += self.events
        rows["plan"] += self.plan
        rows["disruptions"] += self.disruptions

    def _live(self) -> None:
        rng, at = self.rng, self.row.recorded_at
        at += timedelta(days=rng.choice((1, 2, 3, 4, 5, 6, 6, 9, 12, 20)), hours=rng.randint(1, 8))
        forename, surname = person(rng)
        if not self._move(
            "appoint_lro",
            "lro_appointed",
            at,
            lro_name=f"DI {forename} {surname}",
            lro_organisation=self.row.name,
            lro_appointed_at=at,
        ):
            return
        if self.idle:
            return  # nothing more is ever recorded
        at += timedelta(days=rng.randint(10, 45))  # many plans come after the 28 days
        for strand, _ in PLAN_STRANDS:
            self.plan.append(
                {
                    "threat_id": self.id,
                    "strand": strand,
                    "description": f"{strand.title()} action",
                    "owner": f"DS {person(rng)[1]}",
                    "due_on": (at + timedelta(days=90)).date(),
                    "added_at": at,
                }
            )
        if not self._move("agree_plan", "plan_agreed", at, plan_agreed_at=at):
            return
        every = REVIEW_EVERY.get(self.row.morile_priority, 56)
        at += timedelta(days=rng.randint(1, 7))
        if not self._move("start_management", "under_management", at, next_review_on=at.date() + timedelta(days=every)):
            return
        self._managed(at, every)

    def _managed(self, at: datetime, every: int) -> None:
        rng = self.rng
        while True:
            at += timedelta(days=every + rng.choice((-3, 0, 2, 5, 14, 40)))  # some reviews come late
            if rng.random() < 0.25:
                grade = rng.choices([g for g, _ in GRADES], [w for _, w in GRADES])[0]
                if at > self.end:
                    return
                self.disruptions.append(
                    {
                        "threat_id": self.id,
                        "occurred_on": at.date(),
                        "grade": grade,
                        "description": "Arrests and seizures",
                        "recorded_by_id": self._actor(),
                        "recorded_at": at,
                    }
                )
                self._event("record_disruption", self.stage, at, {"grade": grade, "occurred_on": at.date().isoformat()})
            if (at - self.row.recorded_at).days > 270 and rng.random() < 0.2:
                self._move("archive", "archived", at, archive_reason="dismantled", archived_at=at, next_review_on=None)
                return
            if not self._move("review", "under_management", at, next_review_on=at.date() + timedelta(days=every)):
                return

    def _move(self, action: str, state: str, at: datetime, **changes) -> bool:
        """Take the step if it happens before the end; False once the timeline has run out."""
        if at > self.end:
            return False
        self._event(action, self.stage, at, {})
        self.events[-1]["to_state"] = self.stage = state
        self.threat.update(changes)
        return True

    def _event(self, action: str, from_state: str | None, at: datetime, details: dict) -> None:
        self.events.append(
            {
                "threat_id": self.id,
                "action": action,
                "from_state": from_state,
                "to_state": from_state or "accepted",
                "actor_id": self._actor(),
                "at": at,
                "reason_code": "dismantled" if action == "archive" else None,
                "comment": None,
                "details": details,
            }
        )

    def _actor(self) -> int:
        return self.rng.choice(self.cast.spocs or self.cast.assessors)
