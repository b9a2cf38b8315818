"""The pages take what anyone can type or put in a link as strictly as the API: dates within the years
the service covers, ids and page numbers in range, text cleaned, a box ticked twice stored once."""

import pytest

from tests import factories
from tests.web.htmlpage import error_summary, parse
from triggerflow.db import db

DASHBOARD = "/dashboards/acceptance"


def reload(form):
    db.session.expire_all()
    return db.session.get(type(form), form.id)


@pytest.mark.parametrize("end", [["31", "12", "9999"], ["1", "1", "1899"]])
def test_a_dashboard_asked_for_a_year_the_service_does_not_cover_says_so(people, sign_in, end):
    response = sign_in(people.regional_manager).get(DASHBOARD, query_string={"start": ["1", "1", "2026"], "end": end})

    assert response.status_code == 400
    assert error_summary(parse(response)) == [
        ("The end of the period must be between 1 January 1900 and 31 December 2100", "#end-day")
    ]


@pytest.mark.parametrize(
    "start", [["31", "2", "2026"], ["1", "1", "２０２６"], ["1_0", "1", "2026"], ["+1", "1", "2026"]]
)
def test_a_dashboard_given_a_date_that_is_not_one_answers_400_with_the_error_summary(people, sign_in, start):
    response = sign_in(people.regional_manager).get(DASHBOARD, query_string={"start": start})

    assert response.status_code == 400
    assert [href for _, href in error_summary(parse(response))] == ["#start-day"]


@pytest.mark.parametrize(
    "path, args",
    [("/dashboards/acceptance.csv", {}), ("/dashboards/forms.csv", {"measure": "acceptance", "cell": "decided"})],
)
def test_a_download_whose_period_is_refused_is_not_sent_for_the_default_period_instead(people, sign_in, path, args):
    response = sign_in(people.regional_manager).get(path, query_string={**args, "end": ["31", "12", "9999"]})

    assert response.status_code == 400 and response.mimetype == "text/html"


@pytest.mark.parametrize(
    "keys",
    [{"month": "2026-13"}, {"month": "٢٠٢٦-٠١"}, {"month": "9999-12"}, {"by": "²"}, {"by": "99999999999999999999"}],
)
def test_a_click_through_with_keys_no_figure_has_is_not_found(people, sign_in, keys):
    measure = (
        {"measure": "acceptance-by-month", "cell": "decided"}
        if "month" in keys
        else {"measure": "assessors", "cell": "claimed"}
    )

    response = sign_in(people.regional_manager).get("/dashboards/forms", query_string={**measure, **keys})

    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/admin/users/99999999999999999999", "/admin/users/2147483648"])
def test_an_id_out_of_range_is_not_found(people, sign_in, path):
    client = sign_in(people.admin)

    assert client.get(path).status_code == 404
    assert client.post(f"{path}/active", data={"active": "no"}).status_code == 404


@pytest.mark.parametrize("number", ["99999999999999999999", "²", "-1", "x"])
def test_a_page_number_that_is_not_one_shows_the_first_page(people, sign_in, number):
    client = sign_in(people.admin)

    for path in ("/admin/users", "/admin/audit", "/admin/exports"):
        assert client.get(path, query_string={"page": number}).status_code == 200, path


@pytest.mark.parametrize("version", ["²", "99999999999999999999", " 2"])
def test_a_mangled_version_is_a_stale_page_not_a_server_error(people, sign_in, version):
    form = factories.draft(people.officer, {"A": {"working_name": "Operation Elm"}})

    response = sign_in(people.officer).post(
        f"/forms/{form.number}/sections/A", data={"version": version, "working_name": "Operation Oak"}
    )

    assert response.status_code == 409
    assert reload(form).answers_for("A")["working_name"] == "Operation Elm"


@pytest.mark.parametrize("character", ["\x7f", "\x80", "\x85", "\x9f"])
def test_del_and_the_c1_controls_are_removed_from_what_is_typed(people, sign_in, character):
    form = factories.draft(people.officer)

    response = sign_in(people.officer).post(
        f"/forms/{form.number}/sections/A", data={"version": form.version, "working_name": f"Operation{character} Elm"}
    )

    assert response.status_code == 302
    assert reload(form).answers_for("A")["working_name"] == "Operation Elm"


def test_a_box_ticked_twice_is_stored_once(people, sign_in):
    form = factories.draft(people.officer)

    response = sign_in(people.officer).post(
        f"/forms/{form.number}/sections/A",
        data={"version": form.version, "secondary_themes": ["fraud", "firearms", "fraud"]},
    )

    assert response.status_code == 302
    assert reload(form).answers_for("A")["secondary_themes"] == ["fraud", "firearms"]
