"""Accessibility checks with axe-core, put into the page by Playwright rather than a script tag
(a strict CSP blocks those)."""

from axe_playwright_python.sync_playwright import Axe, AxeResults
from playwright.sync_api import BrowserContext, Page

_AXE = Axe()
# WCAG 2.2 AA (and the 2.0 and 2.1 rules under it), and axe's best practices.
OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def preload(context: BrowserContext) -> None:
    """Load axe into every page the context opens, so that a check only has to run it."""
    context.add_init_script(_AXE.axe_script)


def violations(page: Page) -> str:
    """axe's report of the page as it stands, or "" when nothing is wrong."""
    # A click that navigates returns once the new document has committed, not once it has
    # been parsed; axe run then sees a page with no main landmark and no heading yet.
    page.wait_for_load_state("load")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_AXE.axe_script)
    results = AxeResults(page.evaluate("options => axe.run(document, options)", OPTIONS))
    return "" if results.violations_count == 0 else f"{page.url}\n{results.generate_report()}"


def assert_accessible(page: Page) -> None:
    """No axe violations on the page as it stands."""
    report = violations(page)
    assert not report, report
