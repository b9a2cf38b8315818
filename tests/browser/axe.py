"""Accessibility checks with axe-core, injected with page.evaluate (a strict CSP blocks script tags)."""
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

_AXE = Axe()


def assert_accessible(page: Page) -> None:
    """No axe violations on the page as it stands, WCAG and best practice alike."""
    results = _AXE.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
