"""Serving behind a load balancer: each process's connection pool and the forwarded client address."""

from flask import request

from config import ProductionConfig
from triggerflow import create_app
from triggerflow.access import PUBLIC, allow
from triggerflow.db import db

STRONG_KEY = "a-long-random-production-secret-key-0123456789"


def _production(**settings):
    return type("Deployed", (ProductionConfig,), {"SECRET_KEY": STRONG_KEY, **settings})


def test_postgresql_connections_are_pooled_as_the_settings_say():
    app = create_app(
        _production(
            SQLALCHEMY_DATABASE_URI="postgresql+psycopg://tf@db.example/triggerflow",
            DATABASE_POOL_SIZE=7,
            DATABASE_MAX_OVERFLOW=3,
            DATABASE_POOL_TIMEOUT=4,
            DATABASE_POOL_RECYCLE=600,
        )
    )
    with app.app_context():
        pool = db.engine.pool  # made without connecting
        assert (pool.size(), pool._max_overflow, pool._timeout, pool._recycle, pool._pre_ping) == (7, 3, 4, 600, True)


def test_sqlite_keeps_its_own_pool_but_checks_and_recycles_connections(tmp_path):
    app = create_app(_production(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'one.db'}"))
    with app.app_context():
        assert (db.engine.pool._recycle, db.engine.pool._pre_ping) == (ProductionConfig.DATABASE_POOL_RECYCLE, True)


def _address_app(proxies: int):
    app = create_app(_production(SQLALCHEMY_DATABASE_URI="sqlite://", PROXY_COUNT=proxies))
    app.add_url_rule("/address", view_func=allow(PUBLIC)(lambda: f"{request.scheme} {request.remote_addr}"))
    return app.test_client()


def test_behind_a_load_balancer_the_client_address_and_scheme_come_from_its_headers():
    client = _address_app(proxies=1)
    answer = client.get(
        "/address",
        environ_base={"REMOTE_ADDR": "10.0.0.2"},
        headers={"X-Forwarded-For": "192.0.2.44", "X-Forwarded-Proto": "https"},
    )
    assert answer.get_data(as_text=True) == "https 192.0.2.44"


def test_without_a_proxy_forwarded_headers_are_not_believed():
    client = _address_app(proxies=0)
    answer = client.get(
        "/address",
        environ_base={"REMOTE_ADDR": "10.0.0.2"},
        headers={"X-Forwarded-For": "192.0.2.44", "X-Forwarded-Proto": "https"},
    )
    assert answer.get_data(as_text=True) == "http 10.0.0.2"
