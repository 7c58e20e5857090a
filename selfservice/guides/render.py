"""Markdown to HTML that is safe to put in a page, whoever wrote the file.

Why two layers: markdown-it with raw HTML switched off never emits author HTML, and nh3 then keeps only the
handful of tags and the link schemes a guide needs, so a careless or hostile content change cannot inject script.
"""

from dataclasses import dataclass
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
ALLOWED_TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "blockquote", "br", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}, "h2": {"id"}}
ALLOWED_SCHEMES = {"https", "mailto", "tel"}


SECTION_ID = "section-{}"


@lru_cache(maxsize=1024)
def render_markdown(source: str) -> Markup:
    """Each second-level heading gets an id ("section-1", "section-2" …), so the assistant can link to the part of
    a guide that answers a question."""
    tokens = _markdown.parse(source)
    number = 0
    for token in tokens:
        if token.type == "heading_open" and token.tag == "h2":
            number += 1
            token.attrSet("id", SECTION_ID.format(number))
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return Markup(  # noqa: S704 - sanitised just above by nh3 with an allow-list
        nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES)
    )


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    text: str  # plain text, without the heading


def sections(source: str) -> list[Section]:
    """The guide's second-level sections, numbered as render_markdown numbers their headings."""
    found: list[Section] = []
    heading, lines = None, []
    for line in source.splitlines() + ["## "]:
        if line.startswith("## "):
            if heading is not None:
                text = " ".join(plain_text("\n".join(lines)).split())
                found.append(Section(SECTION_ID.format(len(found) + 1), heading, text))
            heading, lines = line[3:].strip(), []
        elif heading is not None:
            lines.append(line)
    return found


def plain_text(source: str) -> str:
    """The words of a Markdown text without markup, for searching."""
    return nh3.clean(_markdown.render(source), tags=set())
