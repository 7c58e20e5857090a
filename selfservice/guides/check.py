"""`flask content check`: everything that makes an article unfit to publish, and what is due for review.

Why a checker and not trust: a guide tells a worried citizen what the law says. A missing source, a dead internal
link, a translation with a leftover placeholder or a summary that grew into an essay are all easy to miss in review
and are caught here, in the test suite and on the admin page alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from urllib.parse import urlsplit

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES
from .content import (
    ADOPTED,
    ALL_SITUATIONS,
    MAX_SUMMARY_SENTENCES,
    PROPOSED,
    SITUATION_CODES,
    SLUG,
    TOPICS,
    VERSION_STEM,
    Article,
    Library,
    markers,
)

REQUIRED_SLUGS = [
    "dagpenge",
    "kontanthjaelp",
    "ressourceforloeb",
    "sygedagpenge",
    "jobafklaringsforloeb",
    "ledighedsydelse-fleksjob",
    "foertidspension",
    "samtaler-og-moeder",
    "afbud-og-sygdom",
    "bisidder",
    "tolk",
    "sanktioner",
    "jobsoegning-og-joblog",
    "raadighed",
    "forberedelsesskema",
    "min-plan",
    "tvaerfagligt-team",
    "mentor",
    "uddannelsesloeft",
    "seks-ugers-jobrettet-uddannelse",
    "amu-kurser",
    "fvu-og-ordblindeundervisning",
    "voksenlaerling",
    "virksomhedspraktik",
    "loentilskud",
    "stu",
    "realkompetencevurdering",
    "danskuddannelse",
    "dine-data",
    "klage",
]
REVIEW_INTERVAL = timedelta(days=365)
MIN_QUESTIONS = 3
# Text an author or translator left for later, and template syntax that would reach the reader raw.
PLACEHOLDERS = re.compile(r"\bTODO\b|\bTBD\b|\bFIXME\b|XXX|lorem ipsum|\{\{|\}\}|\{%|%\(|\[\.\.\.\]|…\]", re.I)
RAW_HTML = re.compile(r"<\s*/?\s*[a-z][^>]*>", re.I)
LINK = re.compile(r"\]\(([^)\s]+)\)")
APP_PATHS = ("/me/", "/self-checks/", "/assistant", "/contact", "/privacy", "/accessibility")
SELF_CHECKS = ("uddannelsesloeft", "seks-ugers-jobrettet-uddannelse", "moede")
# A page or button named in a guide, in the quotation marks our languages use.
QUOTED = re.compile(r"[»«“„\"]([^»«“”„\"\n]{3,60})[«»”“\"]")
# Wording for a law that was only proposed or agreed: wrong in a text that says what applies today.
PROPOSAL_WORDING = re.compile(r"ifølge (lov)?forslaget|ifølge aftalen|ifoelge (lov)?forslaget|ifoelge aftalen", re.I)


# Words that end in a full stop without ending a sentence ("bl.a.", "fx.", "1. juli").
ABBREVIATIONS = {
    "bl.a",
    "fx",
    "f.eks",
    "m.v",
    "mv",
    "nr",
    "jf",
    "ca",
    "pct",
    "kr",
    "stk",
    "dvs",
    "evt",
    "e.g",
    "i.e",
    "etc",
    "no",
    "vs",
    "t.o.m",
    "m.m",
    "inkl",
    "ekskl",
}


def sentences(text: str) -> list[str]:
    """Sentences as a reader counts them: a full stop after a number or an abbreviation does not end one."""
    found, start = [], 0
    for match in re.finditer(r"[.!?؟]+\s+", text):
        before = text[start : match.start()].split()[-1:] or [""]
        word = before[0].casefold().rstrip(".")
        if match.group(0).startswith(".") and (word.isdigit() or word in ABBREVIATIONS):
            continue
        found.append(text[start : match.end()].strip())
        start = match.end()
    found.append(text[start:].strip())
    return [s for s in found if s]


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    due_for_review: list[tuple[str, date]] = field(default_factory=list)
    outdated: list[tuple[str, str]] = field(default_factory=list)  # (slug, lang) shown in Danish meanwhile
    counts: dict[str, int] = field(default_factory=dict)  # articles per language

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_link(target: str, library: Library) -> str | None:
    if target.startswith("/guides/"):
        slug = target.removeprefix("/guides/").split("#")[0].split("?")[0]
        return None if slug in library.articles else f"links to a guide that does not exist: {target}"
    if target.startswith("/self-checks/"):
        name = target.removeprefix("/self-checks/").strip("/")
        return None if name in SELF_CHECKS else f"links to a self-check that does not exist: {target}"
    if target.startswith(APP_PATHS) or target == "/guides":
        return None
    parts = urlsplit(target)
    if parts.scheme == "https" and parts.netloc:
        return None
    return f"has a link that is neither internal nor https: {target}"


def _check_text(where: str, meta: dict, body: str, lang: str, library: Library) -> list[str]:
    found = []
    for key in ("title", "summary"):
        if not str(meta.get(key, "")).strip():
            found.append(f"{where}: no {key}")
    summary = " ".join(str(meta.get("summary", "")).split())
    if len(sentences(summary)) > MAX_SUMMARY_SENTENCES:
        found.append(f"{where}: the summary has more than {MAX_SUMMARY_SENTENCES} sentences")
    questions = meta.get("questions", [])
    if not isinstance(questions, list) or len(questions) < MIN_QUESTIONS:
        found.append(f"{where}: fewer than {MIN_QUESTIONS} questions for the assistant")
    if len(body.split()) < 40:
        found.append(f"{where}: the body is missing or shorter than 40 words")
    everything = " ".join([str(meta.get("title", "")), summary, body, *map(str, questions)])
    if match := PLACEHOLDERS.search(everything):
        found.append(f"{where}: contains a placeholder or template text: {match.group(0)!r}")
    if match := RAW_HTML.search(body):
        found.append(f"{where}: contains raw HTML, which is not rendered: {match.group(0)!r}")
    if re.search(r"^# ", body, re.M):
        found.append(f"{where}: uses a level-1 heading; the page title is the only one")
    for target in LINK.findall(body):
        if problem := _check_link(target, library):
            found.append(f"{where}: {problem}")
    if lang != DEFAULT_LANGUAGE and not isinstance(meta.get("translated_from"), date):
        found.append(f"{where}: no translated_from date")
    return found


def _check_danish(slug: str, meta: dict, library: Library) -> list[str]:
    where = f"{slug}/da.md"
    found = []
    if meta.get("topic") not in TOPICS:
        found.append(f"{where}: topic must be one of {', '.join(TOPICS)}")
    situations = meta.get("situations") or []
    if not situations or any(s not in (*SITUATION_CODES, ALL_SITUATIONS) for s in situations):
        found.append(f"{where}: situations must be 'all' or among {', '.join(SITUATION_CODES)}")
    for key in ("updated", "reviewed"):
        if not isinstance(meta.get(key), date):
            found.append(f"{where}: {key} must be a date (YYYY-MM-DD)")
    valid_from, valid_to = meta.get("valid_from"), meta.get("valid_to")
    for key, value in (("valid_from", valid_from), ("valid_to", valid_to)):
        if value is not None and not isinstance(value, date):
            found.append(f"{where}: {key} must be a date")
    if isinstance(valid_from, date) and isinstance(valid_to, date) and valid_to < valid_from:
        found.append(f"{where}: valid_to is before valid_from")
    sources = meta.get("sources") or []
    if not sources:
        found.append(f"{where}: no sources")
    for source in sources:
        if not str(source.get("title", "")).strip() or not str(source.get("url", "")).startswith("https://"):
            found.append(f"{where}: every source needs a title and an https address")
    for other in meta.get("related", []):
        if other not in library.articles or other == slug:
            found.append(f"{where}: related article does not exist: {other}")
    return found


def _check_markers(where: str, article: Article) -> list[str]:
    """Every claim's marker points into the Danish sources; every source is used; translations mark the same."""
    found = []
    danish = markers(article.danish.body)
    count = len(article.sources)
    if past := sorted(n for n in danish if n < 1 or n > count):
        found.append(f"{where}/da: markers {past} point past the {count} sources")
    if unused := [n for n in range(1, count + 1) if n not in danish]:
        found.append(f"{where}/da: sources {unused} are used by no claim ([^n] marker)")
    for lang, text in sorted(article.texts.items()):
        if lang != DEFAULT_LANGUAGE and article.is_current(lang) and markers(text.body) != danish:
            found.append(f"{where}/{lang}: its source markers {sorted(markers(text.body))} differ from the Danish")
    return found


def _check_version(slug: str, article: Article, base: Article) -> list[str]:
    where = f"{slug}/da.{article.in_force_from}.md"
    found = []
    if not isinstance(article.in_force_from, date):
        found.append(f"{where}: in_force_from must be a date")
    if article.status not in (ADOPTED, PROPOSED):
        found.append(f"{where}: status must be {ADOPTED} or {PROPOSED}")
    for lang in LANGUAGES:
        text = article.texts.get(lang)
        if text is not None and not text.change:
            found.append(f"{where.replace('/da.', f'/{lang}.')}: no change text for the box before the date")
    if article.in_force_from and base.in_force_from is None and article.texts.keys() - base.texts.keys():
        found.append(f"{where}: a language the article today does not have")
    return found


@cache
def ui_labels(lang: str) -> frozenset[str]:
    """What the website shows in `lang`: the catalogue's translations (the message ids for English)."""
    from babel.messages.pofile import read_po

    from ..config import PACKAGE

    path = PACKAGE / "translations" / lang / "LC_MESSAGES" / "messages.po"
    if lang == "en":
        path = PACKAGE / "translations" / "messages.pot"
    if not path.exists():
        return frozenset()
    with path.open("rb") as handle:
        catalog = read_po(handle)
    labels = set()
    for message in catalog:
        if not message.id:
            continue
        text = (message.id if lang == "en" else message.string) or ""
        for value in [text] if isinstance(text, str) else list(text):
            if value and len(value) <= 80:
                labels.add(value.strip())
    return frozenset(labels)


def _check_quoted_labels(where: str, body: str, lang: str) -> list[str]:
    """A quoted name that is almost, but not exactly, a label on the site names a button or page that does not
    exist in that language (the translation review found such guides): say which label was probably meant."""
    from difflib import get_close_matches

    labels = ui_labels(lang)
    found = []
    for quoted in QUOTED.findall(body):
        name = quoted.strip().rstrip(".,:;")
        if not labels or name in labels:
            continue
        near = get_close_matches(name, labels, n=1, cutoff=0.8)
        if near:
            found.append(f"{where}: quotes “{name}”, which is not a label on the site; the site says “{near[0]}”")
    return found


def check(library: Library, today: date) -> Report:
    report = Report(counts={lang: 0 for lang in LANGUAGES})
    for path, error in library.broken.items():
        report.problems.append(f"{path.parent.name}/{path.name}: {error}")
    for slug in REQUIRED_SLUGS:
        if slug not in library.articles:
            report.problems.append(f"{slug}: required article is missing (no da.md)")
    for (slug, stem), (meta, path) in sorted(library.files.items()):
        where = f"{slug}/{path.name}"
        versioned = VERSION_STEM.match(stem)
        if versioned:
            if versioned.group(1) not in LANGUAGES or slug not in library.articles:
                report.problems.append(f"{where}: a future version needs our language code and today's article")
            continue
        lang = stem
        if lang not in LANGUAGES:
            report.problems.append(f"{where}: not one of our languages ({', '.join(LANGUAGES)})")
            continue
        if not SLUG.match(slug) or meta.get("slug") != slug:
            report.problems.append(f"{where}: the slug in the file must match the folder name")
        if slug not in library.articles:
            report.problems.append(f"{where}: a translation without a Danish text")
            continue
        body = library.articles[slug].texts[lang].body
        report.problems += _check_text(where, meta, body, lang, library)
        report.problems += _check_quoted_labels(where, body, lang)
        if PROPOSAL_WORDING.search(body) or PROPOSAL_WORDING.search(str(meta.get("summary", ""))):
            report.problems.append(f"{where}: says 'ifølge lovforslaget/aftalen' in a text that applies today")
        if lang == DEFAULT_LANGUAGE:
            report.problems += _check_danish(slug, meta, library)
    for slug, article in sorted(library.articles.items()):
        report.problems += _check_markers(slug, article)
        for version in article.versions:
            report.problems += _check_version(slug, version, article)
            report.problems += _check_markers(f"{slug}@{version.in_force_from}", version)
        for lang in LANGUAGES:
            if lang not in article.texts:
                report.problems.append(f"{slug}: no {LANGUAGES[lang].english_name} text ({lang}.md)")
            elif article.is_current(lang):
                report.counts[lang] += 1
            else:
                report.outdated.append((slug, lang))
        if today - article.reviewed > REVIEW_INTERVAL:
            report.due_for_review.append((slug, article.reviewed))
    return report


def format_report(report: Report) -> str:
    lines = [f"{len(report.problems)} problem(s)"]
    lines += [f"  {problem}" for problem in report.problems]
    lines.append("Articles up to date per language: " + ", ".join(f"{k} {v}" for k, v in report.counts.items()))
    if report.outdated:
        lines.append("Translations older than the Danish text (Danish shown meanwhile):")
        lines += [f"  {slug}/{lang}.md" for slug, lang in report.outdated]
    if report.due_for_review:
        lines.append(f"Not reviewed for {REVIEW_INTERVAL.days} days:")
        lines += [f"  {slug} (last reviewed {reviewed.isoformat()})" for slug, reviewed in report.due_for_review]
    return "\n".join(lines)
