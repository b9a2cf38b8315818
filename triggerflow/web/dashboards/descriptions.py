"""What a click-through list holds, in words, for its heading and its CSV."""

from datetime import date

from triggerflow.content import vocab
from triggerflow.web.dashboards.threat_tables import DESCRIPTIONS as THREAT_DESCRIPTIONS
from triggerflow.workflow.states import FormState

# What the assessor did, by the cell of an assessor's figure: its forms and its times say it alike.
_ASSESSOR_DID = {
    "claimed": "claimed",
    "returned": "returned",
    "accepted": "accepted",
    "rejected": "rejected",
    "decided": "accepted or rejected",
}

_CELLS = {
    ("acceptance", "decided"): "Forms accepted or rejected in the period",
    ("acceptance", "accepted"): "Forms accepted in the period",
    ("acceptance", "rejected"): "Forms rejected in the period",
    ("acceptance", "first_time"): "Forms accepted in the period without ever being returned",
    ("cohort", "first_time"): "Forms first submitted in the period and accepted without ever being returned",
    ("cohort", "submitted"): "Forms first submitted in the period",
    ("cohort", "accepted"): "Forms first submitted in the period and since accepted",
    ("cohort", "rejected"): "Forms first submitted in the period and since rejected",
    ("cohort", "returned"): "Forms first submitted in the period, now returned and not resubmitted",
    ("cohort", "lapsed"): "Forms first submitted in the period, now lapsed",
    ("cohort", "withdrawn"): "Forms first submitted in the period, since withdrawn",
    ("cohort", "pending"): "Forms first submitted in the period, now with the ROCTA",
    ("cohort", "returned_once"): "Forms first submitted in the period and returned at least once",
    ("cohort", "returned_twice"): "Forms first submitted in the period and returned twice or more",
    ("time", "decided"): "Forms accepted or rejected in the period",
    ("time", "state"): "Forms that left the state in the period",
    ("stale", "waiting"): "Returned forms waiting on the force",
    ("stale", "over_7"): "Returned forms not resubmitted after 7 days or more",
    ("stale", "over_14"): "Returned forms not resubmitted after 14 days or more",
    ("stale", "over_28"): "Returned forms not resubmitted after 28 days or more",
    ("stale", "lapsed"): "Lapsed forms",
    ("reasons", "all"): "Forms returned in the period",
    ("reasons", "reason"): "Forms returned in the period for this reason",
    **{("assessors", cell): f"Forms the assessor {did} in the period" for cell, did in _ASSESSOR_DID.items()},
    ("backlog", "all"): "Open forms",
    ("operations", "all"): "Operations running against threats not accepted",
    ("operations", "open"): "Operations running against threats not yet decided",
    ("operations", "rejected"): "Operations running against threats the ROCTA rejected",
    ("operations", "withdrawn"): "Operations running against threats whose forms were withdrawn",
    **THREAT_DESCRIPTIONS,
}


def describe(measure: str, cell: str, keys: dict[str, str] | None = None) -> str:
    keys = keys or {}
    text = _CELLS.get((measure, cell), "Open forms")
    if measure == "backlog" and cell != "all":
        text = f"Open forms {cell.replace('over-', 'more than ').replace('-', ' to ')} days in their state"
    return _with_keys(text, keys)


def _with_keys(text: str, keys: dict[str, str]) -> str:
    extras = []
    if keys.get("state"):
        extras.append(FormState(keys["state"]).label.lower())
    if keys.get("reason"):
        extras.append(f"{keys['reason']} {vocab.label_for(vocab.RETURN_REASONS, keys['reason'])}")
    if keys.get("month"):
        extras.append(date.fromisoformat(keys["month"] + "-01").strftime("decided in %B %Y"))
    return text + (f" ({'; '.join(extras)})" if extras else "")


_TIMES = {
    ("cohort", "returns"): "Times forms first submitted in the period were returned to the force",
    ("reasons", "all"): "Return items sent with returns in the period, once for each return",
    ("reasons", "reason"): "Return items sent with returns in the period for this reason, once for each return",
    **{("assessors", cell): f"Times the assessor {did} a form in the period" for cell, did in _ASSESSOR_DID.items()},
    ("time", "state"): "Stays in the state that ended in the period",
}


def describe_times(measure: str, cell: str, keys: dict[str, str] | None = None) -> str:
    """What a list of times holds: the events, items per return or stays behind a figure."""
    return _with_keys(_TIMES.get((measure, cell), "Times"), keys or {})
