"""Public pages, languages and error pages, as a citizen sees them."""

import pytest
from bs4 import BeautifulSoup

from selfservice.i18n import LANGUAGES

pytestmark = pytest.mark.db

PUBLIC_PAGES = ["/", "/login", "/login/code", "/staff/login", "/accessibility", "/privacy", "/contact", "/signed-out"]


def soup(response):
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


@pytest.mark.parametrize("code", list(LANGUAGES))
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_renders_in_every_language_with_lang_and_dir(client, path, code):
    response = client.get(f"{path}?lang={code}")
    assert response.status_code == 200
    html = soup(response).find("html")
    assert html["lang"] == code
    assert html["dir"] == LANGUAGES[code].direction


def test_the_language_switcher_lists_all_eight_languages_by_native_name_and_marks_the_current_one(client):
    page = soup(client.get("/privacy?lang=pl"))
    links = page.select(".language-list a")
    assert [a.get_text(strip=True) for a in links] == [lang.native_name for lang in LANGUAGES.values()]
    assert [a["lang"] for a in links] == list(LANGUAGES)
    current = page.select('.language-list a[aria-current="true"]')
    assert [a["lang"] for a in current] == ["pl"]
    assert links[4]["href"] == "/privacy?lang=ar"


def test_danish_is_the_default_and_pages_are_translated(client):
    page = soup(client.get("/"))
    assert page.find("html")["lang"] == "da"
    assert page.find("a", class_="skipnav").get_text(strip=True) != "Skip to content"


def test_a_chosen_language_is_remembered_in_a_cookie(client):
    response = client.get("/?lang=ar")
    assert "lang=ar" in response.headers["Set-Cookie"]
    page = soup(client.get("/contact"))
    assert page.find("html")["lang"] == "ar"
    assert page.find("html")["dir"] == "rtl"


def test_the_browser_language_is_used_when_nothing_was_chosen(client):
    page = soup(client.get("/", headers={"Accept-Language": "de-DE,uk;q=0.8,en;q=0.5"}))
    assert page.find("html")["lang"] == "uk"


def test_the_landing_page_says_what_a_citizen_can_do_and_how_to_sign_in(client):
    page = soup(client.get("/?lang=en"))
    assert page.h1.get_text(strip=True) == "Your jobcentre, on your phone"
    assert len(page.select("main ul li")) >= 4
    assert page.find("a", href="/login")
    assert page.find("a", href="/login/code")


def test_the_footer_links_to_accessibility_privacy_and_contact_on_every_page(client):
    for path in PUBLIC_PAGES:
        hrefs = {a["href"] for a in soup(client.get(path)).select("footer a")}
        assert {"/accessibility", "/privacy", "/contact"} <= hrefs


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "db": "ok"}


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_not_found_is_a_calm_page_in_the_citizens_language(client, code):
    response = client.get(f"/no-such-page?lang={code}")
    assert response.status_code == 404
    page = soup(response)
    assert page.find("html")["lang"] == code
    assert page.find("a", href="/contact")
    if code != "en":
        assert page.h1.get_text(strip=True) != "We cannot find the page"


def test_an_e_mail_in_the_citizens_language_inside_a_page_leaves_the_page_in_its_own(app):
    """The request's catalogue is looked up once per request; force_locale (e-mails, the assistant) still switches."""
    from flask import render_template_string
    from flask_babel import force_locale, gettext

    with app.test_request_context("/?lang=en"):
        assert gettext("Sign in") == "Sign in"
        with force_locale("da"):
            assert gettext("Sign in") == "Log ind"
            assert render_template_string("{{ _('Sign in') }}") == "Log ind"
        assert gettext("Sign in") == "Sign in"
        assert render_template_string("{{ _('Sign in') }}") == "Sign in"


def test_values_put_into_a_translated_sentence_are_escaped(app):
    from flask import render_template_string

    with app.test_request_context("/?lang=da"):
        html = render_template_string("{{ _('Signed in as %(name)s', name=name) }}", name="<b>Ole</b>")
    assert html == "Logget ind som &lt;b&gt;Ole&lt;/b&gt;"
