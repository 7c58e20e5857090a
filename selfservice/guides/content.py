"""The knowledge base: guide articles read from `selfservice/content/<slug>/<lang>.md`.

Why files and not database rows: articles are reviewed like code (a diff shows what changed in the law text), every
language sits beside the binding Danish one, and the chat assistant builds its index from the same files at start-up.
The Danish file carries the facts (sources, dates, situations); a translation carries only words, and is shown only
while it is as new as the Danish text it was made from.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..config import ROOT
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES

CONTENT_DIR = ROOT / "selfservice" / "content"
TOPICS = ("situations", "duties", "course", "upskilling", "rights")
SITUATION_CODES = (
    "dagpenge",
    "kontanthjaelp",
    "ressourceforloeb",
    "sygedagpenge",
    "jobafklaring",
    "ledighedsydelse",
    "foertidspension",
)
ALL_SITUATIONS = "all"
MAX_SUMMARY_SENTENCES = 5
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ContentError(ValueError):
    """A content file that cannot be read at all (broken front matter)."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Text:
    """The words of one article in one language."""

    lang: str
    title: str
    summary: str
    body: str
    questions: tuple[str, ...]
    based_on: date  # the Danish `updated` date these words match


@dataclass
class Article:
    slug: str
    topic: str
    situations: tuple[str, ...]
    updated: date
    reviewed: date
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    valid_from: date | None = None
    valid_to: date | None = None
    texts: dict[str, Text] = field(default_factory=dict)

    @property
    def danish(self) -> Text:
        return self.texts[DEFAULT_LANGUAGE]

    def is_current(self, lang: str) -> bool:
        """A translation counts only when it was made from the Danish text as it stands now."""
        text = self.texts.get(lang)
        return text is not None and text.based_on >= self.updated

    def text_for(self, lang: str) -> Text:
        """The text to show a reader of `lang`: their language when current, otherwise the binding Danish text."""
        return self.texts[lang] if self.is_current(lang) else self.danish

    def applies_to(self, situation: str | None) -> bool:
        return not situation or ALL_SITUATIONS in self.situations or situation in self.situations

    def in_force(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)


def split_front_matter(raw: str) -> tuple[dict, str]:
    if not raw.startswith("+++\n"):
        raise ContentError("the file must start with a +++ line")
    end = raw.find("\n+++\n", 3)
    if end == -1:
        raise ContentError("the front matter has no closing +++ line")
    try:
        meta = tomllib.loads(raw[4 : end + 1])
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"the front matter is not valid TOML: {error}") from error
    return meta, raw[end + 5 :].strip() + "\n"


def _text(lang: str, meta: dict, body: str) -> Text:
    based_on = meta.get("updated") if lang == DEFAULT_LANGUAGE else meta.get("translated_from")
    return Text(
        lang=lang,
        title=str(meta.get("title", "")).strip(),
        summary=" ".join(str(meta.get("summary", "")).split()),
        body=body,
        questions=tuple(str(q).strip() for q in meta.get("questions", ())),
        based_on=based_on if isinstance(based_on, date) else date.min,
    )


def _article(slug: str, meta: dict) -> Article:
    return Article(
        slug=slug,
        topic=meta.get("topic", ""),
        situations=tuple(meta.get("situations", ())),
        updated=meta.get("updated", date.min),
        reviewed=meta.get("reviewed", date.min),
        sources=tuple(Source(str(s.get("title", "")), str(s.get("url", ""))) for s in meta.get("sources", ())),
        related=tuple(meta.get("related", ())),
        valid_from=meta.get("valid_from"),
        valid_to=meta.get("valid_to"),
    )


@dataclass
class Library:
    """Every article, in a fixed order (topic, then Danish title), plus what could not be read."""

    articles: dict[str, Article]
    broken: dict[Path, str] = field(default_factory=dict)
    files: dict[tuple[str, str], tuple[dict, Path]] = field(default_factory=dict)

    def get(self, slug: str) -> Article | None:
        return self.articles.get(slug)

    def in_order(self) -> list[Article]:
        return sorted(self.articles.values(), key=lambda a: (_topic_rank(a.topic), a.danish.title.casefold()))


def _topic_rank(topic: str) -> int:
    return TOPICS.index(topic) if topic in TOPICS else len(TOPICS)


def load_library(directory: Path = CONTENT_DIR) -> Library:
    """Read every article folder. Files that cannot be parsed are kept aside for `flask content check`."""
    library = Library(articles={})
    for folder in sorted(p for p in directory.iterdir() if p.is_dir()):
        metas: dict[str, tuple[dict, str]] = {}
        for path in sorted(folder.glob("*.md")):
            try:
                meta, body = split_front_matter(path.read_text(encoding="utf-8"))
            except (ContentError, UnicodeDecodeError) as error:
                library.broken[path] = str(error)
                continue
            metas[path.stem] = (meta, body)
            library.files[(folder.name, path.stem)] = (meta, path)
        if DEFAULT_LANGUAGE not in metas:
            continue
        article = _article(folder.name, metas[DEFAULT_LANGUAGE][0])
        for lang, (meta, body) in metas.items():
            if lang in LANGUAGES:
                article.texts[lang] = _text(lang, meta, body)
        library.articles[folder.name] = article
    return library
