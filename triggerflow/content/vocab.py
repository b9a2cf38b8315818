"""The fixed lists of DESIGN section 3 to 5, as (value, label) pairs in display order.

The lists themselves are content, in vocab.toml; each is named here so that code reads it as
vocab.NAME and a misspelt name fails the type check.
"""

from triggerflow.content.datafile import ContentError, read

Choices = list[tuple[str, str]]


def parse(data: dict) -> dict[str, Choices]:
    """Each list of the file as (value, label) pairs, refusing anything but pairs of text."""
    lists = {}
    for name, pairs in data.items():
        if not isinstance(pairs, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair) for pair in pairs
        ):
            raise ContentError(f"vocab.toml: {name} must be a list of [value, label] pairs")
        lists[name] = [(value, label) for value, label in pairs]
    return lists


LISTS = parse(read("vocab.toml"))

THREAT_TYPES = LISTS["THREAT_TYPES"]
THEMES = LISTS["THEMES"]
YES_NO = LISTS["YES_NO"]
YES_NO_UNKNOWN = LISTS["YES_NO_UNKNOWN"]
SUBJECT_ROLES = LISTS["SUBJECT_ROLES"]
SERIOUS_CRIME_TESTS = LISTS["SERIOUS_CRIME_TESTS"]
ORGANISATION_ELEMENTS = LISTS["ORGANISATION_ELEMENTS"]
CAPABILITIES = LISTS["CAPABILITIES"]
GEOGRAPHIC_SCOPES = LISTS["GEOGRAPHIC_SCOPES"]
SOURCE_EVALUATIONS = LISTS["SOURCE_EVALUATIONS"]
INTELLIGENCE_ASSESSMENTS = LISTS["INTELLIGENCE_ASSESSMENTS"]
HANDLING_CODES = LISTS["HANDLING_CODES"]
VULNERABILITY_TYPES = LISTS["VULNERABILITY_TYPES"]
HARM_FREQUENCIES = LISTS["HARM_FREQUENCIES"]
INTELLIGENCE_SOURCES = LISTS["INTELLIGENCE_SOURCES"]
HARM_TYPES = LISTS["HARM_TYPES"]
SECURITY_MARKINGS = LISTS["SECURITY_MARKINGS"]
RETURN_REASONS = LISTS["RETURN_REASONS"]
REJECTION_REASONS = LISTS["REJECTION_REASONS"]
ASSESSMENT_CATEGORIES = LISTS["ASSESSMENT_CATEGORIES"]
TIERS = LISTS["TIERS"]
MANAGEMENT_LEVELS = LISTS["MANAGEMENT_LEVELS"]
MORILE_CONFIDENCE = LISTS["MORILE_CONFIDENCE"]
MORILE_PRIORITY = LISTS["MORILE_PRIORITY"]
# The SOC master list's own fields, as APMIS records them.
SOC_OR_NOT = LISTS["SOC_OR_NOT"]
MODERATION_STATUSES = LISTS["MODERATION_STATUSES"]
PHASES = LISTS["PHASES"]

# What a number question about harm accepts instead of a number, with a reason given.
NOT_KNOWN = "not known"


def label_for(choices: Choices, value: str | None) -> str:
    """The label of a value, or the value itself when it is not (or no longer) in the list."""
    return dict(choices).get(value, value or "")
