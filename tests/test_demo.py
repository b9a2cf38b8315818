"""The demo tells the truth: its mail links where it serves, and its synthetic people are nobody's SPOC
and get none of its mail."""

import subprocess

from sqlalchemy import select

from tests import factories
from triggerflow import PROJECT_ROOT, demo
from triggerflow.db import db
from triggerflow.models import User
from triggerflow.queries import recipients
from triggerflow.queries.people import spocs_of
from triggerflow.synthetic.people import EMAIL_DOMAIN


def _names(users) -> list[str]:
    return [user.name for user in users]


def test_the_demo_forces_list_only_the_demo_spocs(ctx, monkeypatch):
    monkeypatch.setattr(demo, "DEMO_SYNTHETIC_FORMS", 60)
    demo.load_demo_data()
    synthetic = db.session.scalars(select(User).where(User.email.endswith(f"@{EMAIL_DOMAIN}"))).all()
    assert synthetic and not any(user.active for user in synthetic)
    assert _names(spocs_of(factories.force("DOR").id)) == ["Sam Pike"]
    assert _names(spocs_of(factories.force("WIL").id)) == ["Sadia Khan"]


def test_a_demo_form_in_the_queue_is_mailed_to_the_demo_assessor_alone(ctx, monkeypatch):
    monkeypatch.setattr(demo, "DEMO_SYNTHETIC_FORMS", 60)
    demo.load_demo_data()
    queued = db.session.scalar(
        select(demo.TriggerForm)
        .where(demo.TriggerForm.force_id == factories.force("WIL").id)
        .order_by(demo.TriggerForm.id)
    )
    assert _names(recipients.region_assessors(queued)) == ["Aled Price"]
    assert _names(recipients.force_spocs(queued)) == ["Sadia Khan"]


def test_make_run_on_another_port_writes_that_port_into_email_links():
    planned = subprocess.run(
        ["make", "--dry-run", "--always-make", "run", "PORT=8000"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    flask_steps = [line for line in planned if "flask --app triggerflow" in line]
    assert [step.split()[-1] for step in flask_steps] == ["upgrade", "seed-reference-data", "load-demo-data", "8000"]
    assert all("SERVICE_URL=http://127.0.0.1:8000 " in step for step in flask_steps)
