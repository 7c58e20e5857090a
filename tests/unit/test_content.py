"""The knowledge base: the shipped articles pass every check, and the checker catches what would mislead a reader."""

from datetime import date
from pathlib import Path

import pytest

from selfservice.guides.check import REQUIRED_SLUGS, check
from selfservice.guides.content import CONTENT_DIR, load_library
from selfservice.guides.render import render_markdown
from selfservice.i18n import LANGUAGES

DANISH = """+++
slug = "{slug}"
title = "Titel"
summary = "Første sætning. Anden sætning."
topic = "duties"
situations = ["all"]
updated = 2026-06-01
reviewed = {reviewed}
related = []
questions = ["a?", "b?", "c?"]

[[sources]]
title = "Lov § 1"
url = "https://www.retsinformation.dk/eli/lta/2014/433"
+++
## Afsnit

{body}
"""
TRANSLATION = """+++
slug = "{slug}"
title = "Title {lang}"
summary = "One sentence."
translated_from = {based_on}
questions = ["a?", "b?", "c?"]
+++
{body}
"""
WORDS = "ord " * 50 + "ord[^1]."


def write_article(root: Path, slug: str = "eksempel", reviewed="2026-06-01", body=WORDS, based_on="2026-06-01"):
    folder = root / slug
    folder.mkdir(parents=True)
    (folder / "da.md").write_text(DANISH.format(slug=slug, reviewed=reviewed, body=body))
    for lang in LANGUAGES:
        if lang != "da":
            (folder / f"{lang}.md").write_text(TRANSLATION.format(slug=slug, lang=lang, body=WORDS, based_on=based_on))
    return folder


def problems(root: Path, today=date(2026, 12, 1)) -> list[str]:
    return [p for p in check(load_library(root), today).problems if "required article is missing" not in p]


def test_the_shipped_knowledge_base_passes_every_check():
    report = check(load_library(CONTENT_DIR), date.today())
    assert report.problems == []
    assert set(REQUIRED_SLUGS) <= set(load_library(CONTENT_DIR).articles)
    assert all(count >= len(REQUIRED_SLUGS) for count in report.counts.values())


def test_a_complete_article_has_no_problems(tmp_path):
    write_article(tmp_path)
    assert problems(tmp_path) == []


def test_a_missing_language_and_a_missing_source_are_reported(tmp_path):
    folder = write_article(tmp_path)
    (folder / "so.md").unlink()
    text = (folder / "da.md").read_text().split("[[sources]]")[0] + "+++\n## Afsnit\n\n" + WORDS
    (folder / "da.md").write_text(text)
    found = problems(tmp_path)
    assert "eksempel: no Somali text (so.md)" in found
    assert "eksempel/da.md: no sources" in found


def test_a_dead_internal_link_a_placeholder_and_raw_html_are_reported(tmp_path):
    write_article(tmp_path, body=WORDS + "\n\nSe [her](/guides/findes-ikke). TODO: tjek satsen. <script>x</script>")
    found = " | ".join(problems(tmp_path))
    assert "links to a guide that does not exist: /guides/findes-ikke" in found
    assert "placeholder" in found
    assert "raw HTML" in found


def test_a_summary_longer_than_five_sentences_is_reported(tmp_path):
    folder = write_article(tmp_path)
    da = folder / "da.md"
    da.write_text(da.read_text().replace("Første sætning. Anden sætning.", "En. To. Tre. Fire. Fem. Seks."))
    assert "eksempel/da.md: the summary has more than 5 sentences" in problems(tmp_path)


def test_an_article_not_reviewed_for_a_year_is_listed_for_review(tmp_path):
    write_article(tmp_path, reviewed="2025-11-30")
    report = check(load_library(tmp_path), date(2026, 12, 1))
    assert report.due_for_review == [("eksempel", date(2025, 11, 30))]
    write_article(tmp_path, slug="nyere", reviewed="2025-12-01")
    assert [slug for slug, _ in check(load_library(tmp_path), date(2026, 12, 1)).due_for_review] == ["eksempel"]


def test_a_translation_older_than_the_danish_text_is_not_shown(tmp_path):
    write_article(tmp_path, based_on="2026-05-31")
    library = load_library(tmp_path)
    article = library.get("eksempel")
    assert article.text_for("en").lang == "da"
    assert ("eksempel", "en") in check(library, date(2026, 12, 1)).outdated
    write_article(tmp_path, slug="ny", based_on="2026-06-01")
    assert load_library(tmp_path).get("ny").text_for("en").title == "Title en"


def test_broken_front_matter_is_reported_not_crashed_on(tmp_path):
    folder = write_article(tmp_path)
    (folder / "pl.md").write_text("+++\ntitle = \n+++\nbody")
    assert any(p.startswith("eksempel/pl.md: the front matter is not valid TOML") for p in problems(tmp_path))


@pytest.mark.parametrize(
    "source",
    ["<script>alert(1)</script>", "[klik](javascript:alert(1))", '<img src=x onerror="alert(1)">'],
)
def test_markdown_never_renders_script_or_javascript_links(source):
    html = str(render_markdown(source))
    assert "<script" not in html and 'href="javascript' not in html and "<img" not in html
