"""Over the API, a form with no type of threat lists every type's findings, each saying its types."""


def test_a_new_forms_findings_say_which_type_of_threat_they_are_for(api, people):
    officer = api(people.officer)
    number = officer.post("/forms").get_json()["number"]

    blocking = officer.get(f"/forms/{number}").get_json()["completeness"]["blocking"]

    by_message = {f["message"]: f["threat_types"] for f in blocking}
    assert by_message["Select the type of threat"] == []
    assert by_message["Record at least one offence that carries 7 years or more"] == ["ocg"]
    assert by_message["Select at least one capability indicator"] == ["ocg", "priority_individual"]
