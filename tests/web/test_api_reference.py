"""The API reference page shows every operation of the OpenAPI document, nothing typed twice."""

from tests.web.htmlpage import parse


def test_every_operation_of_the_document_is_on_the_page(people, sign_in):
    client = sign_in(people.officer)
    document = client.get("/api/v1/openapi.json").get_json()
    page = parse(client.get("/api-reference"))
    headings = {heading.text for heading in page.find_all("h3")}
    for path, methods in document["paths"].items():
        for operation in methods.values():
            assert operation["summary"] in headings, (path, operation["summary"])
    assert "/api/v1/forms/{number}/actions/return_to_force" in {code.text for code in page.find_all("code")}
    assert "Problem" in headings


def test_signed_out_people_are_asked_to_sign_in(client):
    response = client.get("/api-reference")
    assert response.status_code == 302 and "/sign-in" in response.location
