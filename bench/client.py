"""Signing the benchmark's people in, in process, through the real sign-in page."""

import re

from flask import Flask
from flask.testing import FlaskClient

from bench.dataset import PASSWORD

_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def signed_in(app: Flask, email: str, password: str = PASSWORD) -> FlaskClient:
    client = app.test_client()
    page = client.get("/sign-in")
    token = _CSRF.search(page.get_data(as_text=True))
    response = client.post(
        "/sign-in", data={"csrf_token": token.group(1) if token else "", "email": email, "password": password}
    )
    if response.status_code != 302:
        raise RuntimeError(f"{email} could not sign in (HTTP {response.status_code})")
    # A first page puts the CSRF token in the cookie, as a browser's holds it from then on: a cookie
    # without one, sent again and again, would have every request make and sign a new one.
    client.get("/")
    return client


def cookie_header(app: Flask, client: FlaskClient) -> str:
    """The session cookie as a Cookie header, for a load generator to send."""
    name = app.config["SESSION_COOKIE_NAME"]
    return f"{name}={client.get_cookie(name).value}"
