"""Signing in with the organisation's own account in the browser, end to end, through a real
OpenID Connect provider started here (tests/oidc)."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.axe import assert_accessible
from tests.oidc import LocalProvider
from triggerflow.admin import identity_providers
from triggerflow.db import db
from triggerflow.models import IdentityProvider, Role

pytestmark = pytest.mark.browser


@pytest.fixture
def dorset_provider(live_app, base_url):
    local = LocalProvider(f"{base_url}/sign-in/organisation/callback")
    with live_app.app_context():
        admin = factories.user(Role.ADMIN)
        provider_id = identity_providers.save(admin, None, local.settings()).id
        db.session.remove()
    yield local
    local.stop()
    with live_app.app_context():  # the other browser tests share this database
        identity_providers.remove(admin, db.session.get(IdentityProvider, provider_id))
        db.session.remove()


def test_an_officer_signs_in_with_their_forces_account(page, users, dorset_provider):
    page.goto("/search")
    page.get_by_role("link", name="Sign in with your organisation's account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in with your organisation's account")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in with Dorset Police").click()

    # The provider's own sign-in page.
    page.locator("input[name=login]").fill(users.officer.email)
    page.locator("input[name=password]").fill("whatever the provider asks for")
    page.locator("button[type=submit]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.get_by_text("Signed in as Olivia Dale")).to_be_visible()
    assert page.url.endswith("/search")


def test_someone_without_an_account_is_told_so(page, dorset_provider):
    page.goto("/sign-in/organisation")
    page.get_by_role("button", name="Sign in with Dorset Police").click()
    page.locator("input[name=login]").fill("nobody.here@test.police.uk")
    page.locator("input[name=password]").fill("anything")
    page.locator("button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have not been signed in")
    expect(page.locator("#refusal")).to_have_text(
        "There is no TriggerFlow account for nobody.here@test.police.uk. Ask your TriggerFlow administrator or "
        "your force SPOC to set one up."
    )
    assert_accessible(page)
