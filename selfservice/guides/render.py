"""Markdown to HTML that is safe to put in a page, whoever wrote the file.

Why two layers: markdown-it with raw HTML switched off never emits author HTML, and nh3 then keeps only the
handful of tags and the link schemes a guide needs, so a careless or hostile content change cannot inject script.
"""

from dataclasses import dataclass
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from ..bidi import isolate_latin
from ..i18n import DEFAULT_LANGUAGE
from .content import MARKER, without_markers

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
ALLOWED_TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "blockquote", "br", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}, "h2": {"id"}}
ALLOWED_SCHEMES = {"https", "mailto", "tel"}


SECTION_ID = "section-{}"
SOURCE_ID = "source-{}"


@lru_cache(maxsize=1024)
def render_markdown(source: str, source_label: str = "Source", lang: str = DEFAULT_LANGUAGE) -> Markup:
    """Each second-level heading gets an id ("section-1", "section-2" …), so the assistant can link to the part of
    a guide that answers a question; each claim's marker [^n] becomes a link to the n-th source in the list below
    the article, read out as "Source n" (`source_label`, in the reader's language). In a right-to-left text (`lang`,
    the language the source is written in) each run of Latin-script words, such as a Danish term, is isolated left
    to right (see bidi.py)."""
    tokens = _markdown.parse(source)
    number = 0
    for token in tokens:
        if token.type == "heading_open" and token.tag == "h2":
            number += 1
            token.attrSet("id", SECTION_ID.format(number))
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES)
    clean = str(isolate_latin(Markup(clean), lang))  # noqa: S704 - sanitised above; our <bdi> only wraps text
    label = escape(source_label)

    def footnote(match) -> str:  # our own markup around digits only, added after sanitising
        number = match.group(1)
        target = SOURCE_ID.format(number)
        return f'<sup class="footnote"><a href="#{target}"><span class="sr-only">{label} </span>{number}</a></sup>'

    return Markup(MARKER.sub(footnote, clean))  # noqa: S704 - sanitised by nh3; the footnotes and isolates are ours


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    text: str  # plain text, without the heading
    markdown: str  # the section as written, with its source markers [^n]


@lru_cache(maxsize=1024)
def sections(source: str) -> tuple[Section, ...]:
    """The guide's second-level sections, numbered as render_markdown numbers their headings. Cached: the texts do
    not change while the process runs, and the assistant and What applies to me ask for the same ones often."""
    found: list[Section] = []
    heading: str | None = None
    lines: list[str] = []
    for line in source.splitlines() + ["## "]:
        if line.startswith("## "):
            if heading is not None:
                markdown = "\n".join(lines)
                text = " ".join(plain_text(markdown).split())
                found.append(Section(SECTION_ID.format(len(found) + 1), heading, text, markdown))
            heading, lines = line[3:].strip(), []
        elif heading is not None:
            lines.append(line)
    return tuple(found)


def plain_text(source: str) -> str:
    """The words of a Markdown text without markup or footnote markers, for searching."""
    return nh3.clean(_markdown.render(without_markers(source)), tags=set())
