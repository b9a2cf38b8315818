"""API clients: a test client that sends a personal token, and helpers to read problems and ETags."""

import pytest

from triggerflow.accounts import tokens


class ApiClient:
    """Calls the API as one token's user; remembers nothing but the token."""

    def __init__(self, client, secret: str):
        self.client, self.secret = client, secret

    def call(self, method: str, path: str, json=None, etag: str | None = None, headers: dict | None = None, **kw):
        sent = {"Authorization": f"Bearer {self.secret}", **(headers or {})}
        if etag is not None:
            sent["If-Match"] = etag
        return self.client.open(f"/api/v1{path}", method=method, json=json, headers=sent, **kw)

    def get(self, path: str, **kw):
        return self.call("GET", path, **kw)

    def post(self, path: str, json=None, **kw):
        return self.call("POST", path, json, **kw)

    def put(self, path: str, json=None, **kw):
        return self.call("PUT", path, json, **kw)

    def delete(self, path: str, **kw):
        return self.call("DELETE", path, **kw)

    def etag(self, number: str) -> str:
        return self.get(f"/forms/{number}").headers["ETag"]


@pytest.fixture
def api(app, people):
    """api(user) -> a client calling the API with a fresh token of that user."""

    def client_for(user, **issue) -> ApiClient:
        return ApiClient(app.test_client(), tokens.issue(user, "Test token", **issue).secret)

    return client_for


GROUPS = {"B": "subjects", "C": "offences", "F": "intelligence"}
CITES = ("planning_cites", "control_cites", "coordination_cites", "decision_making_cites")


def fill(client: ApiClient, number: str, answers: dict) -> str:
    """Answer every section as a program would: sections, then their items, citing the new items' ids.
    Returns the form's ETag afterwards."""
    etag = client.etag(number)
    intelligence_ids = []
    given_ids = [item.get("id") for item in answers.get("F", {}).get("intelligence", [])]
    # B and D cite section F's items, so F goes first and D last.
    for key in sorted(answers, key=lambda k: (k != "F", k == "D")):
        values = dict(answers[key])
        items = values.pop(GROUPS.get(key, ""), [])
        if key == "D":
            values |= dict.fromkeys(CITES, intelligence_ids)
        if key == "B":
            new_id = dict(zip(given_ids, intelligence_ids))
            items = [
                {**item, "link_cites": [new_id[c] for c in item.get("link_cites", []) if c in new_id]} for item in items
            ]
        response = client.put(f"/forms/{number}/sections/{key}", json=values, etag=etag)
        assert response.status_code == 200, response.get_json()
        etag = response.headers["ETag"]
        for item in items:
            response = client.post(
                f"/forms/{number}/sections/{key}/{GROUPS[key]}",
                json={k: v for k, v in item.items() if k != "id"},
                etag=etag,
            )
            assert response.status_code == 201, response.get_json()
            etag = response.headers["ETag"]
            if key == "F":
                intelligence_ids.append(response.get_json()["id"])
    return etag
