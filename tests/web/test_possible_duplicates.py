"""A form shows, as a hint, the open and accepted forms in its region that share a subject or an
intelligence reference with it, to whoever may open them, and never stops it being sent."""

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.demo_content import complete_ocg_answers
from triggerflow.workflow.service import perform

DERMOT = {
    "surname": "Hallow",
    "forename": "Dermot",
    "date_of_birth": "1981-04-12",
    "intelligence_id": "PNC 81/123456A",
    "role": "principal",
    "identified": "yes",
}
SOMEONE_ELSE = {
    "surname": "Quenby",
    "forename": "Tamsin",
    "date_of_birth": "1990-09-30",
    "intelligence_id": "PNC 90/654321B",
    "role": "principal",
    "identified": "yes",
}


def with_subject(author, subject: dict, name: str, reference: str | None = None):
    answers = {"A": {"working_name": name}, "B": {"subjects": [subject]}}
    if reference:
        answers["F"] = {"intelligence": [{"reference": reference, "date": "2026-01-05"}]}
    return factories.draft(author, answers)


def hints(client, path: str) -> list[str]:
    found = parse(client.get(path)).find(id="possible-duplicate-list")
    return [li.text for li in found.find_all("li")] if found else []


def test_a_draft_with_a_subject_on_another_dorset_form_shows_the_possible_duplicate(people, sign_in):
    known = factories.submitted(people.officer2, people.spoc)
    draft = with_subject(people.officer, {**DERMOT, "intelligence_id": "81/123456a"}, "Quay Street")
    client = sign_in(people.officer)

    [hint] = hints(client, f"/forms/{draft.number}")
    assert hint.startswith(f"Harbour Lane network ({known.number}), Dorset Police, submitted")
    assert "the same PNC or intelligence ID, PNC 81/123456A" in hint
    assert hints(client, f"/forms/{draft.number}/sections/B") == [hint]
    link = parse(client.get(f"/forms/{draft.number}")).one(id="possible-duplicates").one("a")
    assert link["href"] == f"/forms/{known.number}"


def test_a_similar_name_with_the_same_date_of_birth_is_a_possible_duplicate_and_another_birthday_is_not(
    people, sign_in
):
    known = with_subject(people.officer2, DERMOT, "Harbour Lane")
    alike = with_subject(
        people.officer, {**DERMOT, "surname": "Hallowe", "forename": "Dermott", "intelligence_id": ""}, "Quay Street"
    )
    born_later = with_subject(
        people.officer, {**alike.answers_for("B")["subjects"][0], "date_of_birth": "1981-04-13"}, "Mill Lane"
    )
    client = sign_in(people.officer)

    [hint] = hints(client, f"/forms/{alike.number}")
    assert known.number in hint and "a similar name and the same date of birth: Dermot Hallow" in hint
    assert hints(client, f"/forms/{born_later.number}") == []


def test_the_same_intelligence_reference_is_a_possible_duplicate(people, sign_in):
    known = with_subject(people.officer2, SOMEONE_ELSE, "Harbour Lane", reference="DOR-INT-9001")
    draft = with_subject(people.officer, DERMOT, "Quay Street", reference="dor int 9001")

    [hint] = hints(sign_in(people.officer), f"/forms/{draft.number}/sections/F")
    assert known.number in hint and "the same intelligence reference, DOR-INT-9001" in hint


def test_forms_outside_the_region_withdrawn_or_out_of_the_viewers_scope_are_not_shown(people, sign_in):
    with_subject(people.essex_officer, DERMOT, "Essex copy")  # another region
    withdrawn = with_subject(people.officer2, DERMOT, "Withdrawn copy")
    perform(withdrawn, "withdraw", people.officer2, comment="Started twice by mistake.")
    wilts_draft = with_subject(people.wilts_officer, DERMOT, "Wiltshire draft")  # the region, another force
    draft = with_subject(people.officer, DERMOT, "Quay Street")

    assert hints(sign_in(people.officer), f"/forms/{draft.number}") == []
    # The Wiltshire officer sees Dorset's draft no more than Dorset sees theirs.
    assert hints(sign_in(people.wilts_officer), f"/forms/{wilts_draft.number}") == []


def test_the_assessor_sees_the_sent_forms_in_the_region_the_form_has_in_common_with(people, sign_in):
    first = factories.submitted(people.officer, people.spoc)
    second = factories.submitted(people.officer2, people.spoc2)
    factories.draft(people.officer, {"B": {"subjects": [DERMOT]}})  # not sent: not the assessor's to see

    [hint] = hints(sign_in(people.assessor), f"/forms/{second.number}")
    assert first.number in hint


def test_a_possible_duplicate_never_stops_the_form_being_sent(people, sign_in):
    factories.submitted(people.officer2, people.spoc)
    draft = factories.draft(people.officer, complete_ocg_answers("DOR"))
    client = sign_in(people.officer)
    assert hints(client, f"/forms/{draft.number}")

    perform(draft, "send_to_spoc", people.officer)
    assert draft.state.value == "spoc_review"


def test_an_id_typed_with_other_spaces_and_stops_is_still_the_same_subject(people, sign_in):
    known = with_subject(people.officer2, {**DERMOT, "intelligence_id": "81 123456 A"}, "Harbour Lane")
    draft = with_subject(
        people.officer, {**DERMOT, "intelligence_id": "PNC81/123456a", "date_of_birth": ""}, "Quay Street"
    )

    [hint] = hints(sign_in(people.officer), f"/forms/{draft.number}")
    assert known.number in hint and "the same PNC or intelligence ID, 81 123456 A" in hint
