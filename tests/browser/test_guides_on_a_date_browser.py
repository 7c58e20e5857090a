"""An article before and after its change date, in Danish and Arabic, in a real browser at phone width: today's
rules with the "this changes" box before, the new rules from the date, and no axe violations either way."""

import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from werkzeug.serving import make_server

from selfservice.guides import content
from tests.conftest import free_port
from tests.web.test_guides_on_a_date import AFTER, BEFORE, CHANGE, NEW_TITLE, dated_app  # noqa: F401 - fixture

pytestmark = pytest.mark.browser
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def dated_server(dated_app):  # noqa: F811 - the fixture imported above
    port = free_port()
    server = make_server("127.0.0.1", port, dated_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


@pytest.mark.parametrize("lang", ["da", "ar"])
def test_an_article_before_and_after_its_change_date(chromium, dated_server, monkeypatch, lang):
    context = chromium.new_context(base_url=dated_server, viewport={"width": 360, "height": 740})
    page = context.new_page()
    found = []
    for day, expect_new in ((BEFORE, False), (AFTER, True)):
        monkeypatch.setattr(content, "today", lambda day=day: day)
        page.goto(f"/guides/uddannelsesloeft?lang={lang}")
        title = page.locator("h1").inner_text()
        assert (title == NEW_TITLE[lang]) is expect_new
        shown = page.locator("body").inner_text().replace("\u2011", "-")  # Latin terms in RTL keep their hyphens
        assert (CHANGE[lang] in shown) is not expect_new
        assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
        results = Axe().run(page, options=WCAG_AA)
        found += [f"{day} {lang}: {v['id']}" for v in results.response["violations"]]
    context.close()
    assert found == []
