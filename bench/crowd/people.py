"""The people of the load test, as locust users: each signs in once as one person of the cast and
then works as that role does, through the pages a browser would load (locustfile).

Who is who comes from the cast file the run writes (LOAD_CAST). A page that refuses a move
because someone else made a move first (a 403 on an action no longer offered, a 409) is the app
doing its job and is counted apart, as "taken first"; every other 4xx or 5xx is an error.
"""

import json
import os
import random
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import pyotp
from locust import HttpUser, between, events, task

from bench.crowd import page
from triggerflow.workflow.errors import StaleForm

CAST = json.loads(Path(os.environ["LOAD_CAST"]).read_text(encoding="utf-8"))
DASHBOARDS = (
    "/dashboards/",
    "/dashboards/acceptance",
    "/dashboards/submissions",
    "/dashboards/reasons",
    "/dashboards/stale",
    "/dashboards/time",
    "/dashboards/assessors",
    "/dashboards/backlog",
)
FILLER = "Seen at the same addresses on three nights this month, as the attached intelligence says."
SCORES = ("morile_harm", "morile_likelihood", "morile_risk")
TAKEN_FIRST = "taken first"


# `make serve` marks the session cookie Secure (__Host-), for https, and the test speaks http on
# loopback. requests copies each session's cookies into a jar of its own for every request, so
# only the policy class itself can let this process send them back.
DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 4)  # reading the page before the next click
    role = ""

    def on_start(self) -> None:
        self.me = CAST["people"][self.role].pop()
        form = page.main_form(self._get("/sign-in", "Sign-in page").text)
        reply = self._post(
            "/sign-in", {**form.fields, "email": self.me["email"], "password": CAST["password"]}, "Sign in"
        )
        if "/sign-in/code" in reply.url:
            form = page.main_form(reply.text)
            code = pyotp.TOTP(self.me["totp_secret"]).now()
            self._post(reply.url, {**form.fields, "code": code}, "Sign in: authenticator code")

    def _get(self, path: str, name: str):
        return self.client.get(path, name=name)

    def _post(self, path: str, data: dict, name: str):
        return self.client.post(path, data=data, name=name)

    def act(self, number: str, action: str, name: str, shown: str = "", **answers) -> bool:
        """Take the action from the form page as it was `shown`, or through the action's own page;
        False when someone else moved the form first."""
        form = page.inline_action(shown, number, action)
        if form is None:
            with self.client.get(
                f"/forms/{number}/actions/{action}", name=f"{name} page", catch_response=True
            ) as reply:
                if reply.status_code == 403:
                    reply.success()
                    _taken_first()
                    return False
            form = page.main_form(reply.text)
        with self.client.post(
            f"/forms/{number}/actions/{action}",
            data=_filled(form, answers),
            name=name,
            catch_response=True,
            allow_redirects=False,
        ) as posted:
            if posted.status_code in (403, 409):
                posted.success()
                _taken_first()
                return False
            if posted.status_code != 302:
                posted.failure(f"{action} refused ({posted.status_code}): {page.error_summary(posted.text)}")
                return False
        # The browser follows the redirect to the form page, which says whether the move was made or
        # someone else's came first (the page had been overtaken and the action is gone).
        if StaleForm.message in self.form_page(number).text:
            _taken_first()
            return False
        return True

    def form_page(self, number: str):
        return self._get(f"/forms/{number}", "Form page")


def _taken_first() -> None:
    events.request.fire(
        request_type="MOVE", name=TAKEN_FIRST, response_time=0, response_length=0, exception=None, context={}
    )


def _filled(form: page.PostForm, answers: dict, skip: tuple[str, ...] = ()) -> dict:
    """What a person posts: what the page shows, the given answers, and a first choice where one is needed."""
    data = dict(form.fields)
    for name, offered in form.choices.items():
        if name not in data and name not in skip and offered:
            data[name] = offered[0]
    for name in form.empty_texts:
        if name not in skip and not data.get(name):
            data[name] = "12" if name in SCORES or name.startswith("score_") else "Level 2"
    data.update(answers)
    return data


class Officer(Person):
    role = "officer"
    fixed_count = len(CAST["people"]["officer"])

    @task(4)
    def edit_and_send(self) -> None:
        if not self.me["drafts"]:
            return self.look_around()
        number = self.me["drafts"].pop()
        self.form_page(number)
        section = self._get(f"/forms/{number}/sections/A", "Section page")
        form = page.main_form(section.text)
        data = {**form.fields, "working_name": f"{form.fields.get('working_name', '')} (revised)"[:120]}
        with self.client.post(
            f"/forms/{number}/sections/A", data=data, name="Save section", catch_response=True, allow_redirects=False
        ) as saved:
            if saved.status_code != 302:
                saved.failure(f"saving refused ({saved.status_code}): {page.error_summary(saved.text)}")
                return None
        self.act(number, "send_to_spoc", "Send to SPOC")
        return None

    @task(1)
    def look_around(self) -> None:
        self._get("/", "Home")
        self._get("/search?q=cannabis", "Search")


class Spoc(Person):
    role = "spoc"
    fixed_count = len(CAST["people"]["spoc"])

    @task
    def submit(self) -> None:
        for number in page.form_numbers(self._get("/", "Home").text)[:3]:
            shown = self.form_page(number).text
            if page.has_action(shown, number, "submit"):
                self.act(number, "submit", "Submit to ROCTA", shown, comment="Checked against the criteria.")
                return


class Assessor(Person):
    role = "assessor"
    fixed_count = len(CAST["people"]["assessor"])

    @task
    def assess(self) -> None:
        numbers = page.form_numbers(self._get("/", "Home").text)
        random.shuffle(numbers)
        for number in numbers[:4]:
            shown = self.form_page(number).text
            if page.has_action(shown, number, "claim"):
                if self.act(number, "claim", "Claim", shown):
                    self.decide(number)
                return
            if page.has_action(shown, number, "accept"):
                self.decide(number)
                return

    def decide(self, number: str) -> None:
        if random.random() < 0.6:
            self.act(number, "accept", "Accept")
            return
        new_item = self._get(f"/forms/{number}/return-items/new", "Return item page")
        form = page.main_form(new_item.text)
        data = _filled(form, {"section": "B", "comment": FILLER}, skip=("field_name",))
        with self.client.post(
            f"/forms/{number}/return-items/new",
            data=data,
            name="Add return item",
            catch_response=True,
            allow_redirects=False,
        ) as added:
            if added.status_code != 302:
                added.failure(f"return item refused ({added.status_code}): {page.error_summary(added.text)}")
                return
        self.act(number, "return_to_force", "Return to force")


class Manager(Person):
    role = "manager"
    fixed_count = len(CAST["people"]["manager"])

    @task
    def read(self) -> None:
        path = random.choice(DASHBOARDS)
        self._get(path, f"Dashboard {path}")
