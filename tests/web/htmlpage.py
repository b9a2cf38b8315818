"""Reading pages as a person sees them: a small element tree over the standard library's parser.

page = parse(response)
page.find(id="actions").text
[a["href"] for a in page.find_all("a", class_="govuk-link")]
"""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements a browser runs on within a line: no space is added around their text, as on the screen.
INLINE = {
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "cite",
    "code",
    "data",
    "dfn",
    "em",
    "i",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: "Element | None" = None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    def __getitem__(self, name: str) -> str:
        return self.attrs[name]

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        """The text inside, whitespace collapsed as a browser shows it."""
        return " ".join(self._strings().split())

    def _strings(self) -> str:
        return "".join(
            child if isinstance(child, str) else child._strings() if child.tag in INLINE else f" {child._strings()} "
            for child in self.children
        )

    def find_all(self, tag: str | None = None, *, class_: str | None = None, **attrs: str) -> list["Element"]:
        found = []
        for child in self.children:
            if isinstance(child, str):
                continue
            if (
                (tag is None or child.tag == tag)
                and (class_ is None or class_ in child.classes)
                and all(child.attrs.get(name.rstrip("_").replace("_", "-")) == value for name, value in attrs.items())
            ):
                found.append(child)
            found.extend(child.find_all(tag, class_=class_, **attrs))
        return found

    def find(self, tag: str | None = None, **kwargs) -> "Element | None":
        found = self.find_all(tag, **kwargs)
        return found[0] if found else None

    def one(self, tag: str | None = None, **kwargs) -> "Element":
        """The only element that matches: the test fails when there is none, or more than one."""
        found = self.find_all(tag, **kwargs)
        assert len(found) == 1, f"expected one {tag} {kwargs}, found {len(found)}"
        return found[0]

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("document", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, {name: value or "" for name, value in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(response_or_html) -> Element:
    html = response_or_html if isinstance(response_or_html, str) else response_or_html.get_data(as_text=True)
    builder = _Builder()
    builder.feed(html)
    return builder.root


def error_summary(page: Element) -> list[tuple[str, str | None]]:
    """The error summary's entries as (text, link target)."""
    summary = page.find(class_="govuk-error-summary")
    if summary is None:
        return []
    return [(li.text, (li.find("a") or Element("a", {})).get("href")) for li in summary.find_all("li")]
