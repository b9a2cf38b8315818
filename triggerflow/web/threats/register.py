"""The register page's filters and rows: each threat with where its LRO, plan and review stand."""

from datetime import date
from typing import Any

from flask_login import current_user
from werkzeug.datastructures import MultiDict

from triggerflow.content import vocab
from triggerflow.db import db
from triggerflow.models import User
from triggerflow.queries import threats
from triggerflow.threats.states import ThreatState

STATUSES = [("open", "On the live register"), ("archived", "Archived"), ("all", "All")]
CSV_HEADINGS = (
    "Threat id",
    "Form number",
    "Threat name",
    "Owning force code",
    "Owning force",
    "MoRiLE priority",
    "State",
    "LRO",
    "LRO due on",
    "LRO appointed at",
    "4P plan due on",
    "4P plan agreed at",
    "Next review on",
    "APMIS reference",
    "PND reference",
    "Disruptions",
    "Last recorded",
    "Archive reason",
    "Accepted at",
)


def filters_from(args: MultiDict) -> threats.RegisterFilters:
    """The filters asked for; a value the page never offers is ignored, never an error."""
    status = args.get("status") if args.get("status") in dict(STATUSES) else "open"
    force = args.get("force") if args.get("force") in dict(threats.owning_forces(current_user)) else None
    priority = args.get("priority") if args.get("priority") in dict(vocab.MORILE_PRIORITY) else None
    return threats.RegisterFilters(status=status, force=force, priority=priority)


def rows(user: User, filters: threats.RegisterFilters, today: date) -> list[dict[str, Any]]:
    found = []
    for row in db.session.execute(threats.register(user, filters)):
        state = ThreatState(row.state)
        review = None if state is not ThreatState.UNDER_MANAGEMENT else threats.status(row.next_review_on, None, today)
        found.append(
            {
                "row": row,
                "state": state,
                "priority": vocab.label_for(vocab.MORILE_PRIORITY, row.morile_priority),
                "lro": threats.status(row.lro_due_on, row.lro_appointed_at, today),
                "plan": threats.status(row.plan_due_on, row.plan_agreed_at, today),
                "review": review,
            }
        )
    return found


def csv_rows(user: User, filters: threats.RegisterFilters):
    return threats.register(user, filters)
