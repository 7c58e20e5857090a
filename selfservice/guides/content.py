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

from ..config import PACKAGE
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES

CONTENT_DIR = PACKAGE / "content"
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
MARKER = re.compile(r"\[\^(\d+)\]")  # a claim's footnote: [^2] is the second entry of the Danish sources list
VERSION_STEM = re.compile(r"^([a-z]{2})\.(\d{4}-\d{2}-\d{2})$")  # da.2027-01-01: the text in force from that date
ADOPTED, PROPOSED = "adopted", "proposed"
MAX_SUMMARY_SENTENCES = 5
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def today() -> date:
    """Today in Copenhagen: which version of a guide is in force. Tests replace this to stand on either side of a
    change date; the server needs no deployment on the day."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Europe/Copenhagen")).date()


def markers(text: str) -> set[int]:
    return {int(number) for number in MARKER.findall(text)}


def without_markers(text: str) -> str:
    return MARKER.sub("", text)


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
    changelog: tuple[tuple[date, str], ...] = ()  # what changed for a returning reader, newest first
    change: str = ""  # in a future version: what changes and from when (the box shown before the date)


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
    in_force_from: date | None = None  # a future version: from when it applies
    status: str | None = None  # a future version: adopted (switches on the date) or proposed (never switches)
    versions: list[Article] = field(default_factory=list)  # today's article: its future versions, by date

    def effective(self, on: date) -> Article:
        """The version in force on `on`: the latest adopted version whose date has come, else today's text."""
        current = self
        for version in self.versions:
            if version.status == ADOPTED and version.in_force_from and version.in_force_from <= on:
                current = version
        return current

    def upcoming(self, on: date) -> Article | None:
        """The change a reader should be told about: an adopted version still to come, or a proposal."""
        for version in self.versions:
            if version.status == PROPOSED or (version.in_force_from and version.in_force_from > on):
                return version
        return None

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
        changelog=tuple(
            (entry["date"], str(entry.get("text", "")).strip())
            for entry in meta.get("changelog", ())
            if isinstance(entry, dict) and isinstance(entry.get("date"), date)
        ),
        change=" ".join(str(meta.get("change", "")).split()),
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
        in_force_from=meta.get("in_force_from"),
        status=meta.get("status"),
    )


@dataclass
class Library:
    """Every article, in a fixed order (topic, then Danish title), plus what could not be read."""

    articles: dict[str, Article]
    broken: dict[Path, str] = field(default_factory=dict)
    files: dict[tuple[str, str], tuple[dict, Path]] = field(default_factory=dict)

    def get(self, slug: str, on: date | None = None) -> Article | None:
        """The article as it applies on `on` (today by default)."""
        article = self.articles.get(slug)
        return article.effective(on or today()) if article else None

    def upcoming(self, slug: str, on: date | None = None) -> Article | None:
        article = self.articles.get(slug)
        return article.upcoming(on or today()) if article else None

    def in_order(self, on: date | None = None) -> list[Article]:
        day = on or today()
        current = [article.effective(day) for article in self.articles.values()]
        return sorted(current, key=lambda a: (_topic_rank(a.topic), a.danish.title.casefold()))


def _topic_rank(topic: str) -> int:
    return TOPICS.index(topic) if topic in TOPICS else len(TOPICS)


def load_library(directory: Path = CONTENT_DIR) -> Library:
    """Read every article folder. Files that cannot be parsed are kept aside for `flask content check`."""
    library = Library(articles={})
    for folder in sorted(p for p in directory.iterdir() if p.is_dir()):
        metas: dict[str, dict[str, tuple[dict, str]]] = {}  # version ("" for today's) → language → file
        for path in sorted(folder.glob("*.md")):
            try:
                meta, body = split_front_matter(path.read_text(encoding="utf-8"))
            except (ContentError, UnicodeDecodeError) as error:
                library.broken[path] = str(error)
                continue
            versioned = VERSION_STEM.match(path.stem)
            lang, version = (versioned.group(1), versioned.group(2)) if versioned else (path.stem, "")
            metas.setdefault(version, {})[lang] = (meta, body)
            library.files[(folder.name, path.stem)] = (meta, path)
        if DEFAULT_LANGUAGE not in metas.get("", {}):
            continue
        article = _with_texts(folder.name, metas[""])
        for version in sorted(v for v in metas if v):
            if DEFAULT_LANGUAGE in metas[version]:
                article.versions.append(_with_texts(folder.name, metas[version]))
        library.articles[folder.name] = article
    return library


def _with_texts(slug: str, files: dict[str, tuple[dict, str]]) -> Article:
    article = _article(slug, files[DEFAULT_LANGUAGE][0])
    for lang, (meta, body) in files.items():
        if lang in LANGUAGES:
            article.texts[lang] = _text(lang, meta, body)
    return article
