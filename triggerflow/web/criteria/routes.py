"""The criteria page: every rule in plain English, with the return reasons it prevents."""

from flask import Blueprint, render_template

from triggerflow.access import ANY_ROLE, allow
from triggerflow.content import vocab
from triggerflow.content.sections import SECTIONS_BY_KEY
from triggerflow.criteria import RULES
from triggerflow.criteria.limits import LIMIT_LABELS, changes, explain
from triggerflow.queries import criteria_versions

bp = Blueprint("criteria", __name__, url_prefix="/criteria")


@bp.get("/")
@allow(*ANY_ROLE)
def index():
    history = criteria_versions.history()
    current = history[0]
    # Each version beside what changed from the one before it (the oldest has nothing before it).
    versions = [
        (version, changes(older.limits, version.limits) if older else [])
        for version, older in zip(history, [*history[1:], None])
    ]
    return render_template(
        "criteria/index.html",
        rules=RULES,
        version=f"v{current.number}",
        sections=SECTIONS_BY_KEY,
        reasons=dict(vocab.RETURN_REASONS),
        current=current,
        versions=versions,
        limit_labels=LIMIT_LABELS,
        explain=explain,
    )
