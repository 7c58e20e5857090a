"""The guides as a reader meets them: every article in every language, the binding Danish text, search, the
situation filter, easy reading, and the content status for the people who keep the guides current."""

from contextlib import contextmanager
from datetime import date

import pytest

from selfservice.guides.content import CONTENT_DIR, load_library
from selfservice.i18n import LANGUAGES
from tests.helpers import citizen, page, sign_in_as, staff
from tests.unit.test_content import write_article

LIBRARY = load_library(CONTENT_DIR)
ALL_PAGES = [(slug, lang) for slug in sorted(LIBRARY.articles) for lang in LANGUAGES]


def shown(tag) -> str:
    """The words as read, across the `<bdi>` around Danish terms in Arabic and Farsi (and their U+2011 hyphens)."""
    return " ".join(tag.get_text().split()).replace("\u2011", "-")


@contextmanager
def library_from(app, directory):
    """Serve the guides from another folder for one test (the app loads them once at start-up)."""
    original = app.extensions["guides"]
    app.extensions["guides"] = load_library(directory)
    try:
        yield
    finally:
        app.extensions["guides"] = original


@pytest.mark.parametrize(("slug", "lang"), ALL_PAGES)
def test_every_article_renders_in_every_language_with_its_sources_and_review_date(client, slug, lang):
    article = LIBRARY.get(slug)
    html = page(client.get(f"/guides/{slug}?lang={lang}"))
    assert html.html["lang"] == lang and html.html["dir"] == LANGUAGES[lang].direction
    assert shown(html.h1) == article.texts[lang].title
    assert shown(html.find(id="guide-summary")) == article.texts[lang].summary
    assert html.find(id="guide-body").get_text(strip=True)
    facts = html.find("section", class_="guide-facts")
    assert [a["href"] for a in facts.find_all("a")] == [source.url for source in article.sources]
    assert str(article.reviewed.year) in facts.get_text()
    danish_link = html.find("a", hreflang="da", href=f"/guides/{slug}?text=da")
    assert (danish_link is not None) == (lang != "da")


def test_a_reader_can_open_the_binding_danish_text_from_a_translation(client):
    html = page(client.get("/guides/bisidder?lang=ar&text=da"))
    assert html.html["lang"] == "ar"
    assert html.h1["lang"] == "da" and html.h1.get_text(strip=True) == LIBRARY.get("bisidder").danish.title
    assert html.find(id="guide-body")["lang"] == "da"
    assert html.find("a", href="/guides/bisidder")


def test_an_outdated_or_missing_translation_shows_the_danish_text_with_a_notice(app, client, tmp_path):
    write_article(tmp_path, slug="gammel", based_on="2026-01-01")
    (write_article(tmp_path, slug="mangler") / "tr.md").unlink()
    with library_from(app, tmp_path):
        outdated = page(client.get("/guides/gammel?lang=en"))
        missing = page(client.get("/guides/mangler?lang=tr"))
    assert outdated.h1.get_text(strip=True) == "Titel" and outdated.h1["lang"] == "da"
    assert "translation into your language is being updated" in outdated.get_text()
    assert missing.h1["lang"] == "da"
    assert missing.find(class_="alert-info") is not None


def test_the_index_groups_every_guide_by_topic(client):
    html = page(client.get("/guides?lang=en&situation=all"))
    headings = [h.get_text(strip=True) for h in html.select("section.guide-group h2")]
    assert headings == [
        "Your situation",
        "Meetings and duties",
        "Your course at the jobcentre",
        "Education and upskilling",
        "Your data and your rights",
    ]
    linked = {a["href"] for a in html.select("section.guide-group a")}
    assert linked == {f"/guides/{slug}" for slug in LIBRARY.articles}


def test_the_situation_filter_hides_guides_for_other_situations(client):
    html = page(client.get("/guides?lang=en&situation=sygedagpenge"))
    linked = {a["href"] for a in html.select("section.guide-group a")}
    assert "/guides/sygedagpenge" in linked and "/guides/bisidder" in linked
    assert "/guides/dagpenge" not in linked
    assert html.find("option", value="sygedagpenge").has_attr("selected")


def test_search_works_without_javascript_in_danish_and_without_danish_letters(client):
    for query in ["sygedagpenge", "syg", "bisidder", "tolk"]:
        html = page(client.get(f"/guides?q={query}&lang=da&situation=all"))
        results = [a["href"] for a in html.select(".guide-list a") if a["href"].startswith("/guides/")]
        assert results, query
    html = page(client.get("/guides?q=foertidspension&situation=all"))
    assert html.select(".guide-list a")[0]["href"] == "/guides/foertidspension"


def test_a_search_with_no_match_says_so_and_offers_a_way_forward(client):
    html = page(client.get("/guides?q=xyzzyqq&lang=en"))
    assert "No guide matches your search" in html.get_text()
    assert html.find("a", href="/contact")


@pytest.mark.db
def test_a_citizens_situation_filter_starts_from_their_case_and_is_remembered(app, client, people):
    sign_in_as(client, app, citizen(people, "jens"))  # Jens gets dagpenge
    assert page(client.get("/guides?lang=en")).find("option", value="dagpenge").has_attr("selected")
    ours = {"Sec-Fetch-Site": "same-origin"}  # what a browser sends for the filter form on our own page
    client.get("/guides?situation=foertidspension", headers=ours)
    html = page(client.get("/guides?lang=en"))
    assert html.find("option", value="foertidspension").has_attr("selected")
    client.get("/guides?situation=all", headers=ours)
    assert not page(client.get("/guides")).select("option[selected]")


@pytest.mark.db
def test_a_link_from_another_site_shows_the_filter_but_does_not_change_what_is_remembered(app, client, people):
    sign_in_as(client, app, citizen(people, "jens"))
    shown = page(client.get("/guides?lang=en&situation=sygedagpenge", headers={"Sec-Fetch-Site": "cross-site"}))
    assert shown.find("option", value="sygedagpenge").has_attr("selected")
    assert page(client.get("/guides?lang=en")).find("option", value="dagpenge").has_attr("selected")


def test_easy_reading_shows_only_the_short_texts_and_is_remembered(client):
    html = page(client.get("/guides/dagpenge?easy=1&lang=en"))
    assert html.find(id="guide-summary") and not html.find(id="guide-body")
    assert html.find(class_="easy-reading")
    index = page(client.get("/guides?lang=en"))
    assert len(index.select(".guide-summary")) == len(LIBRARY.articles)
    assert page(client.get("/guides/dagpenge?easy=0")).find(id="guide-body")


@pytest.mark.db
def test_the_content_status_page_is_for_administrators_only(app, people):
    admin = app.test_client()
    sign_in_as(admin, app, staff(people, "anne"))
    html = page(admin.get("/staff/content?lang=en"))
    assert "No problems found." in html.get_text()
    assert len(html.select("section.review-block")) == len(LIBRARY.articles)  # one review form per guide
    caseworker = app.test_client()
    sign_in_as(caseworker, app, staff(people, "karen"))
    assert caseworker.get("/staff/content").status_code == 403


def test_the_content_status_page_lists_problems_and_overdue_reviews(app, tmp_path, people):
    write_article(tmp_path, reviewed="2024-01-01", body="Se [her](/guides/findes-ikke). " + "ord " * 50)
    admin = app.test_client()
    sign_in_as(admin, app, staff(people, "anne"))
    with library_from(app, tmp_path):
        text = page(admin.get("/staff/content?lang=en")).get_text()
    assert "links to a guide that does not exist: /guides/findes-ikke" in text
    assert "eksempel: Never reviewed here" in text


def test_flask_content_check_passes_on_the_shipped_guides_and_fails_on_a_broken_one(app, tmp_path):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("0 problem(s)")
    write_article(tmp_path, reviewed="2024-01-01")
    with library_from(app, tmp_path):
        broken = runner.invoke(args=["content", "check", "--today", date(2026, 12, 1).isoformat()])
    assert broken.exit_code == 1
    assert "bisidder: required article is missing" in broken.output
    assert "eksempel (last reviewed 2024-01-01)" in broken.output
