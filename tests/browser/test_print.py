"""A form printed from its print view carries the security marking at the head and foot of every page."""

import io

import pytest
from pypdf import PdfReader

from tests import factories
from triggerflow.content.sections import SECTIONS
from triggerflow.db import db

pytestmark = pytest.mark.browser


@pytest.fixture
def complete_form(live_app, users):
    with live_app.app_context():
        form = factories.complete_draft(db.session.merge(users.officer))
        number, working_name = form.number, form.working_name
        db.session.remove()
    return number, working_name


def printed_pages(page) -> list[str]:
    """The text of each page of the PDF the browser prints, as paper would show it."""
    return [sheet.extract_text() for sheet in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]


def test_every_printed_page_of_a_form_is_headed_and_footed_with_its_marking(browser_for, users, complete_form):
    number, working_name = complete_form
    page = browser_for(users.officer)
    page.goto(f"/forms/{number}")
    page.get_by_role("link", name="Print this form").click()
    page.wait_for_url(f"**/forms/{number}/print")
    sheets = printed_pages(page)

    assert len(sheets) >= 2, "the complete form should run to more than one sheet"
    for n, text in enumerate(sheets, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert (lines[0], lines[-1]) == ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"), (
            f"sheet {n}: {lines[:2]} … {lines[-2:]}"
        )
    whole = "\n".join(sheets)
    assert working_name in whole and number in whole
    for section in SECTIONS:
        assert f"{section.key}. {section.title}" in whole
    assert "Sign out" not in whole and "Print this page" not in whole  # the screen's header and hint stay off paper
