"""One form's share of the rollups, worked out from its rows alone: the counts each measure's facts
(queries.measures) would find for the form, keyed by force, UTC day and what the measure groups by.

The same function serves the move just made and the rebuild from the events, so the two cannot
drift apart; a move replaces the form's share as a whole, so returns after a reconsidered decision,
reopened items and reassignments need no rules of their own.

Each count is kept under the form's theme and threat type, and again under "any" for either and
both, so a measure narrowed by theme or threat type reads its rows as an unnarrowed one does; and
once more under each assessor who claimed the form, for a measure narrowed to the forms one claimed.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from triggerflow.queries.clocks import FORCE_CLOCK, ROCTA_CLOCK
from triggerflow.workflow.states import FormState

ACTION, DECISION, STAY, ASSESSMENT, COHORT, REASON = "action", "decision", "stay", "assessment", "cohort", "reason"
CLOCK = "clock"
CLOCKS = ("end_to_end", "rocta", "force")  # the labels of the CLOCK figure
# A stay's columns, in the order a share unpacks them.
STAY_COLUMNS = ("state", "entered_at", "left_at", "left_with", "left_by", "working_days")
ASSESSOR_ACTIONS = ("claim", "return_to_force", "accept", "reject")
DECISIONS = ("accept", "reject")
ASSESSMENT_OUTCOMES = ("return_to_force", "accept", "reject")
NOBODY = 0
# Each count is kept twice: under its day, and under its month (the figure so marked, the day its 1st),
# so that a period of whole months reads a row per month where it would read one per day.
MONTHLY = ":m"
ANY = "*"  # the theme or threat type under which every form's counts are kept together
# Where a submitted form stands now, as the submission yield names it; anything still with the ROCTA is pending.
OUTCOME_OF_STATE = {
    FormState.ACCEPTED: "accepted",
    FormState.REJECTED: "rejected",
    FormState.RETURNED: "returned",
    FormState.LAPSED: "lapsed",
    FormState.WITHDRAWN: "withdrawn",
}

# figure, force, day, sent, actor, label, number, theme, threat type, claimed by (NOBODY: every form)
Key = tuple[str, int, date, bool, int, str, int, str, str, int]


def share(form, events: Iterable, stays: Sequence, reasons: Iterable) -> Counter[Key]:
    """The form's counts under every row a measure reads (day_share, spread)."""
    return spread(day_share(form, events, stays, reasons))


def day_share(form, events: Iterable, stays: Sequence, reasons: Iterable) -> Counter[Key]:
    """The form's counts under their days alone, as to_json keeps them. `form` has force_id, state,
    first_submitted_at, primary_theme and threat_type; `events` are (action, at, actor_id) of the
    assessor actions, `stays` (state, entered_at, left_at, left_with, left_by, working_days),
    `reasons` (returned_at, reason)."""
    sent = form.first_submitted_at is not None
    theme, threat_type = form.primary_theme or "", form.threat_type or ""
    found: Counter[Key] = Counter()

    def add(figure: str, at: datetime, actor: int | None, label: str, number: int) -> None:
        day = at.astimezone(UTC).date()
        found[(figure, form.force_id, day, sent, actor or NOBODY, label, number, theme, threat_type, NOBODY)] += 1

    events = list(events)
    returns = sum(action == "return_to_force" for action, _, _ in events)
    for action, at, actor in events:
        if actor is not None:
            add(ACTION, at, actor, action, 0)
        if action in DECISIONS:
            add(DECISION, at, NOBODY, action, 0 if returns else 1)  # 1: accepted or rejected, never returned
    for state, _, left_at, left_with, left_by, days in stays:
        add(STAY, left_at, NOBODY, FormState(state).value, days)
        if state == FormState.UNDER_ASSESSMENT and left_with in ASSESSMENT_OUTCOMES:
            add(ASSESSMENT, left_at, left_by, "", days)
    for returned_at, reason in reasons:
        add(REASON, returned_at, NOBODY, reason, 0)
    if sent:
        add(COHORT, form.first_submitted_at, NOBODY, OUTCOME_OF_STATE.get(FormState(form.state), "pending"), returns)
    for decided_at, clock, days in clocks_to_first_decision(events, form.first_submitted_at, stays):
        add(CLOCK, decided_at, NOBODY, clock, days)
    return _with_claimers(found, {actor for action, _, actor in events if action == "claim" and actor})


def clocks_to_first_decision(
    events: list, first_submitted_at: datetime | None, stays: Sequence
) -> list[tuple[datetime, str, int]]:
    """(first decision's time, clock, working days) end to end and on each clock, from the stays that ended
    by the form's first decision; none for a form never decided.

    Only the first decision stops the clocks: a reconsidered form's later stays would otherwise move
    its figures, and the period they fall in, after that period was reported. Stays follow one
    another, so those entered from the first submission on add up to the working days from it.
    """
    decided_at = min((at for action, at, _ in events if action in DECISIONS), default=None)
    if decided_at is None or first_submitted_at is None:
        return []
    before = [(FormState(state), entered, days) for state, entered, left_at, *_, days in stays if left_at <= decided_at]
    end_to_end = sum(days for _, entered, days in before if entered >= first_submitted_at)
    rocta = sum(days for state, _, days in before if state in ROCTA_CLOCK)
    force = sum(days for state, _, days in before if state in FORCE_CLOCK)
    return [(decided_at, clock, days) for clock, days in zip(CLOCKS, (end_to_end, rocta, force), strict=True)]


def _with_claimers(counts: Counter[Key], claimers: set[int]) -> Counter[Key]:
    """The counts, and a copy of them under each claimer, for any theme and threat type."""
    found = Counter(counts)
    for key, count in counts.items():
        for claimer in claimers:
            found[(*key[:7], ANY, ANY, claimer)] += count
    return found


def spread(counts: Counter[Key]) -> Counter[Key]:
    """Each day's count under its day and its month, and (but for a claimer's) its theme and threat type
    each as they are and as ANY. Day counts of one form or of many added up: spreading a sum of shares
    gives the sum of their spreads, so a bulk load spreads once, not once a form."""
    found: Counter[Key] = Counter()
    for (figure, force, day, sent, actor, label, number, theme, threat_type, claimer), count in counts.items():
        filed = (
            ((theme, threat_type),) if claimer else ((theme, threat_type), (theme, ANY), (ANY, threat_type), (ANY, ANY))
        )
        for under, on in ((figure, day), (figure + MONTHLY, day.replace(day=1))):
            for as_theme, as_threat_type in filed:
                found[(under, force, on, sent, actor, label, number, as_theme, as_threat_type, claimer)] += count
    return found


def to_json(counts: Counter[Key]) -> list[list]:
    """The day rows under the form's own theme and threat type, and each claimer's: the rest follow from
    them (from_json)."""
    return [
        [*key[:2], key[2].isoformat(), *key[3:], count]
        for key, count in sorted(counts.items())
        if count and not key[0].endswith(MONTHLY) and (key[9] != NOBODY or ANY not in key[7:9])
    ]


def from_json(rows: list[list] | None) -> Counter[Key]:
    found: Counter[Key] = Counter()
    for figure, force, day, *rest, count in rows or []:
        found[(figure, force, date.fromisoformat(day), *rest)] += count
    return spread(found)
