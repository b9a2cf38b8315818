"""Every figure on every dashboard leads to a list with exactly as many rows as it says: forms for a
figure that counts forms, times for one that counts events."""

import re

from tests.web.htmlpage import parse
from triggerflow.db import utcnow
from triggerflow.synthetic import generate
from triggerflow.web.dashboards.routes import LIST_PAGE_SIZE

PAGE_PATHS = [
    "/dashboards/",
    "/dashboards/acceptance",
    "/dashboards/submissions",
    "/dashboards/reasons",
    "/dashboards/stale",
    "/dashboards/time",
    "/dashboards/assessors",
    "/dashboards/backlog",
]
LISTS = ("/dashboards/forms?", "/dashboards/events?")


def figure(text: str) -> int | None:
    """The count a linked figure shows: '12', '4 (20%)', '60% (3 of 5)' (5 decided); None for a bare rate."""
    shown = text.split(" – ", maxsplit=1)[0]
    of = re.search(r"\(([\d,]+) of ([\d,]+)\)", shown)
    if of:
        return int(of.group(2).replace(",", ""))
    if shown.endswith("%"):
        return None
    return int(shown.split()[0].replace(",", ""))


def listed(client, href: str) -> tuple[int, int, str]:
    page = parse(client.get(href))
    said = page.one(id="list-description").text
    total = int(re.search(r": ([\d,]+) (?:form|time)s?\.$", said).group(1).replace(",", ""))
    table = page.find("table", data_table="forms") or page.find("table", data_table="events")
    rows = len(table.find("tbody").find_all("tr")) if table else 0
    return total, rows, said


def test_every_figure_on_every_dashboard_equals_the_rows_of_the_list_it_links_to(ctx, people, sign_in):
    generate(90, seed=13, scenario="south-west", until=utcnow().date())
    client = sign_in(people.regional_manager)
    seen, kinds = set(), set()

    for path in PAGE_PATHS:
        page = parse(client.get(path))
        for table in page.find_all("table", class_="app-measure-table"):
            for link in table.find_all("a"):
                href = link["href"]
                count = figure(link.text) if href.startswith(LISTS) else None
                if count is None or href in seen:
                    continue
                seen.add(href)
                kinds.add(href.split("?")[0])
                total, rows, said = listed(client, href)
                assert (total, rows) == (count, min(count, LIST_PAGE_SIZE)), (path, link.text, said)

    assert kinds == {"/dashboards/forms", "/dashboards/events"} and len(seen) > 50


def test_a_figure_that_counts_events_says_times(ctx, people, sign_in):
    generate(30, seed=5, scenario="south-west", until=utcnow().date())
    page = parse(sign_in(people.regional_manager).get("/dashboards/submissions"))
    headings = [th.text for th in page.find("table", data_table="returns-per-form").find("thead").find_all("th")]
    assert "ROCTA returns (times)" in headings
