"""Each role's home page: the right forms, in the right order, never another force's or region's."""

from datetime import timedelta

from sqlalchemy import event

from tests import factories
from tests.web.htmlpage import parse
from triggerflow.clocks.working_days import local_date, local_today
from triggerflow.db import db
from triggerflow.queries import queues
from triggerflow.workflow.service import perform
from triggerflow.workflow.states import FormState


def table(page, key: str) -> list[dict[str, str]]:
    """A queue's rows as {column header: cell text}."""
    found = page.find("table", data_queue=key)
    if found is None:
        return []
    headers = [th.text for th in found.find("thead").find_all("th")]
    return [dict(zip(headers, (td.text for td in tr.find_all("td")))) for tr in found.find("tbody").find_all("tr")]


def numbers(page, key: str) -> list[str]:
    return [row["Form"].split()[0] for row in table(page, key)]


def home(client, **args):
    response = client.get("/", query_string=args)
    assert response.status_code == 200
    return parse(response)


def named(author, name: str):
    return factories.draft(author, {"A": {"working_name": name}})


# Officers


def test_officer_sees_their_own_forms_returned_first_then_by_state(people, sign_in):
    draft = named(people.officer, "Still drafting")
    sent = factories.submitted(people.officer, people.spoc)
    returned = factories.returned(people.officer, people.spoc, people.assessor)
    named(people.officer2, "A colleague's draft")
    named(people.wilts_officer, "Another force's draft")

    page = home(sign_in(people.officer))
    rows = table(page, "mine")
    assert [row["Form"].split()[0] for row in rows] == [returned.number, draft.number, sent.number]
    assert rows[0]["State"] == "Returned" and rows[0]["Days since return"] == "0 days"
    assert rows[0]["Resubmit by"] == f"{returned.resubmit_by:%-d %B %Y}"
    assert rows[1]["Form"] == f"{draft.number} Still drafting" and rows[1]["Resubmit by"] == "–"
    start = page.find("form", action="/forms/new")
    assert start.find("button").text == "Start a new trigger form"


def test_officer_queue_counts_days_since_return_and_flags_an_overdue_resubmission(people):
    returned = factories.returned(people.officer, people.spoc, people.assessor)
    later = returned.returned_at.date() + timedelta(days=15)
    row = queues.my_forms(people.officer, today=later).rows[0]
    assert (row["number"], row["days_since_return"], bool(row["resubmit_overdue"])) == (returned.number, 15, True)
    row = queues.my_forms(people.officer, today=returned.returned_at.date() + timedelta(days=3)).rows[0]
    assert (row["days_since_return"], bool(row["resubmit_overdue"])) == (3, False)


def test_an_officer_with_no_forms_is_told_so(people, sign_in):
    page = home(sign_in(people.officer))
    assert page.find(data_queue_empty="mine").text == "You have not started any trigger forms yet."


# SPOCs


def test_spoc_sees_forms_awaiting_review_oldest_first_and_the_forces_returns_and_drafts(people, sign_in):
    first, second = factories.complete_draft(people.officer), factories.complete_draft(people.officer2)
    perform(first, "send_to_spoc", people.officer)
    perform(second, "send_to_spoc", people.officer2)
    returned = factories.returned(people.officer, people.spoc, people.assessor, sections=("B", "C"))
    draft = named(people.officer2, "Early days")
    wilts = factories.complete_draft(people.wilts_officer)
    perform(wilts, "send_to_spoc", people.wilts_officer)

    page = home(sign_in(people.spoc))
    assert numbers(page, "review") == [first.number, second.number]
    assert table(page, "review")[0]["Days with SPOC"] == "0 days"
    returns = table(page, "returns")
    assert [r["Form"].split()[0] for r in returns] == [returned.number]
    assert returns[0]["Return items"] == "2 need a response" and returns[0]["Days since return"] == "0 days"
    assert numbers(page, "drafts") == [draft.number]
    assert wilts.number not in page.find(id="main-content").text


def test_spoc_with_nothing_to_review_sees_the_empty_states(people, sign_in):
    page = home(sign_in(people.wilts_spoc))
    assert page.find(data_queue_empty="review").text == "No forms are waiting for your review."
    assert page.find(data_queue_empty="returns").text == "No forms have been returned to your force."


# Assessors


def test_assessor_sees_the_regional_queue_oldest_first_and_never_another_region(people, sign_in):
    older = factories.submitted(people.wilts_officer, people.wilts_spoc)
    newer = factories.submitted(people.officer, people.spoc)
    essex = factories.submitted(people.essex_officer, people.essex_spoc)
    mine = factories.under_assessment(people.officer, people.spoc, people.assessor)
    theirs = factories.under_assessment(people.officer, people.spoc, people.assessor2)

    page = home(sign_in(people.assessor))
    assert numbers(page, "new") == [older.number, newer.number]
    row = table(page, "new")[0]
    assert (row["Force"], row["Theme"], row["Days waiting"]) == ("Wiltshire Police", "County lines", "0 days")
    assert numbers(page, "assessing") == [mine.number]
    text = page.find(id="main-content").text
    assert essex.number not in text and theirs.number not in text
    assert numbers(home(sign_in(people.eastern_assessor)), "new") == [essex.number]


def test_a_resubmission_is_marked_for_the_assessor_who_returned_it(people, sign_in):
    to_me = factories.returned(people.officer, people.spoc, people.assessor)
    to_other = factories.returned(people.wilts_officer, people.wilts_spoc, people.assessor2)
    for form, officer, spoc in (
        (to_me, people.officer, people.spoc),
        (to_other, people.wilts_officer, people.wilts_spoc),
    ):
        from triggerflow.assessment.return_items import items_for, respond
        from triggerflow.content import store

        for item in items_for(form, include_pending=False):
            respond(form, item, officer, "Every subject now has a date of birth and PNC ID.", None)
        store.save_section(form, "B", {"pi_rationale": "changed for the return"}, officer, None)
        perform(form, "resubmit", spoc)

    rows = table(home(sign_in(people.assessor)), "resubmitted")
    assert [(r["Form"].split()[0], r["Goes to"]) for r in rows] == [
        (to_me.number, "Resubmitted to you"),
        (to_other.number, people.assessor2.name),
    ]


def test_days_waiting_count_from_the_latest_submission(people):
    form = factories.submitted(people.officer, people.spoc)
    row = queues.regional_new(people.assessor, today=form.submitted_at.date() + timedelta(days=6)).rows[0]
    assert row["days_waiting"] == 6


# Managers and administrators


def test_managers_see_forms_in_scope_newest_first_and_can_filter_by_state(people, sign_in):
    accepted = factories.under_assessment(people.officer, people.spoc, people.assessor)
    perform(accepted, "accept", people.assessor, record=factories.acceptance_record(accepted))
    sent = factories.submitted(people.wilts_officer, people.wilts_spoc)
    draft = named(people.officer, "Not sent yet")
    essex = factories.submitted(people.essex_officer, people.essex_spoc)

    regional = sign_in(people.regional_manager)
    assert numbers(home(regional), "forms") == [sent.number, accepted.number]
    page = home(regional, state="accepted")
    assert numbers(page, "forms") == [accepted.number]
    assert page.find("a", aria_current="page").text == "Accepted (1)"

    assert numbers(home(sign_in(people.force_manager)), "forms") == [draft.number, accepted.number]
    assert numbers(home(sign_in(people.national_manager)), "forms") == [essex.number, sent.number, accepted.number]
    assert numbers(home(sign_in(people.admin)), "forms") == [essex.number, draft.number, sent.number, accepted.number]
    assert numbers(home(sign_in(people.admin), state="nonsense"), "forms")[0] == essex.number


# Pagination and query count


def test_queues_are_paginated(app, people, sign_in):
    app.config["PAGE_SIZE"] = 2
    made = [named(people.officer, f"Draft {n}") for n in range(5)]
    client = sign_in(people.officer)

    page = home(client)
    assert numbers(page, "mine") == [made[4].number, made[3].number]
    pagination = page.find("nav", class_="govuk-pagination")
    assert [a.text for a in pagination.find_all("a")][-1].startswith("Next")
    assert numbers(home(client, mine_page=3), "mine") == [made[0].number]
    assert numbers(home(client, mine_page=99), "mine") == [made[0].number]
    assert home(client, mine_page=2).find("a", aria_current="page").text == "2"
    assert queues.my_forms(people.officer, page=2).total == 5


def test_the_forms_list_counts_each_state_only_so_far_and_still_pages_to_the_end(app, people, sign_in):
    app.config.update(LIST_COUNT_CAP=2, PAGE_SIZE=2)
    sent = [factories.submitted(people.officer, people.spoc) for _ in range(4)]
    client = sign_in(people.national_manager)

    page = home(client)
    filters = [a.text for a in page.find(id="state-filter").find_all("a")]
    assert filters == ["Any state (more than 2)", "Submitted (more than 2)"]
    assert page.find(id="forms").text == "All forms (more than 2)"
    assert numbers(page, "forms") == [sent[3].number, sent[2].number]
    last = home(client, forms_page=2)
    assert numbers(last, "forms") == [sent[1].number, sent[0].number]
    assert not [a for a in last.find("nav", class_="govuk-pagination").find_all("a") if a.text.startswith("Next")]
    app.config["LIST_COUNT_CAP"] = 4
    assert home(client).find(id="forms").text == "All forms (4)"


def test_a_long_queue_links_the_first_last_and_neighbouring_pages_with_gaps_between(app, people, sign_in):
    app.config["PAGE_SIZE"] = 2
    for n in range(12):
        named(people.officer, f"Draft {n}")
    client = sign_in(people.officer)

    def items(**args) -> list[str]:
        pagination = home(client, **args).find("nav", class_="govuk-pagination")
        return [li.text for li in pagination.find_all("li")]

    assert items() == ["1", "2", "⋯", "6"]
    assert items(mine_page=4) == ["1", "⋯", "3", "4", "5", "6"]
    assert items(mine_page=6) == ["1", "⋯", "5", "6"]


def test_a_home_page_takes_the_same_number_of_queries_however_many_forms_it_lists(people, sign_in):
    client = sign_in(people.assessor)

    def statements_for_home_page() -> int:
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            home(client)
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    factories.under_assessment(people.wilts_officer, people.wilts_spoc, people.assessor)
    factories.submitted(people.wilts_officer, people.wilts_spoc)
    few = statements_for_home_page()
    for _ in range(5):
        factories.under_assessment(people.officer, people.spoc, people.assessor)
        factories.submitted(people.wilts_officer, people.wilts_spoc)
    assert statements_for_home_page() == few


def test_queue_rows_carry_the_force_and_people_from_one_query(people):
    factories.under_assessment(people.officer, people.spoc, people.assessor)
    row = queues.assessing(people.assessor).rows[0]
    assert (row["force_name"], row["author_name"], row["assessor_name"], row["state"]) == (
        "Dorset Police",
        people.officer.name,
        people.assessor.name,
        FormState.UNDER_ASSESSMENT,
    )
    assert queues.state_counts(people.assessor) == {FormState.UNDER_ASSESSMENT: 1}
    assert local_today() >= local_date(row["submitted_at"])
