"""A real OpenID Connect provider for the tests (provider.mjs, npm oidc-provider), and a person using it."""

import json
import os
import re
import subprocess  # nosec B404 - starts node on our own script
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import requests
import time_machine

from triggerflow.db import utcnow

SCRIPT = Path(__file__).with_name("provider.mjs")
CLIENT_ID, CLIENT_SECRET = "triggerflow-tests", "a-client-secret-for-tests-only"


class LocalProvider:
    """The provider, running on 127.0.0.1 until stop(); `issuer` is its address."""

    def __init__(self, redirect_uri: str):
        self.redirect_uri = redirect_uri
        config = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": [redirect_uri]}
        # The provider runs on the tests' clock, which TEST_TODAY may have moved away from the real one.
        travelling = time_machine.escape_hatch.is_travelling()
        offset = round((utcnow().timestamp() - time_machine.escape_hatch.time.time()) * 1000) if travelling else 0
        self.process = subprocess.Popen(
            ["node", str(SCRIPT), json.dumps(config)],
            cwd=SCRIPT.parents[2],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "CLOCK_OFFSET_MS": str(offset)},
        )
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the OpenID Connect provider did not start: is npm's oidc-provider installed?")
        self.issuer = json.loads(line)["issuer"]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def settings(self, **overrides) -> dict:
        """What an administrator would enter for it (admin.identity_providers.save)."""
        return {
            "name": "Dorset Police",
            "belongs_to": "force:DOR",
            "issuer": self.issuer,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "email_domain": "test.police.uk",
            "enabled": True,
            **overrides,
        }

    def sign_in_as(self, authorisation_url: str, login: str) -> str:
        """Signs in at the provider's own pages; returns the address it sends the browser back to."""
        browser = requests.Session()
        page = browser.get(authorisation_url, timeout=10)
        action = unescape(re.search(r'<form[^>]*action="([^"]+)"', page.text).group(1))
        response = browser.post(
            urljoin(page.url, action),
            timeout=10,
            allow_redirects=False,
            data={"prompt": "login", "login": login, "password": "any"},
        )
        while not response.headers["Location"].startswith(self.redirect_uri):
            response = browser.get(
                urljoin(response.url, response.headers["Location"]), timeout=10, allow_redirects=False
            )
        return response.headers["Location"]
