"""Criteria v1: every completeness rule as data (DESIGN section 3).

The submit gate, the live checklist, section status, the completeness percentage and the
public criteria page all read this table.
"""

from triggerflow.content.vocab import THREAT_TYPES
from triggerflow.criteria import checks, evidence_checks, intelligence_checks
from triggerflow.criteria.facts import Facts
from triggerflow.criteria.rule import Rule, Severity

CRITERIA_VERSION = "v1"


def _summary(facts: Facts) -> list[tuple[str, str]]:
    # C1 also asks for a working name and summary: without them nobody can tell what the threat is.
    problems = checks.c1_threat_type(facts)
    if not facts.text("A", "working_name"):
        problems.append(("A.working_name", "Enter a working name"))
    return problems + checks.too_short(facts, "A", "summary", facts.limit("summary_min"), "The summary")


OCG = frozenset({"ocg"})
THREAT_TYPE_VALUES = [value for value, _ in THREAT_TYPES]
H, S = Severity.HARD, Severity.SOFT

RULES: tuple[Rule, ...] = (
    Rule(
        "C1",
        "A",
        H,
        "The threat is identified",
        "Say what kind of threat this is (an organised crime group, a priority individual or a SOC "
        "vulnerability), give it a working name, and summarise it in at least {summary_min} characters.",
        ("R12",),
        _summary,
    ),
    Rule(
        "C2",
        "B",
        H,
        "An organised crime group has enough identified subjects",
        "Of the subjects, at least {ocg_min_identified} of them identified by surname, forename, date of birth and "
        "intelligence or PNC ID, and exactly one principal.",
        ("R02",),
        checks.c2_ocg_subjects,
        OCG,
    ),
    Rule(
        "C3",
        "B",
        H,
        "A priority individual is one identified principal",
        "Record the subject, identified, as the principal, and explain in at least {pi_rationale_min} "
        "characters why they are a threat in their own right.",
        ("R02",),
        checks.c3_priority_individual,
        frozenset({"priority_individual"}),
    ),
    Rule(
        "C4",
        "D",
        H,
        "A SOC vulnerability is described",
        "Describe the vulnerability in at least {vulnerability_min} characters.",
        ("R09",),
        checks.c4_vulnerability,
        frozenset({"soc_vulnerability"}),
    ),
    Rule(
        "C5",
        "A",
        H,
        "The primary SOC theme is set",
        "Choose the primary theme; for county lines, give the line name or number.",
        # The theme says what the threat does, not what kind of threat it is (R12).
        ("R99",),
        checks.c5_theme,
    ),
    Rule(
        "C6",
        "C",
        H,
        "The serious-crime test is met and justified",
        "Tick at least one serious-crime test with at least {serious_crime_justification_min} characters of "
        "justification. An organised crime group also needs an offence carrying 7 years or more.",
        ("R03",),
        checks.c6_serious_crime,
    ),
    Rule(
        "C7",
        "C",
        H,
        "The activity is current and continuing",
        "Give the dates activity was first known and most recently seen, neither in the future. If "
        "they are less than {continuing_span_days} days apart, or the most recent is more than "
        "{recent_activity_days} days ago, explain in at least {continuing_basis_min} characters why it is "
        "continuing.",
        ("R04",),
        checks.c7_activity_dates,
    ),
    Rule(
        "C8",
        "D",
        H,
        "Planning, control, coordination and decision-making are evidenced",
        "For an organised crime group, describe each of the four in at least {organisation_min} characters and cite "
        "at least one intelligence item from section F for each.",
        ("R05a", "R05b", "R05c", "R05d"),
        checks.c8_organisation,
        OCG,
    ),
    Rule(
        "C9",
        "D",
        H,
        "Capability is evidenced",
        "Select at least one capability indicator and describe the capability in at least {capability_min} characters.",
        ("R06",),
        checks.c9_capability,
        frozenset({"ocg", "priority_individual"}),
    ),
    Rule(
        "C10",
        "F",
        H,
        "The intelligence is referenced and graded",
        "Add at least one intelligence item. Every item needs a reference, a date that is not in the "
        "future, a 3x5x2 grading and a handling code. At least one item must be graded source 1 or 2 "
        "with assessment A, B or C.",
        ("R07", "R08"),
        intelligence_checks.c10_intelligence,
    ),
    Rule(
        "C11",
        "F",
        S,
        "The intelligence is enough and recent",
        "Fewer than {intelligence_items_advised} intelligence items, or a newest item over "
        "{intelligence_stale_days} old, often leads to a return for weak or old intelligence. Each older item "
        "is named.",
        ("R08",),
        intelligence_checks.c11_intelligence_strength,
    ),
    Rule(
        "C12",
        "E",
        H,
        "The geography is set",
        "Give the force areas affected, the local policing area and the geographic scope.",
        ("R10",),
        checks.c12_geography,
    ),
    Rule(
        "C13",
        "G",
        H,
        "Harm and vulnerability are described",
        "Describe at least one type of harm, answer whether there are vulnerable victims, and if "
        "there are, describe the safeguarding referrals made.",
        ("R09",),
        checks.c13_harm,
    ),
    Rule(
        "C14",
        "H",
        H,
        "Existing operations and records are declared",
        "Say whether an operation is already running (with its name and officer in charge). Search the "
        "SOC master list and PND before sending: give the date of the search and its result in at least "
        "{search_result_min} characters.",
        ("R11",),
        checks.c14_operation_and_search,
    ),
    Rule(
        "C15",
        "I",
        H,
        "The form is safe to share",
        "Set the security marking, OFFICIAL-SENSITIVE once the form names subjects or holds "
        "intelligence, declare it contains no source-identifying material, and give the conditions of "
        "every intelligence item with handling code C.",
        ("R13",),
        checks.c15_handling,
    ),
    Rule(
        "C16",
        "A",
        H,
        "Every return item is answered",
        "On resubmission, every open return item needs a response of at least {response_min} characters, and the "
        "section it points at must have changed since the return.",
        ("R99",),
        checks.c16_responses,
        resubmission_only=True,
    ),
    Rule(
        "C17",
        "C",
        S,
        "The modus operandi is described",
        "Describe how the group or individual operates; assessors ask for it when it is missing.",
        ("R01",),
        checks.c17_modus_operandi,
    ),
    Rule(
        "C18",
        "B",
        H,
        "Every subject is linked to the group",
        "For every subject other than the principal, say in at least {link_min} characters how they are linked "
        "to the group and cite an intelligence item from section F that shows it.",
        ("R01",),
        evidence_checks.c18_links_to_group,
        OCG,
    ),
    Rule(
        "C19",
        "B",
        H,
        "The threat type fits the subjects",
        "An organised crime group is at least {ocg_min_subjects} subjects acting together; a priority individual is "
        "exactly one subject; a SOC vulnerability has no subjects.",
        ("R12",),
        evidence_checks.c19_type_fits_subjects,
        frozenset(THREAT_TYPE_VALUES),
    ),
    Rule(
        "C20",
        "F",
        H,
        "The intelligence is corroborated",
        "Among the items graded source 1 or 2 with assessment A, B or C, give either items from at least "
        "two different kinds of source, or one item assessed A or B that is less than {intelligence_stale_days} old.",
        ("R08",),
        intelligence_checks.c20_corroboration,
    ),
    Rule(
        "C21",
        "G",
        H,
        "The harm can be scored",
        "Give what a MoRiLE assessment scores: the number of victims, the financial harm in pounds and how "
        "often the harm happens, and the kinds of vulnerability when there are vulnerable victims. "
        "Any of them may be “not known” if you say why in at least {not_known_reason_min} characters.",
        ("R09",),
        evidence_checks.c21_harm_scored,
    ),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}


def guarding(code: str) -> tuple[Rule, ...]:
    """The hard criteria that stop a form being sent with the problem return reason `code` names."""
    return tuple(rule for rule in RULES if rule.severity is Severity.HARD and code in rule.prevents)
