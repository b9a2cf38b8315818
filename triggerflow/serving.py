"""Running as one of several app servers behind a load balancer, on one shared database.

Each process pools its database connections (sized by the DATABASE_POOL_* settings) and,
behind PROXY_COUNT proxies, takes the client's address and scheme from X-Forwarded-For and
X-Forwarded-Proto, so rate limits, the security log and secure cookies see the real request.
"""

from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def engine_options(config: dict[str, Any]) -> dict[str, Any]:
    # Every connection is checked before use and replaced before a server or firewall drops it.
    options = {
        "pool_pre_ping": True,
        "pool_recycle": config["DATABASE_POOL_RECYCLE"],
        # Errors and SQL logs never carry the values bound in (password hashes, token digests).
        "hide_parameters": True,
    }
    if not config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):  # one file on one host: its own pool
        options.update(
            pool_size=config["DATABASE_POOL_SIZE"],
            max_overflow=config["DATABASE_MAX_OVERFLOW"],
            pool_timeout=config["DATABASE_POOL_TIMEOUT"],
        )
    return options


def configure(app: Flask) -> None:
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(app.config)
    proxies = app.config["PROXY_COUNT"]
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
