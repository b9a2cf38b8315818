"""The fixed lists of DESIGN section 3 to 5, as (value, label) pairs in display order."""

THREAT_TYPES = [
    ("ocg", "Organised crime group (OCG)"),
    ("priority_individual", "Priority individual"),
    ("soc_vulnerability", "SOC vulnerability"),
]

THEMES = [
    ("child_sexual_abuse", "Child sexual abuse"),
    ("modern_slavery", "Modern slavery and human trafficking"),
    ("organised_immigration_crime", "Organised immigration crime"),
    ("drugs_supply", "Drugs supply"),
    ("county_lines", "County lines"),
    ("firearms", "Firearms"),
    ("organised_acquisitive_crime", "Organised acquisitive crime"),
    ("cyber_crime", "Cyber crime"),
    ("fraud", "Fraud"),
    ("money_laundering", "Money laundering"),
    ("bribery_corruption_sanctions", "Bribery, corruption and sanctions evasion"),
    ("other", "Other"),
]

YES_NO = [("yes", "Yes"), ("no", "No")]
YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known")]

SUBJECT_ROLES = [
    ("principal", "Principal"),
    ("lieutenant", "Lieutenant"),
    ("member", "Member"),
    ("enabler", "Enabler"),
    ("associate", "Associate"),
]

SERIOUS_CRIME_TESTS = [
    ("violence", "Involves the use of violence"),
    ("financial_gain", "Results in substantial financial gain"),
    ("common_purpose", "Conduct by a large number of persons in pursuit of a common purpose"),
    (
        "first_offender",
        "An offence for which a person aged 21 or over with no previous convictions "
        "could reasonably expect 3 years or more in prison",
    ),
]

ORGANISATION_ELEMENTS = [
    ("planning", "Planning"),
    ("control", "Control"),
    ("coordination", "Coordination"),
    ("decision_making", "Group decision-making"),
]

CAPABILITIES = [
    ("weapons", "Firearms or weapons"),
    ("violence", "Violence"),
    ("corruption", "Corruption"),
    ("money_laundering", "Money laundering"),
    ("encrypted_comms", "Encrypted communications"),
    ("exploitation", "Exploitation of vulnerable people"),
    ("international", "International links"),
    ("enablers", "Professional enablers"),
]

GEOGRAPHIC_SCOPES = [
    ("neighbourhood", "Neighbourhood"),
    ("force", "Force"),
    ("regional", "Regional"),
    ("national", "National"),
    ("international", "International"),
]


def _graded(meanings: dict[str, str]) -> list[tuple[str, str]]:
    """A grading scale's choices, each label led by its code as the 3x5x2 grid writes it: "1 – Reliable"."""
    return [(code, f"{code} – {meaning}") for code, meaning in meanings.items()]


SOURCE_EVALUATIONS = _graded({"1": "Reliable", "2": "Untested", "3": "Not reliable"})
INTELLIGENCE_ASSESSMENTS = _graded(
    {
        "A": "Known directly",
        "B": "Known indirectly, corroborated",
        "C": "Known indirectly",
        "D": "Not known",
        "E": "Suspected to be false",
    }
)
HANDLING_CODES = _graded({"P": "Lawful sharing permitted", "C": "Lawful sharing permitted with conditions"})

# What a number question about harm accepts instead of a number, with a reason given.
NOT_KNOWN = "not known"

VULNERABILITY_TYPES = [
    ("children", "Children"),
    ("adults_at_risk", "Adults at risk"),
    ("exploited", "People exploited or trafficked"),
    ("addiction", "People with addictions"),
    ("older_people", "Older people"),
    ("other", "Other"),
]

HARM_FREQUENCIES = [
    ("daily", "Daily"),
    ("weekly", "Weekly"),
    ("monthly", "Monthly"),
    ("less_often", "Less often than monthly"),
    ("unknown", "Not known"),
]

INTELLIGENCE_SOURCES = [
    ("human", "Human source"),
    ("surveillance", "Surveillance or observation"),
    ("communications", "Communications data"),
    ("financial", "Financial intelligence"),
    ("police_records", "Police records, stops or crime reports"),
    ("partner", "Partner agency"),
    ("open_source", "Open source"),
]

HARM_TYPES = [
    ("physical", "Physical"),
    ("psychological", "Psychological"),
    ("financial", "Financial"),
    ("community", "Community and environment"),
]

SECURITY_MARKINGS = [
    ("OFFICIAL", "OFFICIAL"),
    ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"),
]

RETURN_REASONS = [
    ("R01", "Not enough evidence of a group working together"),
    ("R02", "Subject identification incomplete"),
    ("R03", "Serious-crime threshold not evidenced"),
    ("R04", "Continuing basis not evidenced"),
    ("R05a", "Planning not evidenced"),
    ("R05b", "Control not evidenced"),
    ("R05c", "Coordination not evidenced"),
    ("R05d", "Decision-making not evidenced"),
    ("R06", "Capability not evidenced"),
    ("R07", "Intelligence missing, ungraded or without reference"),
    ("R08", "Intelligence weak, old or uncorroborated"),
    ("R09", "Harm or vulnerability not described"),
    ("R10", "Geography missing"),
    ("R11", "Possible duplicate of a known threat"),
    ("R12", "Wrong threat type"),
    ("R13", "Handling problem (unsanitised, wrong marking)"),
    ("R99", "Other"),
]

REJECTION_REASONS = [
    ("N1", "Below the SOC threshold"),
    ("N2", "No organised element (manage locally)"),
    ("N3", "Better managed as a local non-SOC problem"),
    ("N4", "Wrong threat type"),
    ("N5", "Belongs to another region"),
    ("N6", "Duplicate of an existing threat"),
    ("N7", "Still insufficient after three returns"),
]

ASSESSMENT_CATEGORIES = [("major", "Major"), ("moderate", "Moderate"), ("minor", "Minor")]
TIERS = [(str(n), f"Tier {n}") for n in range(1, 6)]
MANAGEMENT_LEVELS = [("force", "Force"), ("regional", "Regional"), ("national", "National")]
MORILE_CONFIDENCE = [("high", "High"), ("medium", "Medium"), ("low", "Low")]
MORILE_PRIORITY = [("high", "High"), ("medium", "Medium"), ("low", "Low")]
# The SOC master list's own fields, as APMIS records them.
SOC_OR_NOT = [("soc", "SOC"), ("non_soc", "Not SOC")]
MODERATION_STATUSES = [
    ("moderated", "Moderated"),
    ("awaiting", "Awaiting moderation"),
    ("not_moderated", "Not moderated"),
]
PHASES = [("active", "Active"), ("dormant", "Dormant"), ("closed", "Closed")]


def label_for(choices: list[tuple[str, str]], value: str | None) -> str:
    """The label of a value, or the value itself when it is not (or no longer) in the list."""
    return dict(choices).get(value, value or "")
