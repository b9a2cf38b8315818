"""Every dashboard tab where a picture helps has a chart, and a chart's labels are never cut short."""

import pytest

from tests.web.htmlpage import parse
from tests.web.test_dashboards import get
from triggerflow.web.dashboards.charts import Bar, Series, bar_chart, small_multiples, stacked_bars


def chart_titles(page) -> list[str]:
    return [svg.find("title").text for svg in page.find_all("svg")]


@pytest.mark.usefixtures("south_west")
def test_submissions_stale_returns_time_taken_and_assessors_each_have_a_chart(people, sign_in):
    client = sign_in(people.regional_manager)
    assert chart_titles(get(client, "/dashboards/submissions")) == [
        "What became of the forms first submitted, by force"
    ]
    assert chart_titles(get(client, "/dashboards/stale")) == ["Returns waiting on each force, by days since the return"]
    assert chart_titles(get(client, "/dashboards/time")) == [
        "Working days from first submission to first decision, by force"
    ]
    assessors = get(client, "/dashboards/assessors")
    assert chart_titles(assessors) == ["Return rate by assessor"]
    assert people.assessor.name in assessors.find("svg").text


@pytest.mark.usefixtures("south_west")
def test_the_stale_returns_chart_counts_each_forces_waiting_returns(people, sign_in):
    chart = get(sign_in(people.regional_manager), "/dashboards/stale").find("svg")
    values = [text.text for text in chart.find_all("text", class_="app-chart__value")]
    assert values == ["2"]  # Wiltshire's two returns waiting; Dorset has none, so no bar's worth
    assert "Wiltshire Police" in chart.text


LONG = "R01 Not enough evidence of a group working together towards a common criminal purpose"


@pytest.mark.parametrize(
    "draw",
    [
        lambda: bar_chart("Reasons", "Test", [Bar(LONG, 40, "40%")]),
        lambda: stacked_bars("Stale", "Test", [(LONG, (1, 2, 0, 1))], ("A", "B", "C", "D")),
        lambda: small_multiples("Rates", "Test", [Series(LONG, (("2026-01", 50.0), ("2026-02", 60.0)))]),
    ],
    ids=["bars", "stacked bars", "small multiples"],
)
def test_a_long_chart_label_wraps_over_lines_in_full(draw):
    chart = parse(str(draw()))
    lines = [span.text for span in chart.find("text", class_="app-chart__label").find_all("tspan")]
    assert len(lines) > 1 and " ".join(lines) == LONG


@pytest.mark.usefixtures("south_west")
def test_the_return_reasons_cross_tab_is_shaded_by_each_reasons_share(people, sign_in):
    matrix = get(sign_in(people.regional_manager), "/dashboards/reasons").find("table", data_table="return-reasons")
    wiltshire = next(tr for tr in matrix.find("tbody").find_all("tr") if tr.find("th").text == "Wiltshire Police")
    shades = {
        cell.text.split(" – ")[0]: [c for c in cell.classes if c.startswith("app-heat--")]
        for cell in wiltshire.find_all("td", class_="app-heat")
    }
    assert shades == {"4 (67%)": ["app-heat--4"], "2 (33%)": ["app-heat--3"]}
