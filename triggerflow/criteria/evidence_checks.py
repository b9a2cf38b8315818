"""The criteria that test what an answer shows, not only that it is there (return reasons R01, R09
and R12): links to the group, harm a MoRiLE assessment can score, and a threat type that fits the
people recorded. Corroboration (R08) is with the other intelligence criteria."""

from triggerflow.content.vocab import NOT_KNOWN
from triggerflow.criteria.checks import Problems, thin
from triggerflow.criteria.facts import Facts, pounds, whole_number
from triggerflow.criteria.substance import says_something


def c18_links_to_group(facts: Facts) -> Problems:
    references = {item.get("id") for item in facts.items("F", "intelligence")}
    minimum = facts.limit("link_min")
    problems = []
    for number, subject in enumerate(facts.items("B", "subjects"), start=1):
        if subject.get("role") == "principal":
            continue
        name = _subject_name(subject, number)
        problem = thin(str(subject.get("link_to_group") or "").strip(), minimum, f"How {name} is linked to the group")
        if problem:
            problems.append(("B.subjects", problem))
        cites = subject.get("link_cites")
        if not (isinstance(cites, list) and {c for c in cites if isinstance(c, str)} & references):
            problems.append(("B.subjects", f"Cite at least one intelligence item that links {name} to the group"))
    return problems


def _subject_name(subject: dict, number: int) -> str:
    name = " ".join(str(subject.get(k) or "").strip() for k in ("forename", "surname")).strip()
    return name or f"subject {number}"


def c19_type_fits_subjects(facts: Facts) -> Problems:
    count = len(facts.items("B", "subjects"))
    minimum = facts.limit("ocg_min_subjects")
    if facts.threat_type == "ocg" and count < minimum:
        return [
            (
                "B.subjects",
                f"An organised crime group is {minimum} or more people acting together: record at "
                f"least {minimum} subjects (there are {count}) or choose another type of threat",
            )
        ]
    if facts.threat_type == "priority_individual" and count != 1:
        return [
            (
                "B.subjects",
                f"A priority individual needs exactly one subject (there are {count}); several "
                "people acting together are an organised crime group",
            )
        ]
    if facts.threat_type == "soc_vulnerability" and count:
        return [
            (
                "B.subjects",
                f"A SOC vulnerability is a weakness, not people: remove the {count} subjects or "
                "choose another type of threat",
            )
        ]
    return []


def c21_harm_scored(facts: Facts) -> Problems:
    problems = []
    victims, money = facts.text("G", "victims_count"), facts.text("G", "financial_harm")
    if whole_number(victims) is None and victims.lower() != NOT_KNOWN:
        problems.append(("G.victims_count", "Enter the number of victims as a whole number, or “not known”"))
    if pounds(money) is None and money.lower() != NOT_KNOWN:
        problems.append(("G.financial_harm", "Enter the financial harm in pounds, for example 250000, or “not known”"))
    if not facts.value("G", "harm_frequency"):
        problems.append(("G.harm_frequency", "Select how often the harm happens"))
    if facts.value("G", "vulnerable_victims") == "yes" and not facts.ticked("G", "vulnerability_types"):
        problems.append(("G.vulnerability_types", "Select the kinds of vulnerability the victims have"))
    unknown = NOT_KNOWN in (victims.lower(), money.lower()) or "unknown" in (
        facts.value("G", "harm_frequency"),
        facts.value("G", "vulnerable_victims"),
    )
    reason = facts.text("G", "harm_not_known_reason")
    if unknown and not says_something(reason, facts.limit("not_known_reason_min")):
        problems.append(
            ("G.harm_not_known_reason", "Say why some of the harm is not known, and what is being done to find out")
        )
    return problems
