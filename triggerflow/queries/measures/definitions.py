"""What every figure on the dashboards means: one definition per table, shown on the definitions
page, linked from each table, and carried by each measure's OpenAPI schema.

Each says the formula, the denominator, what is counted (forms, or "times" for events), and which
date puts a thing in the period. Keyed by the table's key (web.dashboards.routes.TABLES).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Definition:
    title: str
    formula: str
    denominator: str
    counts: str
    period: str

    @property
    def text(self) -> str:
        return (
            f"{self.title}. Formula: {self.formula}. Denominator: {self.denominator}. Counts: {self.counts}. "
            f"In the period by: {self.period}."
        )


_COHORT = "forms first submitted to the ROCTA in the period (the cohort)"
_FIRST_SENT = "the date the form was first submitted to the ROCTA; its outcome is where it stands today"

DEFINITIONS: dict[str, Definition] = {
    "submission-yield": Definition(
        "Share of submissions accepted (the headline), and what became of the rest",
        "forms now accepted ÷ forms first submitted in the period; each other outcome the same way: rejected, "
        "with the ROCTA (submitted, resubmitted or under assessment), returned and waiting for the force, lapsed, "
        "withdrawn. Accepted first time is forms accepted without ever being returned ÷ the same cohort",
        _COHORT,
        "forms: each form once, by where it stands now, so the outcomes add up to the cohort",
        _FIRST_SENT,
    ),
    "acceptance": Definition(
        "Decision rate",
        "forms accepted ÷ (forms accepted + forms rejected). Not the headline: returned, lapsed and withdrawn "
        "forms are outside it, so a force whose returns lapse is not marked down by it",
        "forms accepted or rejected in the period",
        "forms",
        "the date of the decision (accept or reject)",
    ),
    "acceptance-by-month": Definition(
        "Decision rate by month",
        "for each force and calendar month, forms accepted ÷ (forms accepted + forms rejected)",
        "forms accepted or rejected in the month",
        "forms",
        "the date of the decision, by calendar month",
    ),
    "returns-per-form": Definition(
        "Returns per form",
        "ROCTA returns ÷ forms first submitted; returned at least once (or twice) is forms ÷ the cohort",
        _COHORT,
        "ROCTA returns are times a form was returned (a form returned twice counts twice); the other "
        "figures count forms",
        _FIRST_SENT + "; returns count over the form's whole life",
    ),
    "return-reasons": Definition(
        "Return reasons by force",
        "for each force, return items with the reason ÷ all the force's return items",
        "return items sent with ROCTA returns in the period, per force",
        "times: each return an item was part of counts once, so an item reopened and returned again counts "
        "in each return",
        "the date of the return the item was sent with",
    ),
    "return-reasons-overall": Definition(
        "Return reasons",
        "return items with the reason ÷ all return items",
        "return items sent with ROCTA returns in the period",
        "times, as for return reasons by force",
        "the date of the return the item was sent with",
    ),
    "stale-returns-by-force": Definition(
        "Stale returns",
        "returned forms not resubmitted, by days since the latest return: 7, 14 and 28 days or more; lapsed "
        "forms apart",
        "no denominator: counts",
        "forms",
        "none: a picture of today, whatever the period",
    ),
    "stale-returns": Definition(
        "Each stale return",
        "returned forms not resubmitted 7 days or more after their latest return",
        "no denominator: a list",
        "forms",
        "none: a picture of today, whatever the period",
    ),
    "time-in-state": Definition(
        "Time in each state",
        "median and 90th percentile of working days per stay in the state",
        "stays that ended in the period",
        "stays (times a form was in the state)",
        "the date the stay ended",
    ),
    "end-to-end": Definition(
        "Time end to end, and on each clock",
        "median and 90th percentile of working days from first submission to the form's first decision "
        "(accept or reject); the ROCTA clock (submitted, resubmitted, under assessment) and the force clock "
        "(draft, SPOC review, returned), each up to that first decision. A decision reconsidered and made again "
        "changes none of them",
        "forms whose first decision fell in the period",
        "forms: each form once, however many decisions it has had",
        "the date of the form's first decision (accept or reject)",
    ),
    "assessors": Definition(
        "Assessor workload and consistency",
        "return rate is returns ÷ (returns + decisions) by the assessor; flagged when it differs from the "
        "regional mean by more than 15 points; median working days from claim to return or decision",
        "the assessor's returns and decisions in the period",
        "times: claimed, returned, accepted and rejected count the assessor's actions, so a form claimed twice "
        "counts twice",
        "the date of the action",
    ),
    "backlog": Definition(
        "Backlog",
        "open forms per state by days in that state: 0 to 7, 8 to 14, 15 to 28, more than 28",
        "no denominator: counts",
        "forms",
        "none: a picture of today, whatever the period",
    ),
    "operations-by-force": Definition(
        "Operations without assessment, by force",
        "forms declaring an operation already running whose threat is not accepted: still open, rejected or withdrawn",
        "no denominator: counts",
        "forms",
        "none: a picture of today, whatever the period",
    ),
    "operations": Definition(
        "Operations without assessment",
        "each form declaring an operation already running whose threat is not accepted, oldest first",
        "no denominator: a list",
        "forms",
        "none: a picture of today, whatever the period",
    ),
    "registered-operations": Definition(
        "Operations on the registers with no accepted threat",
        "each operation a force recorded on its register whose trigger form is missing or not accepted, oldest "
        "first, with the days since it started",
        "no denominator: a list",
        "operations",
        "none: a picture of today, whatever the period",
    ),
    "after-acceptance": Definition(
        "After acceptance, by owning force",
        "LRO within 7 days: threats with an LRO appointed within 7 days of acceptance ÷ threats whose 7 days are "
        "up or whose LRO is appointed; 4P plan within 28 days: the same for the plan agreed within 28 days; "
        "reviews overdue and threats idle for 6 months or more (nothing recorded: no LRO, plan action, review, "
        "disruption or reference) are counts as at today; disruptions are counts by grade",
        "for the two shares, the threats whose deadline is up or whose step is done; the rest are counts",
        "threats on the register (one per acceptance); disruptions as recorded",
        "the date of acceptance for threats accepted and the two shares; the day it happened for a disruption; "
        "none for reviews overdue and idle threats (a picture of today)",
    ),
}

# The API's names for measures whose table goes by another key.
API_NAMES = {"operations-without-assessment": "operations"}


def for_measure(name: str) -> Definition:
    return DEFINITIONS[API_NAMES.get(name, name)]
