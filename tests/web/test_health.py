"""/healthz tells a load balancer whether this server can reach the database, and nothing more."""

from tests.databases import PostgreSQLDatabases, app_for


def test_the_health_check_is_public_and_reports_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}
    assert "Set-Cookie" not in response.headers


def test_the_health_check_answers_503_when_the_database_cannot_be_reached(databases, tmp_path):
    if isinstance(databases, PostgreSQLDatabases):
        unreachable = app_for(databases.cluster.url("no_such_database"))
    else:
        unreachable = app_for(f"sqlite:///{tmp_path / 'no-such-folder' / 'triggerflow.db'}")

    response = unreachable.test_client().get("/healthz")

    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "database": "unreachable"}
