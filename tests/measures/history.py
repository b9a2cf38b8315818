"""Small fixed histories for the measures: forms moved through the real workflow service at
chosen times, so that every expected figure can be worked out by hand.

Day 0 is Monday 5 January 2026, 09:00 UTC. The form content is dated for that day, so the
completeness rules judge it as they would have then.
"""

from datetime import UTC, date, datetime, timedelta

from tests import factories
from triggerflow.assessment import return_items
from triggerflow.content import store
from triggerflow.demo_content import complete_ocg_answers
from triggerflow.models import TriggerForm, User
from triggerflow.queries.measures import Filters, MeasureScope
from triggerflow.workflow.service import perform

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
RESPONSE = "We have added what was missing and explained it in the section."


def day(n: float) -> datetime:
    return START + timedelta(days=n)


def on(n: float) -> date:
    return day(n).date()


class History:
    """Moves forms through the lifecycle at given days; `h.scope(user, first, last)` to measure."""

    def __init__(self, clock, people):
        self.people = people
        self._clock = clock
        self._amendments = 0
        self.at(0)

    def at(self, n: float) -> "History":
        """Stops the clock at day `n`: whatever is done next happens then."""
        self.now = day(n)
        self._clock.move_to(self.now, tick=False)
        return self

    def scope(self, user: User, first: float, last: float, now: float | None = None, **filters) -> MeasureScope:
        """The period from the day of `first` to the day of `last`, both included, as at `now`."""
        return MeasureScope(user, Filters(on(first), on(last), **filters), day(last if now is None else now))

    def draft(self, n: float, author: User | None = None, **sections) -> TriggerForm:
        author = author or self.people.officer
        self.at(n)
        answers = complete_ocg_answers(author.force.code, today=START.date())
        for section, values in sections.items():
            answers[section].update(values)
        return factories.draft(author, answers)

    def submitted(self, n: float, author: User | None = None, spoc: User | None = None, **sections) -> TriggerForm:
        """A new form, sent to the SPOC and submitted to the ROCTA on day `n`."""
        author = author or self.people.officer
        form = self.draft(n, author, **sections)
        perform(form, "send_to_spoc", author)
        perform(form, "submit", spoc or self._spoc_for(author))
        return form

    def claim(self, form: TriggerForm, n: float, assessor: User | None = None) -> TriggerForm:
        return self._do(form, n, "claim", assessor or self.people.assessor)

    def returned(
        self, form: TriggerForm, n: float, assessor: User | None = None, reasons: tuple[str, ...] = ("R02",)
    ) -> TriggerForm:
        assessor = assessor or self.people.assessor
        self.at(n)
        for reason in reasons:
            return_items.add_pending(form, assessor, section="B", reason_code=reason, comment=f"Please fix: {reason}.")
        return self._do(form, n, "return_to_force", assessor)

    def resubmitted(self, form: TriggerForm, n: float, spoc: User | None = None) -> TriggerForm:
        self.at(n)
        author = form.created_by
        for item in return_items.items_for(form, include_pending=False):
            if item.status.value == "open":
                return_items.respond(form, item, author, RESPONSE, None)
        self._amendments += 1
        store.save_section(form, "B", {"pi_rationale": f"Amended after the return ({self._amendments})."}, author, None)
        return self._do(form, n, "resubmit", spoc or self._spoc_for(author))

    def accepted(self, form: TriggerForm, n: float, assessor: User | None = None) -> TriggerForm:
        return self._do(form, n, "accept", assessor or self.people.assessor, record=factories.acceptance_record(form))

    def rejected(self, form: TriggerForm, n: float, assessor: User | None = None, code: str = "N1") -> TriggerForm:
        return self._do(
            form,
            n,
            "reject",
            assessor or self.people.assessor,
            reason_code=code,
            comment="Below the threshold for a SOC threat on this evidence.",
        )

    def reconsidered(self, form: TriggerForm, n: float) -> TriggerForm:
        return self._do(
            form, n, "reconsider", self.people.regional_manager, comment="The force sent more intelligence."
        )

    def lapsed(self, form: TriggerForm, n: float) -> TriggerForm:
        self.at(n)
        perform(form, "lapse", None)
        return form

    def reopened(self, form: TriggerForm, n: float, spoc: User | None = None) -> TriggerForm:
        return self._do(form, n, "reopen", spoc or self._spoc_for(form.created_by), comment="New intelligence.")

    def withdrawn(self, form: TriggerForm, n: float, actor: User | None = None) -> TriggerForm:
        return self._do(form, n, "withdraw", actor or form.created_by, comment="No longer pursued.")

    def decided(
        self, n: float, outcome: str, author: User | None = None, assessor: User | None = None, returns: int = 0
    ) -> TriggerForm:
        """A form submitted on day `n`, returned `returns` times (a day each way), then decided a day later."""
        form = self.submitted(n, author)
        for r in range(returns):
            self.returned(self.claim(form, n + 0.1 + 2 * r, assessor), n + 0.2 + 2 * r, assessor)
            self.resubmitted(form, n + 1 + 2 * r)
        self.claim(form, n + 0.5 + 2 * returns, assessor)
        decide = self.accepted if outcome == "accept" else self.rejected
        return decide(form, n + 1 + 2 * returns, assessor)

    def _do(self, form: TriggerForm, n: float, action: str, actor: User, **details) -> TriggerForm:
        self.at(n)
        perform(form, action, actor, **details)
        return form

    def _spoc_for(self, author: User) -> User:
        p = self.people
        return {
            p.officer.force_id: p.spoc,
            p.wilts_officer.force_id: p.wilts_spoc,
            p.essex_officer.force_id: p.essex_spoc,
        }[author.force_id]
