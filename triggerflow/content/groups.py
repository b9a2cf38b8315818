"""The repeating lists inside the trigger form's sections: subjects, offences and intelligence items."""

from triggerflow.content import vocab
from triggerflow.content.conditions import UNANSWERED, When, answer_is, threat_type_is
from triggerflow.content.fields import Field, Group

# Everyone in a group but its principal is linked to it; a role not yet chosen may be anyone's.
_LINKED = (
    threat_type_is("ocg"),
    When("role", frozenset({UNANSWERED, *(v for v, _ in vocab.SUBJECT_ROLES if v != "principal")})),
)

SUBJECTS = Group(
    key="subjects",
    singular="subject",
    plural="subjects",
    title_fields=("forename", "surname"),
    fields=(
        Field("surname", "Surname", max_length=100),
        Field("forename", "Forename", max_length=100),
        Field("date_of_birth", "Date of birth", "date", hint="For example, 27 3 1985"),
        Field("intelligence_id", "Force intelligence or PNC ID", max_length=50),
        Field(
            "identified",
            "Is this subject identified?",
            "radios",
            vocab.YES_NO,
            hint="Identified means you hold their surname, forename, date of birth and an intelligence or PNC ID.",
        ),
        Field("role", "Role in the group", "radios", vocab.SUBJECT_ROLES),
        Field(
            "link_to_group",
            "How is this subject linked to the group?",
            "textarea",
            max_length=2000,
            hint="Everyone but the principal: what they do for the group, as the intelligence shows it.",
            when=_LINKED,
        ),
        Field("link_cites", "Intelligence items that show the link", "citations", when=_LINKED),
    ),
)

OFFENCES = Group(
    key="offences",
    singular="offence",
    plural="offences",
    title_fields=("offence",),
    fields=(
        Field("offence", "Offence", max_length=200),
        Field(
            "max_sentence",
            "Indicative maximum sentence",
            max_length=50,
            hint="For example, life imprisonment or 14 years",
        ),
        Field("seven_years", "Does the offence carry 7 years or more?", "radios", vocab.YES_NO),
    ),
)

INTELLIGENCE = Group(
    key="intelligence",
    singular="intelligence item",
    plural="intelligence items",
    title_fields=("reference",),
    fields=(
        Field("reference", "Intelligence reference", max_length=50),
        Field("date", "Date of the intelligence", "date", hint="For example, 14 2 2026"),
        Field(
            "source_kind",
            "Kind of source",
            "radios",
            vocab.INTELLIGENCE_SOURCES,
            hint="Items from different kinds of source corroborate each other.",
        ),
        Field(
            "summary",
            "Sanitised summary",
            "textarea",
            max_length=5000,
            hint="Do not include anything that could identify a source.",
        ),
        Field("source_evaluation", "Source evaluation", "radios", vocab.SOURCE_EVALUATIONS),
        Field("intelligence_assessment", "Intelligence assessment", "radios", vocab.INTELLIGENCE_ASSESSMENTS),
        Field("handling_code", "Handling code", "radios", vocab.HANDLING_CODES),
        Field(
            "handling_conditions",
            "Handling conditions",
            "textarea",
            max_length=2000,
            hint="Required for handling code C.",
            when=(answer_is("handling_code", "C"),),
        ),
    ),
)
