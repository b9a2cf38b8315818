"""One function per criterion: each returns the (field, message) problems it finds.

A field is "SECTION.name" so that the checklist can link straight to it.
"""

from datetime import timedelta

from triggerflow.content.vocab import ORGANISATION_ELEMENTS, SERIOUS_CRIME_TESTS, label_for
from triggerflow.criteria.facts import Facts, is_identified, parse_date
from triggerflow.criteria.substance import says_something

Problems = list[tuple[str, str]]


def too_short(facts: Facts, key: str, name: str, minimum: int, what: str) -> Problems:
    problem = thin(facts.text(key, name), minimum, what)
    return [(f"{key}.{name}", problem)] if problem else []


def thin(text: str, minimum: int, what: str) -> str | None:
    """Why `text` does not answer the question, or None when it does."""
    if len(text) < minimum:
        return f"{what} needs at least {minimum} characters (it has {len(text)})"
    if not says_something(text, minimum):
        return f"{what} must say what is known in your own words, not repeated or placeholder text"
    return None


def c1_threat_type(facts: Facts) -> Problems:
    return [] if facts.threat_type else [("A.threat_type", "Select the type of threat")]


def c2_ocg_subjects(facts: Facts) -> Problems:
    subjects = facts.items("B", "subjects")
    problems = []
    identified = sum(1 for s in subjects if is_identified(s))
    if identified < facts.limit("ocg_min_identified"):
        problems.append(
            (
                "B.subjects",
                f"At least {facts.limit('ocg_min_identified')} subjects must be "
                "identified with surname, forename, date of birth and intelligence or PNC ID "
                f"({identified} are)",
            )
        )
    principals = sum(1 for s in subjects if s.get("role") == "principal")
    if principals != 1:
        problems.append(("B.subjects", f"Record exactly one principal (there are {principals})"))
    return problems


def c3_priority_individual(facts: Facts) -> Problems:
    problems = []
    if not any(is_identified(s) and s.get("role") == "principal" for s in facts.items("B", "subjects")):
        problems.append(("B.subjects", "The subject must be identified and recorded as the principal"))
    return problems + too_short(
        facts, "B", "pi_rationale", facts.limit("pi_rationale_min"), "Why the individual is a threat in their own right"
    )


def c4_vulnerability(facts: Facts) -> Problems:
    return too_short(
        facts,
        "D",
        "vulnerability_description",
        facts.limit("vulnerability_min"),
        "The description of the vulnerability",
    )


def c5_theme(facts: Facts) -> Problems:
    theme = facts.value("A", "primary_theme")
    if not theme:
        return [("A.primary_theme", "Select the primary SOC theme")]
    if theme == "county_lines" and not facts.text("A", "county_line"):
        return [("A.county_line", "Enter the county line name or number")]
    return []


def c6_serious_crime(facts: Facts) -> Problems:
    ticked = facts.ticked("C", "serious_crime_tests", SERIOUS_CRIME_TESTS)
    minimum = facts.limit("serious_crime_justification_min")
    justified = [t for t in ticked if not thin(facts.text("C", f"justification_{t}"), minimum, "")]
    problems = []
    if not ticked:
        problems.append(("C.serious_crime_tests", "Tick at least one serious-crime test"))
    elif not justified:
        first = ticked[0]
        problems.append(
            (
                f"C.justification_{first}",
                f"Justify “{label_for(SERIOUS_CRIME_TESTS, first)}” in at least {minimum} characters of your own words",
            )
        )
    if facts.threat_type == "ocg" and not any(o.get("seven_years") == "yes" for o in facts.items("C", "offences")):
        problems.append(("C.offences", "Record at least one offence that carries 7 years or more"))
    return problems


def c7_activity_dates(facts: Facts) -> Problems:
    first, recent = parse_date(facts.value("C", "first_known")), parse_date(facts.value("C", "most_recent"))
    problems = []
    if first is None:
        problems.append(("C.first_known", "Enter the date the activity was first known"))
    elif first > facts.today:
        problems.append(("C.first_known", "The date the activity was first known must be today or in the past"))
    if recent is None:
        problems.append(("C.most_recent", "Enter the date of the most recent activity"))
    elif recent > facts.today:
        problems.append(("C.most_recent", "The date of the most recent activity must be today or in the past"))
    if problems or first is None or recent is None:  # either date missing is already a problem
        return problems
    if first > recent:
        return [("C.first_known", "The date first known must be on or before the most recent activity")]
    if (facts.today - recent).days > facts.limit("recent_activity_days"):
        return too_short(
            facts,
            "C",
            "continuing_basis",
            facts.limit("continuing_basis_min"),
            f"No activity in the last {facts.limit('recent_activity_days')} days: the continuing basis",
        )
    if recent - first < timedelta(days=facts.limit("continuing_span_days")):
        return too_short(
            facts,
            "C",
            "continuing_basis",
            facts.limit("continuing_basis_min"),
            f"Activity spanning under {facts.limit('continuing_span_days')} days: the continuing basis",
        )
    return []


def c8_organisation(facts: Facts) -> Problems:
    references = {item.get("id") for item in facts.items("F", "intelligence")}
    problems = []
    for element, label in ORGANISATION_ELEMENTS:
        problems += too_short(facts, "D", element, facts.limit("organisation_min"), label)
        if not set(facts.ticked("D", f"{element}_cites")) & references:
            problems.append((f"D.{element}_cites", f"Cite at least one intelligence item that shows {label.lower()}"))
    return problems


def c9_capability(facts: Facts) -> Problems:
    problems = []
    if not facts.value("D", "capabilities"):
        problems.append(("D.capabilities", "Select at least one capability indicator"))
    return problems + too_short(
        facts, "D", "capability_narrative", facts.limit("capability_min"), "The capability narrative"
    )


def c12_geography(facts: Facts) -> Problems:
    problems = []
    if not facts.value("E", "forces_affected"):
        problems.append(("E.forces_affected", "Select the force areas affected"))
    if not facts.text("A", "local_policing_area"):
        problems.append(("A.local_policing_area", "Enter the local policing area"))
    if not facts.value("E", "geographic_scope"):
        problems.append(("E.geographic_scope", "Select the geographic scope"))
    return problems


def c13_harm(facts: Facts) -> Problems:
    problems = []
    described = [k for k in facts.ticked("G", "harm_types") if facts.text("G", f"harm_{k}")]
    if not described:
        problems.append(("G.harm_types", "Select at least one type of harm and describe it"))
    victims = facts.value("G", "vulnerable_victims")
    if not victims:
        problems.append(("G.vulnerable_victims", "Answer whether there are vulnerable victims"))
    elif victims == "yes" and not facts.text("G", "safeguarding"):
        problems.append(("G.safeguarding", "Describe the safeguarding referrals made"))
    return problems


def c14_operation_and_search(facts: Facts) -> Problems:
    problems = []
    running = facts.value("H", "operation_running")
    if not running:
        problems.append(("H.operation_running", "Answer whether an operation is already running"))
    elif running == "yes":
        for name, what in (("operation_name", "the operation name"), ("officer_in_charge", "the officer in charge")):
            if not facts.text("H", name):
                problems.append((f"H.{name}", f"Enter {what}"))
    return problems + _master_list_search(facts)


def _master_list_search(facts: Facts) -> Problems:
    searched = facts.value("A", "master_list_searched")
    if not searched:
        return [("A.master_list_searched", "Answer whether the SOC master list and PND were searched")]
    if searched != "yes":
        return [("A.master_list_searched", "Search the SOC master list and PND for an existing record before sending")]
    problems = []
    when = parse_date(facts.value("A", "master_list_searched_on"))
    if when is None:
        problems.append(("A.master_list_searched_on", "Enter the date you searched"))
    elif when > facts.today:
        problems.append(("A.master_list_searched_on", "The date you searched must be today or in the past"))
    if not facts.text("A", "master_list_result"):
        problems.append(("A.master_list_result", "Enter the result of the search"))
    else:
        problems += too_short(
            facts, "A", "master_list_result", facts.limit("search_result_min"), "The result of the search"
        )
    return problems


def c15_handling(facts: Facts) -> Problems:
    problems = []
    if not facts.value("I", "security_marking"):
        problems.append(("I.security_marking", "Select the security marking"))
    elif facts.value("I", "security_marking") != "OFFICIAL-SENSITIVE" and (
        facts.items("B", "subjects") or facts.items("F", "intelligence")
    ):
        problems.append(
            ("I.security_marking", "A form naming subjects or holding intelligence must be marked OFFICIAL-SENSITIVE")
        )
    if facts.value("I", "no_source_material") is not True:
        problems.append(("I.no_source_material", "Declare that the form contains no source-identifying material"))
    for number, item in enumerate(facts.items("F", "intelligence"), start=1):
        if item.get("handling_code") == "C" and not says_something(str(item.get("handling_conditions") or ""), 0):
            problems.append(("F.intelligence", f"Intelligence item {number} has handling code C: enter the conditions"))
    return problems


def c16_responses(facts: Facts) -> Problems:
    problems = []
    minimum = facts.limit("response_min")
    for number, item in enumerate(facts.open_items, start=1):
        section = item["section"]
        if len((item.get("response") or "").strip()) < minimum:
            problems.append(
                (
                    f"{section}.return_item",
                    f"Return item {number} (section {section}) needs a response of at least {minimum} characters",
                )
            )
        if facts.last_sent is not None and facts.section(section) == (facts.last_sent.get(section) or {}):
            problems.append(
                (
                    f"{section}.return_item",
                    f"Section {section} has not changed since it was returned (return item {number})",
                )
            )
    return problems


def c17_modus_operandi(facts: Facts) -> Problems:
    return too_short(facts, "C", "modus_operandi", facts.limit("modus_operandi_advised"), "The modus operandi")
