"""Markdown to HTML that is safe to put in a page, whoever wrote the file.

Why two layers: markdown-it with raw HTML switched off never emits author HTML, and nh3 then keeps only the
handful of tags and the link schemes a guide needs, so a careless or hostile content change cannot inject script.
"""

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
ALLOWED_TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "blockquote", "br", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"https", "mailto", "tel"}


@lru_cache(maxsize=1024)
def render_markdown(source: str) -> Markup:
    html = _markdown.render(source)
    return Markup(  # noqa: S704 - sanitised just above by nh3 with an allow-list
        nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES)
    )


def plain_text(source: str) -> str:
    """The words of a Markdown text without markup, for searching."""
    return nh3.clean(_markdown.render(source), tags=set())
