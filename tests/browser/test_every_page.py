"""Every page each role can reach has no accessibility failures at WCAG 2.2 AA or against axe's
best practice, and fits a 320-pixel-wide screen without scrolling sideways (WCAG 2.2 reflow): forms
in every state, every section and item editor, every action, review and comparison page, the
criteria, dashboards, administration, tokens and mail pages, and the sign-in, 403 and 404 pages.
A page added to the app and missing here fails the last test."""

import pytest
from werkzeug.exceptions import NotFound

from tests.browser import site as sitemap
from tests.browser.axe import preload, violations
from triggerflow.db import db

# Not pages: files, CSV downloads and the JSON health check. Pages checked in tests of their own: the API reference,
# the second step of signing in, and signing in with the organisation's account (test_organisation_sign_in.py).
NOT_PAGES = {
    "static",
    "assets.govuk_asset",
    "assets.favicon",
    "exports.download",
    "dashboards.download",
    "dashboards.forms_csv",
    "dashboards.events_csv",
    "health.healthz",
    "api_reference.index",
    "auth.code",
    "organisation_sign_in.choose",
    "organisation_sign_in.start",
    "organisation_sign_in.callback",
    "threats.register_csv",
}


@pytest.fixture(scope="session")
def site(live_app):
    with live_app.app_context():
        built = sitemap.build()
        db.session.remove()
    return built


def expected_status(role: str, path: str) -> int:
    if path == sitemap.NOT_FOUND:
        return 404
    return 403 if path == "/admin/" and role != "admin" else 200


@pytest.mark.browser
@pytest.mark.parametrize("role", sitemap.ROLES)
def test_every_page_a_role_can_reach_is_accessible(role, site, browser_for):
    page = browser_for(site.people[role])
    preload(page.context)
    problems = []
    for path in site.pages[role]:
        response = page.goto(path)
        if response.status != expected_status(role, path):
            problems.append(f"{path} answered {response.status}")
        elif report := violations(page):
            problems.append(report)
    assert not problems, "\n\n".join(problems)


# What makes the page wider than the screen, innermost first, to say where it overflows: boxes that
# scroll on their own (a wide table's) do not widen the page.
WIDER_THAN_THE_SCREEN = """() => {
  const edge = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= edge) return [];
  const scrollsInside = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
    if (getComputedStyle(a).overflowX !== "visible") return true; return false; };
  const sticksOut = e => e.getBoundingClientRect().right > edge + 0.5 && !scrollsInside(e);
  return [...document.querySelectorAll("body *")].filter(e => sticksOut(e) && ![...e.children].some(sticksOut))
    .slice(0, 5).map(e => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}.${[...e.classList].join(".")}`
      + ` (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
}"""


@pytest.mark.browser
@pytest.mark.parametrize("role", sitemap.ROLES)
def test_every_page_a_role_can_reach_fits_a_320_pixel_wide_screen(role, site, browser_for):
    page = browser_for(site.people[role])
    page.set_viewport_size({"width": 320, "height": 640})
    too_wide = []
    for path in site.pages[role]:
        page.goto(path)
        if overflowing := page.evaluate(WIDER_THAN_THE_SCREEN):
            too_wide.append(f"{path}: {', '.join(overflowing)}")
    assert not too_wide, "\n".join(too_wide)


@pytest.mark.browser
def test_the_sign_in_page_fits_a_320_pixel_wide_screen(page, base_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/sign-in")
    assert page.evaluate(WIDER_THAN_THE_SCREEN) == []


@pytest.mark.browser
def test_the_sign_in_page_is_accessible_before_and_after_a_mistake(page, base_url):
    page.goto("/sign-in")
    assert not violations(page)
    page.get_by_label("Email address").fill("nobody@example.police.uk")
    page.get_by_role("button", name="Sign in").click()
    assert not violations(page)


def test_the_sweep_visits_every_page_of_the_app(live_app, site):
    routes = live_app.url_map.bind("localhost")
    visited = set()
    for paths in site.pages.values():
        for path in paths:
            try:
                visited.add(routes.match(path.split("?")[0], method="GET")[0])
            except NotFound:
                continue  # the 404 page
    pages = {
        rule.endpoint
        for rule in live_app.url_map.iter_rules()
        if "GET" in rule.methods and not rule.endpoint.startswith("api.")
    }
    assert pages - NOT_PAGES - {"auth.sign_in"} <= visited, sorted(pages - NOT_PAGES - visited)
