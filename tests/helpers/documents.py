"""Reading what coprod writes: markdown tokens and headings, a strict HTML checker."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token


def md_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def md_tokens(text: str) -> list[Token]:
    return md_parser().parse(text)


def inline_text(token: Token) -> str:
    """The plain text of an inline token (what a reader sees)."""
    return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))


def headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [
        (t.tag, inline_text(tokens[i + 1]))
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]


VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class StrictHTML(HTMLParser):
    """Fails on any unbalanced, misnested or stray tag, duplicate attribute or self-closed HTML element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.doctype: str | None = None
        self.text: dict[str, list[str]] = {}

    def _record(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.errors.append(f"duplicate attribute in <{tag}>: {names}")
        self.elements.append((tag, dict(attrs), tuple(self.stack)))

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)
        if tag not in VOID and "svg" not in self.stack:
            self.errors.append(f"self-closed non-void HTML element <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag for void element </{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}>; open: {self.stack[-4:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.text.setdefault(self.stack[-1], []).append(data)

    def check(self, document: str) -> StrictHTML:
        self.feed(document)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")
        assert not self.errors, self.errors
        return self

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs, _ in self.elements if tag == name]


def plain(token: Token) -> str:
    """What a reader sees in an inline token; line breaks become ``\\n``."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("hardbreak", "softbreak"):
            parts.append("\n")
    return "".join(parts)


def list_items(tokens: list[Token]) -> list[str]:
    """The text of every list item's first paragraph."""
    return [
        plain(tokens[i + 2])
        for i, t in enumerate(tokens)
        if t.type == "list_item_open" and tokens[i + 2].type == "inline"
    ]


def paragraphs(tokens: list[Token]) -> list[str]:
    return [plain(t) for t in tokens if t.type == "inline"]
