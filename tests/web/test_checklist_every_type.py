"""The form page's checklist on a new form: every type of threat's criteria from the start, marked."""

from tests import factories
from tests.web.htmlpage import parse


def blocking(client, form) -> list[str]:
    return [li.text for li in parse(client.get(f"/forms/{form.number}")).one("ul", id="blocking-list").find_all("li")]


def test_a_new_forms_checklist_holds_every_types_criteria_and_choosing_one_only_shortens_it(people, sign_in):
    form = factories.draft(people.officer)
    client = sign_in(people.officer)
    page = parse(client.get(f"/forms/{form.number}"))
    before = blocking(client, form)
    assert "Until the type of threat is chosen" in page.one("p", id="every-type-note").text
    assert "Record exactly one principal (there are 0) (criterion C2, for Organised crime group (OCG) only)" in before

    client.post(f"/forms/{form.number}/sections/A", data={"version": form.version, "threat_type": "ocg"})
    after = blocking(client, form)

    assert len(after) < len(before)
    assert "Record exactly one principal (there are 0) (criterion C2)" in after
    assert not any("Priority individual" in line or "SOC vulnerability" in line for line in after)
