"""The management information dashboards, read as a manager reads them."""

import csv
import io

import pytest

from tests.web.htmlpage import error_summary, parse
from triggerflow.web.dashboards.routes import PAGES, TABLES

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


def get(client, path, status: int = 200, **args):
    response = client.get(path, query_string=args) if args else client.get(path)
    assert response.status_code == status, response.status_code
    return parse(response)


def table(page, key):
    """A dashboard table as rows of {column heading: cell text}."""
    found = page.find("table", data_table=key)
    headings = [th.text for th in found.find("thead").find_all("th")]
    return [
        dict(zip(headings, (cell.text for cell in tr.find_all() if cell.tag in ("th", "td"))))
        for tr in found.find("tbody").find_all("tr")
    ]


def visible(text):
    """Cell text without the visually hidden words that tell repeated links apart."""
    return text.split(" – ")[0]


def read_csv(response):
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_a_regional_manager_sees_the_lowest_force_why_its_forms_come_back_and_which_returns_go_stale(
    south_west, people, sign_in
):
    page = get(sign_in(people.regional_manager), "/dashboards/")

    # Wiltshire decided 1 of 3 (33%), but of the 5 forms it sent only 1 was accepted: the headline says 20%.
    assert page.find(id="headline").text.replace(" ,", ",") == (
        "Lowest share of submissions accepted: Wiltshire Police, 20% (1 of 5 forms first submitted in the period). "
        "The other force: 100%. What this counts"
    )
    outcomes = {row["Force"]: row for row in table(page, "submission-yield")}
    assert [
        visible(outcomes["Wiltshire Police"][column])
        for column in (
            "First submitted",
            "Accepted",
            "Rejected",
            "With the ROCTA",
            "Returned, waiting for the force",
            "Lapsed",
            "Withdrawn",
            "Accepted first time",
            "Returned twice or more",
        )
    ] == ["5", "1 (20%)", "2 (40%)", "0 (0%)", "2 (40%)", "0 (0%)", "0 (0%)", "1 (20%)", "0 (0%)"]
    ranking = table(get(sign_in(people.regional_manager), "/dashboards/acceptance"), "acceptance")
    assert visible(ranking[1]["Decision rate"]) == "33%"
    assert [row["Force"] for row in ranking] == ["Dorset Police", "Wiltshire Police", "All forces"]
    assert page.find(id="why").text == "Why Wiltshire Police’s forms come back"
    reasons = table(page, "return-reasons-overall")
    assert visible(reasons[0]["Return items (times)"]) == "4 (67%)" and reasons[0]["Reason"].startswith("R01")
    stale = {row["Force"]: row for row in table(page, "stale-returns-by-force")}
    assert visible(stale["Wiltshire Police"]["28 days or more"]) == "2"
    assert [visible(row["Form"]) for row in table(page, "stale-returns")] == [f.number for f in south_west]


@pytest.mark.parametrize("who", ["regional_manager", "national_manager", "force_manager", "assessor", "admin"])
def test_every_dashboard_opens_for_managers_assessors_and_administrators(south_west, people, sign_in, who):
    client = sign_in(getattr(people, who))
    for path in PAGE_PATHS:
        assert get(client, path).find("nav", class_="app-subnav") is not None, path


def test_officers_and_strangers_cannot_open_a_dashboard(people, sign_in, client):
    officer = sign_in(people.officer)
    for path in PAGE_PATHS + ["/dashboards/forms", "/dashboards/events", "/dashboards/acceptance.csv"]:
        assert officer.get(path).status_code == 403
        assert "/sign-in" in client.get(path).headers["Location"]


@pytest.mark.parametrize("who", ["spoc", "force_manager"])
def test_a_spoc_or_force_manager_sees_why_their_own_forces_forms_come_back_and_never_another_force(
    south_west, people, sign_in, who
):
    client = sign_in(getattr(people, who))
    assert get(client, "/").find("a", href="/dashboards/") is not None  # in the navigation
    for path in PAGE_PATHS:  # asking for another force is refused (400), and the page shows only their own
        page = get(client, path, 400, force="WIL")
        assert "Wiltshire" not in page.find(id="main-content").text.replace("Wiltshire Police’s", ""), path
    assert get(client, "/dashboards/reasons").find(data_empty="return-reasons") is not None  # Dorset had none
    assert [row["Force"] for row in table(get(client, "/dashboards/"), "submission-yield")] == ["Dorset Police"]
    listed = get(client, "/dashboards/events", 400, measure="reasons", cell="all", force="WIL")
    assert listed.find("table", data_table="events") is None
    refused = client.get("/dashboards/stale-returns.csv", query_string={"force": "WIL"})
    assert refused.status_code == 400 and b"Wiltshire" not in refused.data

    wilts = sign_in(people.wilts_spoc)
    assert [visible(row["Form"]) for row in table(get(wilts, "/dashboards/stale"), "stale-returns")] == [
        f.number for f in south_west
    ]
    assert [row["Force"] for row in table(get(wilts, "/dashboards/reasons"), "return-reasons")] == ["Wiltshire Police"]


def test_every_page_links_to_every_other_dashboard_keeping_the_filters(people, sign_in):
    page = get(sign_in(people.regional_manager), "/dashboards/", theme="fraud")
    links = page.find("nav", class_="app-subnav").find_all("a")
    assert [a.text for a in links] == [text for _, text in PAGES]
    assert all("theme=fraud" in a["href"] for a in links)


def test_every_table_downloads_as_csv_under_the_security_marking(south_west, people, sign_in):
    client = sign_in(people.regional_manager)
    for key in TABLES:
        rows = read_csv(client.get(f"/dashboards/{key}.csv"))
        assert rows[0] == ["OFFICIAL-SENSITIVE"], key
        assert len(rows[1]) >= 2 and len(rows) > 2, key


def test_every_table_on_a_page_has_its_csv_link(south_west, people, sign_in):
    client = sign_in(people.regional_manager)
    for path in PAGE_PATHS:
        page = get(client, path)
        for found in page.find_all("table", class_="app-measure-table"):
            link = page.find("a", data_csv=found["data-table"])
            assert link is not None and client.get(link["href"]).status_code == 200, (path, found["data-table"])


def test_the_csv_holds_the_same_numbers_as_the_table(south_west, people, sign_in):
    client = sign_in(people.regional_manager)
    page = get(client, "/dashboards/acceptance")
    href = page.find("a", data_csv="acceptance")["href"]
    rows = read_csv(client.get(href))
    assert rows[1] == ["Force", "Decision rate %", "Accepted", "Rejected", "Decided"]
    assert rows[2:] == [
        ["Dorset Police", "100.0", "2", "0", "2"],
        ["Wiltshire Police", "33.3", "1", "2", "3"],
        ["All forces", "60.0", "3", "2", "5"],
    ]


def test_a_number_links_to_the_forms_behind_it(south_west, people, sign_in):
    client = sign_in(people.regional_manager)
    page = get(client, "/dashboards/acceptance")
    wiltshire = page.find("table", data_table="acceptance").find_all("tr")[2]
    rejected = next(a for a in wiltshire.find_all("a") if "cell=rejected" in a["href"])
    assert rejected.text == "2 – rejected, Wiltshire Police"

    listed = get(client, rejected["href"])

    rows = table(listed, "forms")
    assert len(rows) == 2 and {row["State"] for row in rows} == {"Rejected"}
    assert {row["Force"] for row in rows} == {"Wiltshire Police"}
    assert listed.find(id="list-description").text == "Forms rejected in the period: 2 forms."


def test_a_force_manager_never_sees_another_forces_figures_in_pages_csv_or_lists(south_west, people, sign_in):
    client = sign_in(people.force_manager)

    page = get(client, "/dashboards/", 400, force="WIL")
    assert error_summary(page) == [("Select a force from the list", "#force")]
    assert [row["Force"] for row in table(page, "submission-yield")] == ["Dorset Police"]
    assert page.find("select", id="force") is None  # one force in scope: nothing to choose

    assert client.get("/dashboards/acceptance.csv", query_string={"force": "WIL"}).status_code == 400
    listed = get(client, "/dashboards/forms", 400, measure="acceptance", cell="decided", force="WIL")
    assert {row["Force"] for row in table(listed, "forms")} == {"Dorset Police"}
    stale = read_csv(client.get("/dashboards/stale-returns.csv"))
    assert stale[2:] == []


def test_an_impossible_date_is_named_in_the_error_summary_and_the_default_period_is_shown(people, sign_in):
    page = get(
        sign_in(people.regional_manager),
        "/dashboards/acceptance",
        400,
        start=["31", "2", "2026"],
        end=["1", "1", "2026"],
    )
    assert error_summary(page) == [("The start of the period must be a real date", "#start-day")]
    assert page.find("title").text.startswith("Error:")
    assert page.find("input", id="start-day")["value"] == "31"


def test_an_end_before_the_start_is_refused(people, sign_in):
    page = get(sign_in(people.regional_manager), "/dashboards/", 400, start=["1", "3", "2026"], end=["1", "2", "2026"])
    assert error_summary(page) == [("The end of the period must be the same as or after the start", "#end-day")]


def test_a_period_filter_is_kept_in_every_link_from_the_page(south_west, people, sign_in):
    client = sign_in(people.regional_manager)
    page = get(client, "/dashboards/acceptance", start=["1", "1", "2026"], end=["7", "1", "2026"])
    assert [row["Force"] for row in table(page, "acceptance")] == ["Dorset Police"]  # decided on 7 January
    numbers = [a["href"] for a in page.find("table", data_table="acceptance").find_all("a")]
    assert numbers and all("start=1&start=1&start=2026" in href for href in numbers)


def test_charts_are_labelled_images_drawn_on_the_server(south_west, people, sign_in):
    page = get(sign_in(people.regional_manager), "/dashboards/")
    charts = page.find_all("svg")
    assert charts and all(svg["role"] == "img" for svg in charts)
    first = charts[0]
    assert first.find("title").text == "Share of submissions accepted, and what became of the rest"
    assert "Lowest share accepted: Wiltshire Police, 20% (1 of 5)." in first.find("desc").text
    assert first["aria-labelledby"] == f"{first.find('title')['id']} {first.find('desc')['id']}"


def test_an_assessor_sees_their_own_figures_but_not_a_colleagues(south_west, people, sign_in):
    mine = get(sign_in(people.assessor), "/dashboards/")
    assert [row["Assessor"] for row in table(mine, "assessors")] == [people.assessor.name]
    assert get(sign_in(people.assessor), "/dashboards/assessors").find("table", data_table="assessors") is not None
    colleague = sign_in(people.assessor2)
    assert get(colleague, "/dashboards/").find("table", data_table="assessors") is None  # no figures of their own
    listed = get(colleague, "/dashboards/forms", measure="assessors", cell="claimed", by=str(people.assessor.id))
    assert listed.find("table", data_table="forms") is None


def test_a_click_through_that_names_no_figure_is_not_found(people, sign_in):
    client = sign_in(people.regional_manager)
    assert client.get("/dashboards/forms", query_string={"measure": "acceptance", "cell": "all"}).status_code == 404
    assert client.get("/dashboards/nothing.csv").status_code == 404


def test_every_table_on_every_dashboard_links_to_its_definition(south_west, people, sign_in):
    client = sign_in(people.regional_manager)
    definitions = get(client, "/dashboards/definitions")
    for path in PAGE_PATHS:
        page = get(client, path)
        for found in page.find_all("table", class_="app-measure-table"):
            key = found["data-table"]
            link = page.find("a", data_definition=key)
            assert link is not None and link["href"] == f"/dashboards/definitions#{key}", (path, key)
            defined = definitions.find(id=key)
            assert defined is not None, key
            assert {dt.text for dt in defined.find_all("dt")} == {
                "Formula",
                "Denominator",
                "Counts",
                "In the period by",
            }
    assert set(TABLES) <= {div["id"] for div in definitions.find_all(class_="app-definition")}


def test_the_decision_rate_is_labelled_as_such_and_never_the_headline(south_west, people, sign_in):
    client = sign_in(people.regional_manager)
    overview = get(client, "/dashboards/")
    assert overview.find(id="outcomes").text == "Share of submissions accepted"
    assert overview.find("table", data_table="acceptance") is None
    page = get(client, overview.find(id="decision-rate-link")["href"])
    assert page.find(id="decision-rate").text == "Decision rate"
    note = page.find(id="acceptance").find(class_="app-measure__note").text
    assert note.startswith("Decision rate is accepted ÷ (accepted + rejected), by the date of the decision.")
