"""A form that went to the ROCTA, came back with three return items, was changed and answered, and
was resubmitted: the starting point of the assessor's review. Used by unit, page and browser tests.
"""

from datetime import timedelta

from tests import factories
from triggerflow.assessment.return_items import add_pending, items_for, respond
from triggerflow.clocks.working_days import local_today
from triggerflow.content import store
from triggerflow.models import TriggerForm, User
from triggerflow.workflow.service import perform

NEW_DATE_OF_BIRTH = "1981-04-21"
NEW_REFERENCE = "DOR-INT-9001"
REMOVED_OFFENCE = "Money laundering"
RESPONSES = {
    "B": "Corrected the principal's date of birth from the custody record.",
    "C": "Removed the laundering offence: it belongs to a separate investigation.",
    "F": "Added a recent, corroborated intelligence item graded 1B.",
}


def item_id(form: TriggerForm, section: str, group: str, **match) -> str:
    return next(
        item["id"] for item in form.answers_for(section)[group] if all(item.get(k) == v for k, v in match.items())
    )


def returned_with_three_items(officer: User, spoc: User, assessor: User) -> TriggerForm:
    form = factories.complete_draft(officer)
    store.save_item(
        form, "C", None, {"offence": REMOVED_OFFENCE, "max_sentence": "14 years", "seven_years": "yes"}, officer, None
    )
    perform(form, "send_to_spoc", officer)
    perform(form, "submit", spoc)
    perform(form, "claim", assessor)
    for section, reason in (("B", "R02"), ("C", "R03"), ("F", "R08")):
        add_pending(
            form, assessor, section=section, reason_code=reason, comment=f"Please look again at section {section}."
        )
    perform(form, "return_to_force", assessor)
    return form


def amend(form: TriggerForm, officer: User) -> None:
    """A subject's date of birth changed, an offence removed, an intelligence item added."""
    store.save_item(
        form, "B", item_id(form, "B", "subjects", surname="Hallow"), {"date_of_birth": NEW_DATE_OF_BIRTH}, officer, None
    )
    store.remove_item(form, "C", item_id(form, "C", "offences", offence=REMOVED_OFFENCE), officer, None)
    store.save_item(
        form,
        "F",
        None,
        {
            "reference": NEW_REFERENCE,
            "date": (local_today() - timedelta(days=3)).isoformat(),
            "summary": "Sanitised report: the principal met a supplier at the storage unit.",
            "source_evaluation": "1",
            "intelligence_assessment": "B",
            "handling_code": "P",
        },
        officer,
        None,
    )


def answer(form: TriggerForm, officer: User, sections=("B", "C", "F")) -> None:
    for item in items_for(form, include_pending=False):
        if item.section in sections:
            respond(form, item, officer, RESPONSES[item.section], None)


def resubmitted(officer: User, spoc: User, assessor: User) -> TriggerForm:
    form = returned_with_three_items(officer, spoc, assessor)
    amend(form, officer)
    answer(form, officer)
    perform(form, "resubmit", spoc)
    return form
