"""Forms walked to each point of the lifecycle through the real service.

Nothing here sets a form's state: every form gets where it is the way a person's form would,
so the permission matrix also proves that every state is reachable.
"""

from collections.abc import Callable
from dataclasses import dataclass

from tests import factories
from triggerflow.assessment.return_items import add_pending, items_for, respond
from triggerflow.content import store
from triggerflow.models import TriggerForm, User
from triggerflow.workflow.service import perform

RESPONSE = "We have added what was missing and explained it in the section."
# A change to each section that no completeness rule depends on.
AMENDMENTS = {
    "B": {"pi_rationale": "Amended after the return."},
    "C": {"modus_operandi": "Runners recruited from local schools carry drugs by train to flats; amended."},
    "H": {"partner_agencies": "Amended after the return: HMRC."},
}


@dataclass(frozen=True)
class Cast:
    """Who moves the form: its author, a SPOC of the force who did not write it, an assessor."""

    author: User
    spoc: User
    assessor: User


def draft(cast: Cast) -> TriggerForm:
    return factories.complete_draft(cast.author)


def spoc_review(cast: Cast) -> TriggerForm:
    form = draft(cast)
    perform(form, "send_to_spoc", cast.author)
    return form


def submitted(cast: Cast) -> TriggerForm:
    form = spoc_review(cast)
    perform(form, "submit", cast.spoc)
    return form


def under_assessment(cast: Cast) -> TriggerForm:
    form = submitted(cast)
    perform(form, "claim", cast.assessor)
    return form


def returned(cast: Cast, sections: tuple[str, ...] = ("B",)) -> TriggerForm:
    form = under_assessment(cast)
    for section in sections:
        add_pending(form, cast.assessor, section=section, reason_code="R02", comment=f"Improve section {section}.")
    perform(form, "return_to_force", cast.assessor)
    return form


def answer_return(form: TriggerForm, by: User) -> None:
    """Respond to every open item and amend its section, as C16 asks."""
    for item in items_for(form, include_pending=False):
        respond(form, item, by, RESPONSE, None)
        store.save_section(form, item.section, AMENDMENTS[item.section], by, None)


def lapsed(cast: Cast) -> TriggerForm:
    form = returned(cast)
    perform(form, "lapse", None)
    return form


def resubmitted(cast: Cast) -> TriggerForm:
    form = returned(cast)
    answer_return(form, cast.author)
    perform(form, "resubmit", cast.spoc)
    return form


def reassessing(cast: Cast) -> TriggerForm:
    form = resubmitted(cast)
    perform(form, "claim", cast.assessor)
    return form


def resubmitted_and_released(cast: Cast) -> TriggerForm:
    form = reassessing(cast)
    perform(form, "release", cast.assessor)
    return form


def accepted(cast: Cast) -> TriggerForm:
    form = under_assessment(cast)
    perform(form, "accept", cast.assessor, record=factories.acceptance_record(form))
    return form


def rejected(cast: Cast) -> TriggerForm:
    form = under_assessment(cast)
    perform(form, "reject", cast.assessor, reason_code="N1", comment="Below the SOC threshold on this evidence.")
    return form


def withdrawn(cast: Cast) -> TriggerForm:
    form = draft(cast)
    perform(form, "withdraw", cast.author, comment="The investigation found no organised element.")
    return form


# Every distinct point a form can stand at, with what differs between two forms in one state.
WALKS: dict[str, Callable[[Cast], TriggerForm]] = {
    "draft": draft,
    "with the SPOC": spoc_review,
    "submitted": submitted,
    "under assessment": under_assessment,
    "returned": returned,
    "lapsed": lapsed,
    "resubmitted to the assessor who returned it": resubmitted,
    "under assessment again": reassessing,
    "resubmitted and released to the queue": resubmitted_and_released,
    "accepted": accepted,
    "rejected": rejected,
    "withdrawn": withdrawn,
}
