"""One chunk of synthetic forms as rows ready for bulk insert: each form's life turned into its form,
events, stays, return items, snapshots and acceptance record, on a timeline of real dates."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random

from triggerflow.audit import chain
from triggerflow.content import vocab
from triggerflow.rollups.tally import Tally
from triggerflow.synthetic import answers
from triggerflow.synthetic.lifecycle import Life
from triggerflow.synthetic.names import person, working_name
from triggerflow.synthetic.revisions import revise
from triggerflow.workflow import stays

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
class Timeline:
    base: datetime
    days: int

    def at(self, days: float) -> datetime:
        return self.base + timedelta(seconds=round(days * 86400))


class Batch:
    """The rows of one chunk of forms, ready for bulk insert."""

    def __init__(self, criteria_version: int, words: Random, tally: Tally) -> None:
        self.criteria_version = criteria_version
        self.words = words  # draws the answers, carried from chunk to chunk
        self.tally = tally  # the rollups' counts, carried from chunk to chunk
        self.forms: list[dict] = []
        self.events: list[dict] = []
        self.stays: list[dict] = []
        self.items: list[dict] = []
        self.records: list[dict] = []
        self.snapshots: list[dict] = []
        self.shares: list[dict] = []  # each form's share of the rollups (models.rollup.RollupShare)

    def add(self, life: Life, force: dict, number: str, rng: Random, timeline: Timeline) -> None:
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
        form_stays = stays.from_events(life.events)
        self.stays += form_stays
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
        kept = self.tally.add(self.forms[-1], life.events, form_stays, life.items)
        if kept:
            self.shares.append(kept)
        if life.decision:
            self.records.append(acceptance(life, force, threat_type, theme, rng, at(life.decision["at"])))

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


def acceptance(life: Life, force: dict, threat_type: str, theme: str, rng: Random, at: datetime) -> dict:
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
