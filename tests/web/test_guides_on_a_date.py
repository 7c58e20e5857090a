"""Rules that change on a date, as readers see them on either side of it, in every language: the guides page, the
article page, a self-check's result and the assistant's answer show today's rules with a calm "From 1 January 2027
this changes" box before the date, and the new rules from the date, with no deployment in between.

The app here reads a copy of the shipped guides with an adopted 2027 version of uddannelsesloeft added, and a
proposed one of bisidder; the clock is fixed with `selfservice.guides.content.today`."""

import shutil
from datetime import date

import pytest

from selfservice.config import TestConfig
from selfservice.extensions import db
from selfservice.guides import content
from selfservice.guides.content import CONTENT_DIR
from selfservice.i18n import LANGUAGES
from tests.conftest import CheckingClient
from tests.helpers import build_app, csrf_token, page
from tests.web.test_guides import shown

pytestmark = pytest.mark.db

BEFORE, AFTER = date(2026, 12, 31), date(2027, 1, 1)
NEW_TITLE = {lang: f"Uddannelsesløft 2027 ({lang})" for lang in LANGUAGES}
CHANGE = {lang: f"CHANGE-NOTE-{lang}: new rules from 1 January 2027." for lang in LANGUAGES}


def future_file(source: str, lang: str, status: str, title: str) -> str:
    """Today's file turned into a version in force from 2027-01-01 with its own title and change note."""
    _start, meta, body = source.split("+++", 2)
    top, tables = (meta.split("\n[[", 1) + [""])[:2]  # only the top-level keys: sources have titles too
    lines = [line for line in top.splitlines() if not line.startswith(("title =", "translated_from ="))]
    lines += [f"[[{tables}"] if tables else []
    head = [f'title = "{title}"', f'change = "{CHANGE[lang]}"']
    if lang == "da":
        head += ["in_force_from = 2027-01-01", f'status = "{status}"']
    else:
        head.append("translated_from = 2026-12-06")
    return "+++\n" + "\n".join(head + lines) + "\n+++" + body


@pytest.fixture(scope="module")
def dated_app(tmp_path_factory, test_config, app):
    root = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(CONTENT_DIR, root, ignore=shutil.ignore_patterns("*.2027-*.md"))
    for slug, status in (("uddannelsesloeft", "adopted"), ("bisidder", "proposed")):
        for lang in LANGUAGES:
            today_file = (root / slug / f"{lang}.md").read_text(encoding="utf-8")
            title = NEW_TITLE[lang] if slug == "uddannelsesloeft" else f"Bisidder forslag ({lang})"
            (root / slug / f"{lang}.2027-01-01.md").write_text(future_file(today_file, lang, status, title), "utf-8")
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = test_config.SQLALCHEMY_DATABASE_URI
    config.INSTANCE_PATH = test_config.INSTANCE_PATH
    config.CONTENT_DIR = str(root)
    dated = build_app(config)
    dated.test_client_class = CheckingClient
    yield dated
    from selfservice.extensions import limiter

    limiter.init_app(app)


@pytest.fixture
def on(monkeypatch):
    def set_day(day: date):
        monkeypatch.setattr(content, "today", lambda: day)

    return set_day


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_before_the_date_today_s_rules_with_the_change_announced(dated_app, on, lang):
    on(BEFORE)
    client = dated_app.test_client()
    listing = shown(page(client.get(f"/guides?lang={lang}&situation=all")))
    assert NEW_TITLE[lang] not in listing
    article = page(client.get(f"/guides/uddannelsesloeft?lang={lang}"))
    assert shown(article.h1) != NEW_TITLE[lang]
    assert CHANGE[lang] in shown(article)
    assert article.find("a", href="/guides/uddannelsesloeft?version=2027-01-01")
    preview = page(client.get(f"/guides/uddannelsesloeft?lang={lang}&version=2027-01-01"))
    assert shown(preview.h1) == NEW_TITLE[lang]
    with dated_app.test_request_context():
        reply = dated_app.extensions["assistant"].article_reply("uddannelsesloeft", lang)
    assert reply.upcoming == {"from": "2027-01-01", "status": "adopted", "text": CHANGE[lang]}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_from_the_date_the_new_rules_without_a_deployment(dated_app, on, lang):
    on(AFTER)
    client = dated_app.test_client()
    listing = shown(page(client.get(f"/guides?lang={lang}&situation=all")))
    assert NEW_TITLE[lang] in listing
    article = page(client.get(f"/guides/uddannelsesloeft?lang={lang}"))
    assert shown(article.h1) == NEW_TITLE[lang]
    assert CHANGE[lang] not in shown(article)
    with dated_app.test_request_context():
        reply = dated_app.extensions["assistant"].article_reply("uddannelsesloeft", lang)
    new_summary = dated_app.extensions["guides"].get("uddannelsesloeft", AFTER).text_for(lang).summary
    assert reply.text == new_summary and reply.upcoming is None


@pytest.mark.parametrize("day", [BEFORE, AFTER])
def test_a_proposal_never_takes_over_and_says_it_is_not_decided(dated_app, on, day):
    on(day)
    article = page(dated_app.test_client().get("/guides/bisidder?lang=en"))
    assert "Bisidder forslag" not in article.h1.get_text()
    assert "A change is proposed but not decided" in article.get_text(" ")


@pytest.mark.parametrize(("day", "announced"), [(BEFORE, True), (AFTER, False)])
def test_the_self_check_result_names_the_guide_in_force_and_the_coming_change(dated_app, on, day, announced):
    on(day)
    client = dated_app.test_client()
    token = csrf_token(client, "/self-checks/uddannelsesloeft/benefit?lang=en")
    for key, data in [
        ("benefit", {"answer": "dagpenge"}),
        ("birth_date", {"birth_day": "1", "birth_month": "12", "birth_year": "1990"}),
        ("education", {"answer": "unskilled"}),
        ("positive_list", {"answer": "yes"}),
    ]:
        client.post(f"/self-checks/uddannelsesloeft/{key}", data={"csrf_token": token, **data})
    result = page(client.get("/self-checks/uddannelsesloeft/result?lang=en")).get_text(" ")
    assert (CHANGE["en"] in result) is announced
    assert (NEW_TITLE["en"] in result) is not announced
    with dated_app.app_context():
        db.session.remove()
