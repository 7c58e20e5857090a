"""Where a statement comes from: the guide section (title and link, in the reader's language) and its first source.

The rules name a guide and the number of its section; the guides number their sections the same way in every
language (guides/render.py), and each claim in a section carries a marker pointing at the guide's list of sources.
"""

from dataclasses import dataclass
from datetime import date

from flask import url_for

from ..guides import library
from ..guides.content import MARKER
from ..guides.render import SECTION_ID, sections
from ..rules.what_applies import change_note


@dataclass(frozen=True)
class Origin:
    guide_title: str
    section_heading: str
    url: str
    source_title: str
    source_url: str
    change: str | None  # rules.what_applies.change_note
    change_date: date | None


def origin(slug: str, number: int, lang: str, on: date) -> Origin:
    article = library().get(slug, on)
    if article is None:
        raise LookupError(slug)
    text = article.text_for(lang)
    shown = sections(text.body)
    heading = shown[number - 1].heading if 0 < number <= len(shown) else text.title
    danish = sections(article.danish.body)
    markers = [int(n) for n in MARKER.findall(danish[number - 1].markdown)] if 0 < number <= len(danish) else []
    source = article.sources[markers[0] - 1] if markers else article.sources[0]
    # A version still to come (or proposed), else the adopted version now in force (the guide shows the new rule).
    pending = library().upcoming(slug, on) or (article if article.in_force_from else None)
    note = change_note(pending.status, pending.in_force_from, on) if pending else None
    return Origin(
        guide_title=text.title,
        section_heading=heading,
        url=url_for("guides.article", slug=slug) + "#" + SECTION_ID.format(number),
        source_title=source.title,
        source_url=source.url,
        change=note,
        change_date=pending.in_force_from if pending else None,
    )
