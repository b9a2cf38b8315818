"""One synthetic form's life, event by event, along the lifecycle table.

Every move is looked up in workflow.definition.TRANSITIONS, so a history the generator
writes is one the workflow service could have written: replaying its events through the
machine ends in the form's state. Times are float days from the start of the timeline; a
life stops at the first event that would fall after the end of it.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from triggerflow.content import vocab
from triggerflow.synthetic.profiles import ForceProfile
from triggerflow.workflow.definition import TRANSITIONS
from triggerflow.workflow.states import FormState as S

LAPSE_AFTER_DAYS = 28
RESUBMIT_WITHIN_DAYS = 14
REASON_SECTION = {
    "R01": "D",
    "R02": "B",
    "R03": "C",
    "R04": "C",
    "R05a": "D",
    "R05b": "D",
    "R05c": "D",
    "R05d": "D",
    "R06": "D",
    "R07": "F",
    "R08": "F",
    "R09": "G",
    "R10": "E",
    "R11": "A",
    "R12": "A",
    "R13": "F",
    "R99": "A",
}
# After a lapse, a SPOC reopens the form for the officer to resubmit, or withdraws it (chance below,
# days after the lapse, comment); otherwise it stays lapsed.
AFTER_LAPSE = (
    (0.3, "reopen", (1, 30), "New intelligence received; the officer will resubmit."),
    (0.55, "withdraw", (5, 60), "Lapsed and no longer pursued."),
)
_REJECTIONS = (("N1", 5), ("N2", 4), ("N3", 4), ("N4", 2), ("N5", 1), ("N6", 1))


def _destinations() -> dict[tuple[str, S, bool], S]:
    """(action, from state, later round?) -> to state, straight from the lifecycle table."""
    found = {}
    for t in TRANSITIONS:
        for source in t.sources:
            for later in (False, True):
                if (t.when, later) not in (("first_round", True), ("later_round", False)):
                    found.setdefault((t.action, source, later), t.dest)
    return found


_DEST = _destinations()


@dataclass(frozen=True)
class Cast:
    """Who works on one force's forms: its officers and SPOCs and its region's assessors."""

    force_id: int
    officers: tuple[int, ...]
    spocs: tuple[int, ...]
    assessors: tuple[int, ...]
    spoc_gate: bool


class _Stop(Exception):
    """The next event would fall after the end of the timeline."""


@dataclass
class Life:
    form_id: int
    cast: Cast
    profile: ForceProfile
    rng: Random
    t: float  # now, in days from the start of the timeline
    end: float
    start_date: date
    # Where this life has reached in the lifecycle table; the generator stores it as the form's state.
    stage: S | None = None
    round: int = 0
    assessor_id: int | None = None
    officer: int = 0
    times: dict[str, float | None] = field(default_factory=dict)
    resubmit_by: date | None = None
    events: list[dict] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    decision: dict | None = None
    # The inspection's form: returned, resubmitted, returned again, and left to lapse.
    returned_twice: bool = False

    def live(self) -> "Life":
        self.officer = self.rng.choice(self.cast.officers)
        steps = {
            S.DRAFT: self._draft,
            S.SUBMITTED: self._assess,
            S.RESUBMITTED: self._assess,
            S.RETURNED: self._answer_return,
            S.LAPSED: self._after_lapse,
        }
        try:
            self._emit("create", self.officer, 0.0)
            while self.stage in steps and steps[self.stage]():
                pass
        except _Stop:
            pass
        return self

    def _emit(
        self,
        action: str,
        actor: int | None,
        wait: float,
        *,
        reason_code: str | None = None,
        comment: str | None = None,
        **details,
    ) -> None:
        at = self.t + wait
        if at >= self.end:
            raise _Stop()
        from_state = self.stage
        self.stage = S.DRAFT if action == "create" else _DEST[(action, from_state, self.round > 1)]
        self.t = at
        self._effects(action, actor, at)
        if action in ("claim", "release", "return_to_force", "accept", "reject"):
            details["assessor_id"] = self.assessor_id
        if action in ("return_to_force", "reopen"):
            details["resubmit_by"] = self.resubmit_by.isoformat()
        if action in ("submit", "resubmit"):
            details["snapshot"] = self.round  # the sequence of the snapshot it stored, as workflow.effects notes
        self.events.append(
            {
                "form_id": self.form_id,
                "action": action,
                "from_state": from_state,
                "to_state": self.stage,
                "actor_id": actor,
                "at": at,
                "round": self.round,
                "reason_code": reason_code,
                "comment": comment,
                "details": details,
            }
        )

    def _effects(self, action: str, actor: int | None, at: float) -> None:
        """What workflow.effects does for the same action, on the synthetic form."""
        self.times["updated"] = at
        if action in ("submit", "resubmit"):
            self.round += 1
            self.times.setdefault("first_submitted", at)
            self.times["submitted"] = at
            self.resubmit_by = None
        elif action == "claim":
            self.assessor_id = actor
        elif action == "release":
            self.assessor_id = None
        elif action in ("return_to_force", "reopen"):
            if action == "return_to_force":
                self.times["returned"] = at
            self.resubmit_by = self.start_date + timedelta(days=int(at) + RESUBMIT_WITHIN_DAYS)
        elif action in ("accept", "reject"):
            self.times["decided"] = at

    # Each step moves the form on from one state; False when its life rests there.

    def _draft(self) -> bool:
        rng, cast, profile = self.rng, self.cast, self.profile
        if rng.random() < profile.withdraw_rate / 2:
            self._emit("withdraw", self.officer, rng.uniform(2, 30), comment="No longer a SOC threat.")
            return False
        if not cast.spoc_gate:
            self._emit("submit", self.officer, rng.uniform(1, 14))
            return True
        self._emit("send_to_spoc", self.officer, rng.uniform(1, 14))
        spoc = rng.choice(cast.spocs)
        if rng.random() < 0.12:
            self._emit("spoc_return", spoc, rng.uniform(0.1, 4), comment="Add the intelligence references.")
        else:
            self._emit("submit", spoc, rng.uniform(0.1, 5))
        return True

    def _assess(self) -> bool:
        rng = self.rng
        assessor = self.assessor_id or rng.choice(self.cast.assessors)
        self._emit("claim", assessor, rng.uniform(0.1, 6))
        if rng.random() < 0.04:
            self._emit("release", assessor, rng.uniform(0.1, 2))
            return True
        self._close_answered()
        wait = rng.uniform(0.5, 9)
        if self.returned_twice:
            self._return(assessor, wait)
        elif rng.random() < self.profile.return_rate * 0.6 ** (self.round - 1):
            if self.round > 3:
                self._reject(assessor, wait, "N7")
            else:
                self._return(assessor, wait)
        elif rng.random() < self.profile.accept_share:
            self._emit("accept", assessor, wait)
            self.decision = {"assessor": assessor, "at": self.t}
        else:
            codes, weights = zip(*_REJECTIONS)
            self._reject(assessor, wait, rng.choices(codes, weights)[0])
        return True

    def _close_answered(self) -> None:
        """The assessor reviewing a resubmission closes the items it answered before deciding on it."""
        for item in self.items:
            if item["status"] == "responded":
                item["status"] = "closed"

    def _reject(self, assessor: int, wait: float, code: str) -> None:
        extra = {"duplicate_reference": f"APMIS-{self.form_id}"} if code == "N6" else {}
        self._emit(
            "reject",
            assessor,
            wait,
            reason_code=code,
            comment=f"{vocab.label_for(vocab.REJECTION_REASONS, code)}: see the assessment notes.",
            **extra,
        )

    def _return(self, assessor: int, wait: float) -> None:
        reasons, weights = zip(*self.profile.reasons.items())
        chosen = dict.fromkeys(self.rng.choices(reasons, weights, k=self.rng.choice((1, 1, 2, 2, 3))))
        self._emit("return_to_force", assessor, wait)
        for code in chosen:
            self.items.append(
                {
                    "form_id": self.form_id,
                    "round": self.round,
                    "section": REASON_SECTION[code],
                    "reason_code": code,
                    "comment": f"{vocab.label_for(vocab.RETURN_REASONS, code)}.",
                    "status": "open",
                    "created_by_id": assessor,
                    "created_at": self.t - 0.01,
                    "returned_at": self.t,
                    "response": None,
                    "responded_at": None,
                    "responded_by_id": None,
                }
            )

    def _answer_return(self) -> bool:
        rng, profile = self.rng, self.profile
        chance = rng.random()
        if self.returned_twice:
            chance = 0.0 if self.round == 1 else 1.0  # resubmitted once, then left to lapse
        if chance < profile.resubmit_rate:
            wait = rng.uniform(2, 24)
            answered = self.t + wait - rng.uniform(0.05, 1)
            if answered < self.end:
                self._respond(answered)
            resubmitter = rng.choice(self.cast.spocs) if self.cast.spoc_gate else self.officer
            self._emit("resubmit", resubmitter, wait)
        elif chance < profile.resubmit_rate + 3 * profile.withdraw_rate:
            self._emit("withdraw", self.officer, rng.uniform(3, 25), comment="The group has been disrupted.")
        else:
            # The scheduled command lapses a return nobody resubmitted, overnight after day 28.
            self._emit("lapse", None, LAPSE_AFTER_DAYS + rng.uniform(0, 1))
        return True

    def _respond(self, at: float) -> None:
        for item in self.items:
            if item["status"] == "open":
                item.update(
                    status="responded",
                    response=f"Section {item['section']} updated with what the return asked for.",
                    responded_at=at,
                    responded_by_id=self.officer,
                )

    def _after_lapse(self) -> bool:
        chance = self.rng.random()
        if self.returned_twice:
            return False
        for below, action, (soonest, latest), comment in AFTER_LAPSE:
            if chance < below:
                self._emit(action, self.rng.choice(self.cast.spocs), self.rng.uniform(soonest, latest), comment=comment)
                return action == "reopen"
        return False
