"""A form's answers as read-only GOV.UK summary lists, for its page, its content, its print and its
versions.

Printed in Python rather than by a macro per answer: a whole form is a hundred or more rows, and
calling macros for them (and govukSummaryList's general markup for each list) was about two fifths
of the form page's time. The markup is the summary list's own, without actions. Every value is
escaped here, once, as it is joined in.
"""

from collections.abc import Iterable, Mapping

from markupsafe import Markup, escape

from triggerflow.content.sections import Field, Section, intelligence_references, item_title
from triggerflow.content.vocab import label_for
from triggerflow.web.globals import isodate, reference_names

_NOT_ANSWERED = '<span class="govuk-hint govuk-!-margin-0">Not answered</span>'


def _listed(labels: Iterable) -> str:
    return '<ul class="govuk-list">' + "".join(f"<li>{escape(label)}</li>" for label in labels) + "</ul>"


def answer_html(field: Field, value, answers: Mapping) -> str:
    """One answer as a person reads it, escaped: labels for codes, dates in words, lists as lists."""
    if value in (None, "", []):
        return _NOT_ANSWERED
    kind = field.kind
    if kind == "boolean":
        return "Yes" if value else "No"
    if kind == "date":
        return escape(isodate(value))
    if kind in ("radios", "select"):
        return escape(label_for(field.choices or [], value))
    if kind == "checkboxes":
        choices = dict(field.choices or [])
        return _listed(choices.get(v, v or "") for v in value)
    if kind == "citations":
        references = intelligence_references(answers)
        return _listed(references.get(v, "An item since removed") for v in value)
    if kind in ("forces", "regions"):
        names = reference_names()
        return _listed(names.get(v, v) for v in value)
    if kind == "textarea":
        return f'<p class="govuk-body app-pre-wrap govuk-!-margin-0">{escape(value)}</p>'
    return escape(value)


def _rows(fields: Iterable[Field], values: Mapping, answers: Mapping) -> str:
    return (
        '<dl class="govuk-summary-list govuk-!-margin-bottom-6">'
        + "".join(
            f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{escape(field.label)}</dt>'
            f'<dd class="govuk-summary-list__value">{answer_html(field, values.get(field.name), answers)}</dd></div>'
            for field in fields
        )
        + "</dl>"
    )


def rows_html(fields: Iterable[Field], values: Mapping, answers: Mapping) -> Markup:
    """A summary list of the fields' answers."""
    return Markup(_rows(fields, values, answers))  # nosec B704 - every value escaped as it is joined in


def _section(section: Section, answers: Mapping, level: int) -> str:
    values = answers.get(section.key) or {}
    key = escape(section.key)
    html = f'<h{level} class="govuk-heading-m" id="section-{key}">{key}. {escape(section.title)}</h{level}>'
    if section.fields:
        html += _rows(section.fields, values, answers)
    group = section.group
    if group:
        items = values.get(group.key) or []
        if not items:
            html += f'<p class="govuk-body">No {escape(group.plural)} recorded.</p>'
        singular = escape(group.singular.capitalize())
        for n, item in enumerate(items, start=1):
            html += (
                '<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper">'
                f'<h{level + 1} class="govuk-summary-card__title">{singular} {n}: {escape(item_title(group, item))}'
                f'</h{level + 1}></div><div class="govuk-summary-card__content">'
                f"{_rows(group.fields, item, answers)}</div></div>"
            )
    return html


def answers_html(sections: Iterable[Section], answers: Mapping, heading_level: int = 2) -> Markup:
    """Every section's heading and answers, and a summary card for each item of a section's group."""
    return Markup("".join(_section(section, answers, heading_level) for section in sections))  # nosec B704 - escaped
