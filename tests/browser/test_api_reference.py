"""The API reference page: the OpenAPI document read as a page, reached from the API tokens page."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

pytestmark = pytest.mark.browser


def test_the_api_reference_describes_every_operation_and_is_accessible(page, users, sign_in_as):
    sign_in_as(users.officer)
    page.goto("/api-tokens/")
    page.get_by_role("link", name="API reference").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API reference")
    expect(page.get_by_role("heading", name="Start a draft")).to_be_visible()
    expect(page.get_by_role("heading", name="Add an offence")).to_be_visible()
    page.get_by_role("link", name="Schemas").click()
    expect(page.get_by_role("heading", name="Schemas", exact=True)).to_be_in_viewport()
    assert_accessible(page)
