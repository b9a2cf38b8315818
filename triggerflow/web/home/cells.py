"""A queue's table cells as markup, printed in Python: a home page has up to a hundred rows of five
or six cells, and a macro per cell and per tag cost more than the rest of the page's markup."""

from markupsafe import Markup, escape

from triggerflow.web.home.queue_tables import Cell, Tag


def _tag(tag: Tag) -> str:
    classes = f" {escape(tag.classes)}" if tag.classes else ""
    data = "".join(f' data-{escape(name)}="{escape(value)}"' for name, value in tag.data)
    return f'<strong class="govuk-tag govuk-tag--{escape(tag.colour)}{classes}"{data}>{escape(tag.text)}</strong>'


def cell_html(cell: Cell, numeric: bool) -> Markup:
    """One <td>: the text (a link when the cell has one), its hint on a line below, then its tags."""
    text = (
        f'<a class="govuk-link" href="{escape(cell.href)}">{escape(cell.text)}</a>'
        if cell.href
        else str(escape(cell.text))
    )
    if cell.hint:
        text += f'\n<span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{escape(cell.hint)}</span>'
    for tag in cell.tags:
        if tag.own_line:
            text += f'<span class="govuk-!-display-block">{_tag(tag)}</span>'
        else:
            text += (" " if cell.text else "") + _tag(tag)
    kind = " govuk-table__cell--numeric" if numeric else ""
    return Markup(f'<td class="govuk-table__cell{kind}">{text}</td>')  # nosec B704 - every text escaped above
