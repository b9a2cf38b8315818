"""What a person reads off a page: its links and the forms they would fill in and post."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

FORM_LINK = re.compile(r'href="/forms/([A-Z]{2,4}-\d{4}-\d{4})"')


@dataclass
class PostForm:
    action: str
    fields: dict[str, str | list[str]] = field(default_factory=dict)
    # Questions with choices and nothing chosen yet, with the choices offered: name -> values.
    choices: dict[str, list[str]] = field(default_factory=dict)
    empty_texts: list[str] = field(default_factory=list)


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[PostForm] = []
        self._form: PostForm | None = None
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form" and found.get("method", "").lower() == "post":
            self._form = PostForm(found.get("action", ""))
            self.forms.append(self._form)
        if self._form is None:
            return
        name = found.get("name")
        if tag == "input" and name:
            self._input(self._form, name, found)
        elif tag == "select" and name:
            self._select = name
            self._form.choices[name] = []
        elif tag == "option" and self._select:
            value = found.get("value", "")
            if "selected" in found:
                self._form.fields[self._select] = value
            elif value:
                self._form.choices[self._select].append(value)
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def _input(self, form: PostForm, name: str, found: dict[str, str]) -> None:
        kind = found.get("type", "text")
        value = found.get("value", "")
        if kind in ("radio", "checkbox"):
            if "checked" in found:
                chosen = form.fields.setdefault(name, [])
                if isinstance(chosen, list):
                    chosen.append(value)
            elif kind == "radio":
                form.choices.setdefault(name, []).append(value)
        elif kind not in ("submit", "button", "file"):
            _add(form.fields, name, value)  # GOV.UK date inputs: day, month and year share one name
            if not value and kind == "text":
                form.empty_texts.append(name)

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea and self._form is not None:
            self._form.fields[self._textarea] = "".join(self._text).lstrip("\n")
            if not self._form.fields[self._textarea]:
                self._form.empty_texts.append(self._textarea)
            self._textarea = None


def _add(fields: dict[str, str | list[str]], name: str, value: str) -> None:
    if name not in fields:
        fields[name] = value
        return
    before = fields[name]
    fields[name] = [*before, value] if isinstance(before, list) else [before, value]


def post_forms(html: str) -> list[PostForm]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def main_form(html: str) -> PostForm | None:
    """The page's own form: the posting form with a version or the most fields (not sign-out)."""
    forms = [form for form in post_forms(html) if not form.action.endswith("/sign-out")]
    return max(forms, key=lambda form: ("version" in form.fields, len(form.fields)), default=None)


def form_numbers(html: str) -> list[str]:
    return list(dict.fromkeys(FORM_LINK.findall(html)))


def has_action(html: str, number: str, action: str) -> bool:
    """Whether the form page offers the action: a button to its page, or a one-click form."""
    return f'href="/forms/{number}/actions/{action}"' in html or inline_action(html, number, action) is not None


def inline_action(html: str, number: str, action: str) -> PostForm | None:
    """The one-click form for an action that needs no answers, as the form page shows it."""
    target = f"/forms/{number}/actions/{action}"
    return next((form for form in post_forms(html) if form.action == target), None)


def error_summary(html: str) -> str:
    """The GOV.UK error summary's text, to say why a page refused what was posted."""
    found = re.search(r'govuk-error-summary__list">(.*?)</ul>', html, re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())[:300] if found else ""
