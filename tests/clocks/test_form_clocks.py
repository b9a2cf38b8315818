"""The ROCTA and force clocks come from the event log: each runs in its states and pauses in the others."""

from datetime import UTC, datetime, timedelta

from tests import factories
from tests.web.htmlpage import parse
from tests.workflow import lifecycle
from triggerflow.assessment.return_items import add_pending
from triggerflow.audit import chain
from triggerflow.clocks.due import assessment_due
from triggerflow.clocks.working_days import local_date
from triggerflow.db import db
from triggerflow.models import FormEvent
from triggerflow.queries.clocks import clocks, timing
from triggerflow.workflow.service import perform
from triggerflow.workflow.states import FormState as S


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=UTC)  # March 2026 is GMT: UTC is local time


def history(clock, author, *moves):
    """A draft created on 2 March, then a fixed history of (day, from, to, action) in its event log."""
    clock.move_to(at(2, 9), tick=False)
    form = factories.draft(author)
    for day, source, dest, action in moves:
        db.session.add(
            chain.seal(
                form,
                FormEvent(
                    form_id=form.id,
                    action=action,
                    from_state=source,
                    to_state=dest,
                    actor_id=form.created_by_id,
                    at=at(day),
                    round=1,
                ),
            )
        )
    db.session.commit()
    return form


def test_the_rocta_clock_pauses_while_the_form_is_returned_and_the_force_clock_runs(people, clock):
    form = history(
        clock,
        people.officer,
        (4, S.DRAFT, S.SPOC_REVIEW, "send_to_spoc"),  # Wednesday
        (6, S.SPOC_REVIEW, S.SUBMITTED, "submit"),  # Friday
        (9, S.SUBMITTED, S.UNDER_ASSESSMENT, "claim"),  # Monday
        (13, S.UNDER_ASSESSMENT, S.RETURNED, "return_to_force"),  # Friday
        (20, S.RETURNED, S.RESUBMITTED, "resubmit"),
    )  # Friday

    rocta, force = clocks([form.id], now=at(25, 12))[form.id]  # the next Wednesday

    # ROCTA: 9 March, 10-13 March, then 23-25 March; still running.
    assert (rocta.working_days, rocta.running) == (1 + 4 + 3, True)
    # Force: 3-4 March as a draft, 5-6 with the SPOC, 16-20 returned; paused since the resubmission.
    assert (force.working_days, force.running) == (2 + 2 + 5, False)


def test_neither_clock_runs_while_a_return_has_lapsed(people, clock):
    form = history(
        clock,
        people.officer,
        (3, S.DRAFT, S.SUBMITTED, "submit"),
        (4, S.SUBMITTED, S.UNDER_ASSESSMENT, "claim"),
        (5, S.UNDER_ASSESSMENT, S.RETURNED, "return_to_force"),
        (12, S.RETURNED, S.LAPSED, "lapse"),
    )

    rocta, force = clocks([form.id], now=at(31))[form.id]

    assert (rocta.working_days, rocta.running) == (2, False)
    assert (force.working_days, force.running) == (1 + 5, False)


def test_a_submitted_form_is_due_for_assessment_ten_working_days_after_submission(people):
    form = factories.submitted(people.officer, people.spoc)

    found = timing(form)

    assert found.due.kind == "assessment" and found.due.on == assessment_due(form.submitted_at)
    assert found.rocta.running and not found.force.running
    assert found.lapses_on is None and found.returns == 0


def test_a_returned_form_is_due_by_its_resubmit_by_date_and_lapses_28_days_after_the_return(people):
    form = factories.returned(people.officer, people.spoc, people.assessor)

    found = timing(form)

    assert found.due.kind == "resubmission" and found.due.on == form.resubmit_by
    assert found.lapses_on == local_date(form.returned_at) + timedelta(days=28)
    assert found.force.running and not found.rocta.running


def test_the_form_page_shows_the_due_date_and_both_clocks(people, sign_in):
    form = factories.submitted(people.officer, people.spoc)

    page = parse(sign_in(people.assessor).get(f"/forms/{form.number}"))

    summary = page.find(id="timing-summary").text
    assert f"Assessment due {assessment_due(form.submitted_at):%-d %B %Y}" in summary
    assert "ROCTA clock 0 working days, running" in summary
    assert "Force clock" in summary and "Times returned to the force 0" in summary
    assert page.find(data_due="overdue") is None


def test_the_form_page_and_the_assessor_queue_flag_an_overdue_assessment(people, sign_in, clock):
    form = factories.submitted(people.officer, people.spoc)
    clock.shift(timedelta(days=30))
    client = sign_in(people.assessor)

    page = parse(client.get(f"/forms/{form.number}"))
    assert page.find(id="timing-summary").find(data_due="overdue").text == "Overdue"

    queue = parse(client.get("/")).find("table", data_queue="new")
    row = queue.find("tr", data_number=form.number)
    headers = [th.text for th in queue.find("thead").find_all("th")]
    due = row.find_all("td")[headers.index("Due")].text
    assert due == f"{assessment_due(form.submitted_at):%-d %B %Y} Overdue"


def test_a_form_returned_twice_is_flagged_on_its_page_and_in_the_queues(people, sign_in):
    cast = lifecycle.Cast(author=people.officer, spoc=people.spoc, assessor=people.assessor)
    form = lifecycle.reassessing(cast)
    once = factories.returned(people.officer2, people.spoc, people.assessor)
    add_pending(form, people.assessor, section="C", reason_code="R03", comment="Still not evidenced.")
    perform(form, "return_to_force", people.assessor)
    spoc = sign_in(people.spoc)

    page = parse(spoc.get(f"/forms/{form.number}"))
    assert page.find(class_="app-returned-flag").text == "Returned twice"
    assert "Times returned to the force 2" in page.find(id="timing-summary").text

    returns = parse(spoc.get("/")).find("table", data_queue="returns")
    assert "Returned twice" in returns.find("tr", data_number=form.number).text
    assert "Returned" in returns.find("tr", data_number=once.number).text
    assert returns.find("tr", data_number=once.number).find(class_="app-returned-flag") is None
    mine = parse(sign_in(people.officer).get("/")).find("table", data_queue="mine")
    assert "Returned twice" in mine.find("tr", data_number=form.number).text
