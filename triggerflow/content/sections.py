"""The trigger form's sections A to I and their fields, defined once.

The section editors, the criteria's links, the submitted-version view and the API all read
these definitions, so a label or a choice list is never typed twice.
"""

from triggerflow.content import vocab
from triggerflow.content.conditions import answer_is, threat_type_is
from triggerflow.content.fields import Field, Group, Section
from triggerflow.content.groups import INTELLIGENCE, OFFENCES, SUBJECTS

_SEARCHED = (answer_is("master_list_searched", "yes"),)
_OCG, _OCG_OR_PI = (threat_type_is("ocg"),), (threat_type_is("ocg", "priority_individual"),)
_RUNNING = (answer_is("operation_running", "yes"),)
_VULNERABLE_VICTIMS = (answer_is("vulnerable_victims", "yes"),)


def _justification(test: str, label: str) -> Field:
    return Field(
        f"justification_{test}",
        f"Justification: {label.lower()}",
        "textarea",
        when=(answer_is("serious_crime_tests", test),),
    )


SECTIONS: tuple[Section, ...] = (
    Section(
        "A",
        "Threat identity",
        (
            Field("threat_type", "Type of threat", "radios", vocab.THREAT_TYPES),
            Field("working_name", "Working name", max_length=200),
            Field("local_policing_area", "Local policing area", max_length=200),
            Field("primary_theme", "Primary SOC theme", "select", vocab.THEMES),
            Field(
                "county_line",
                "County line name or number",
                max_length=100,
                hint="Required when the primary theme is county lines.",
                when=(answer_is("primary_theme", "county_lines"),),
            ),
            Field("secondary_themes", "Secondary themes (optional)", "checkboxes", vocab.THEMES),
            Field(
                "summary",
                "Summary of the threat",
                "textarea",
                hint="At least 200 characters: who, what, where and why it is serious and organised.",
            ),
            Field(
                "master_list_searched",
                "Have you searched the SOC master list and PND for an existing record?",
                "radios",
                vocab.YES_NO,
            ),
            Field("master_list_searched_on", "When did you search?", "date", when=_SEARCHED),
            Field(
                "master_list_result",
                "Result of the search",
                "textarea",
                max_length=2000,
                hint="What you found, with the reference of any record that may be the same threat.",
                when=_SEARCHED,
            ),
        ),
    ),
    Section(
        "B",
        "Subjects",
        (
            Field(
                "pi_rationale",
                "Why is this individual a threat in their own right?",
                "textarea",
                hint="Priority individuals only: at least 100 characters.",
                when=(threat_type_is("priority_individual"),),
            ),
        ),
        group=SUBJECTS,
    ),
    Section(
        "C",
        "Criminal activity",
        (
            Field(
                "serious_crime_tests",
                "Which serious-crime tests does the activity meet?",
                "checkboxes",
                vocab.SERIOUS_CRIME_TESTS,
            ),
            *(_justification(test, label) for test, label in vocab.SERIOUS_CRIME_TESTS),
            Field("first_known", "When was the activity first known?", "date"),
            Field("most_recent", "When was the most recent activity?", "date"),
            Field(
                "continuing_basis",
                "Why is the activity continuing?",
                "textarea",
                hint="Required when the activity spans less than 90 days: at least 150 characters.",
            ),
            Field("modus_operandi", "Modus operandi", "textarea"),
        ),
        group=OFFENCES,
    ),
    Section(
        "D",
        "Evidence of organisation",
        (
            *(
                f
                for element, label in vocab.ORGANISATION_ELEMENTS
                for f in (
                    Field(
                        element,
                        label,
                        "textarea",
                        hint="At least 150 characters, citing the intelligence that shows it.",
                        when=_OCG,
                    ),
                    Field(f"{element}_cites", f"Intelligence items that show {label.lower()}", "citations", when=_OCG),
                )
            ),
            Field("capabilities", "Capability indicators", "checkboxes", vocab.CAPABILITIES, when=_OCG_OR_PI),
            Field("capability_narrative", "Describe the capability", "textarea", when=_OCG_OR_PI),
            Field(
                "vulnerability_description",
                "Describe the vulnerability",
                "textarea",
                hint="SOC vulnerabilities only: at least 200 characters.",
                when=(threat_type_is("soc_vulnerability"),),
            ),
        ),
    ),
    Section(
        "E",
        "Geography",
        (
            Field("forces_affected", "Force areas affected", "forces"),
            Field("other_regions", "Other regions affected (optional)", "regions"),
            Field("geographic_scope", "Geographic scope", "radios", vocab.GEOGRAPHIC_SCOPES),
        ),
    ),
    Section(
        "F", "Intelligence basis", group=INTELLIGENCE, intro="Each item needs a reference, a date and a 3x5x2 grading."
    ),
    Section(
        "G",
        "Harm and vulnerability",
        (
            Field("harm_types", "Types of harm", "checkboxes", vocab.HARM_TYPES),
            *(
                Field(
                    f"harm_{key}",
                    f"Describe the {label.lower()} harm",
                    "textarea",
                    when=(answer_is("harm_types", key),),
                )
                for key, label in vocab.HARM_TYPES
            ),
            Field(
                "vulnerable_victims",
                "Are there vulnerable victims or exploited people?",
                "radios",
                vocab.YES_NO_UNKNOWN,
            ),
            Field(
                "safeguarding",
                "Safeguarding referrals made",
                "textarea",
                hint="Required when there are vulnerable victims.",
                when=_VULNERABLE_VICTIMS,
            ),
            Field(
                "vulnerability_types",
                "Kinds of vulnerability",
                "checkboxes",
                vocab.VULNERABILITY_TYPES,
                when=_VULNERABLE_VICTIMS,
            ),
            Field(
                "victims_count", "How many victims are known?", max_length=20, hint="A whole number, or “not known”."
            ),
            Field(
                "financial_harm",
                "Financial harm in pounds",
                max_length=20,
                hint="An estimate, for example 250000, or “not known”.",
            ),
            Field("harm_frequency", "How often does the harm happen?", "radios", vocab.HARM_FREQUENCIES),
            Field(
                "harm_not_known_reason",
                "Why is some of the harm not known?",
                "textarea",
                max_length=2000,
                hint="Required when you answer “not known”: say why, and what is being done to find out.",
            ),
        ),
    ),
    Section(
        "H",
        "Current activity",
        (
            Field("operation_running", "Is an operation already running against this threat?", "radios", vocab.YES_NO),
            Field("operation_name", "Operation name", max_length=100, when=_RUNNING),
            Field("officer_in_charge", "Officer in charge", max_length=120, when=_RUNNING),
            Field("suggested_lro", "Suggested lead responsible officer (optional)", max_length=120),
            Field("partner_agencies", "Partner agencies (optional)", "textarea", max_length=2000),
        ),
    ),
    Section(
        "I",
        "Handling",
        (
            Field("security_marking", "Security marking", "select", vocab.SECURITY_MARKINGS),
            Field("no_source_material", "I declare that this form contains no source-identifying material", "boolean"),
        ),
    ),
)

SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}
# What a new form holds before anyone types: DESIGN's default marking. Not an answer, so a section
# holding only these has not been started.
STARTING_ANSWERS = {"I": {"security_marking": "OFFICIAL-SENSITIVE"}}
SECTION_CHOICES = [(s.key, f"{s.key}. {s.title}") for s in SECTIONS]


def field_label(section_key: str, field_name: str | None) -> str:
    section = SECTIONS_BY_KEY[section_key]
    if field_name and section.group and field_name == section.group.key:
        return section.group.plural.capitalize()
    found = section.field(field_name) if field_name else None
    return found.label if found else ""


def item_title(group: Group, item: dict) -> str:
    title = " ".join(str(item.get(name) or "").strip() for name in group.title_fields).strip()
    return title or f"Unnamed {group.singular}"


def intelligence_references(answers: dict) -> dict[str, str]:
    """Each intelligence item's reference by its id, or its place in the list when it has none."""
    items = (answers.get("F") or {}).get("intelligence") or []
    return {item.get("id"): item.get("reference") or f"Intelligence item {n}" for n, item in enumerate(items, start=1)}
