"""The OpenAPI document: valid OpenAPI 3.1, generated from the routes, every one described."""

import re

import pytest
import schemathesis

from triggerflow.access import PUBLIC
from triggerflow.api.routes.measures import MEASURES
from triggerflow.queries.measures.definitions import for_measure


@pytest.fixture
def document(client) -> dict:
    return client.get("/api/v1/openapi.json").get_json()


def test_the_document_is_valid_openapi_3_1(document):
    found = document
    assert found["openapi"] == "3.1.0"
    schemathesis.openapi.from_dict(found).validate()


def test_every_api_route_and_method_is_described_with_its_errors(app, document):
    paths = document["paths"]
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("api."):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            operation = paths[path][method.lower()]
            assert operation["summary"] and operation["tags"], (path, method)
            responses = operation["responses"]
            public = app.view_functions[rule.endpoint].allowed_roles == PUBLIC
            assert {"405", "429"} <= set(responses), (path, method)
            assert public or "401" in responses, (path, method)
            assert any(code.startswith("2") for code in responses), (path, method)


def test_repeating_items_are_named_in_plain_english(document):
    paths = document["paths"]
    summaries = {operation["summary"] for path in paths.values() for operation in path.values()}
    assert {"Add a subject", "Add an offence", "Change an intelligence item", "Remove an offence"} <= summaries
    assert not [summary for summary in summaries if re.search(r"\ba [aeiou]", summary)]


def test_every_error_is_a_problem_document(document):
    found = document
    for code, response in found["components"]["responses"].items():
        assert list(response["content"]) == ["application/problem+json"], code
        assert response["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    codes = {
        code
        for path in found["paths"].values()
        for operation in path.values()
        for code in operation["responses"]
        if not code.startswith("2")
    }
    assert {"400", "401", "403", "404", "405", "409", "413", "415", "422", "429"} <= codes


def test_changes_to_a_form_document_if_match_and_the_etag_they_answer_with(document):
    found = document
    save = found["paths"]["/api/v1/forms/{number}/sections/A"]["put"]
    assert {key: value for key, value in save["parameters"][-1].items() if key in ("name", "in", "required")} == {
        "name": "If-Match",
        "in": "header",
        "required": True,
    }
    assert "ETag" in save["responses"]["200"]["headers"]
    assert {"409", "428"} <= set(save["responses"])
    schema = found["components"]["schemas"]["SectionAInput"]["properties"]["threat_type"]
    assert schema["enum"] == ["ocg", "priority_individual", "soc_vulnerability", "", None]


def test_every_measure_schema_carries_the_definition_the_dashboards_link_to(document):
    schemas = document["components"]["schemas"]
    for name in MEASURES:
        model = "".join(part.capitalize() for part in name.split("-")) + "Measure"
        definition = for_measure(name)
        assert schemas[model]["description"] == definition.text, name
        assert "Denominator:" in schemas[model]["description"] and "In the period by:" in schemas[model]["description"]
