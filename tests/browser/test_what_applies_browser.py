"""What applies to me at 360 px (issue 19): Jens (dagpenge, 52) in Danish, Amira (kontanthjælp) in Arabic, and an
anonymous 23-year-old at the lobby kiosk in Somali. Each sees the sections the rules give for their situation, in
their language, with no WCAG 2.1 AA violation and nothing wider than the screen."""

from datetime import date
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from selfservice.extensions import db
from selfservice.kiosk.admin import create_kiosk
from selfservice.rules import what_applies as rules
from selfservice.what_applies import texts
from tests.browser.conftest import signed_in_cookie
from tests.browser.test_accessibility import check
from tests.helpers import citizen, seed_people

pytestmark = [pytest.mark.browser, pytest.mark.db]
PHONE = {"width": 360, "height": 740}


def expected(situation: rules.Situation, lang: str) -> tuple[list[str], list[str], list[str]]:
    """What the rules say this person sees: the duties, the rights, and the titles of the options in order."""
    on = date.today()
    duties = [texts.statement(lang, "duties", s.key) for s in rules.duties(situation)]
    rights = [texts.statement(lang, "rights", s.key) for s in rules.rights(situation)]
    titles = [texts.option(lang, o.key)["title"] for o in rules.options(situation, on)]
    return duties, rights, titles


def assert_sections(page, situation: rules.Situation, lang: str) -> None:
    duties, rights, titles = expected(situation, lang)
    shown_duties = page.locator("section:has(#duties) .what-list > li > p:not(.what-origin)").all_inner_texts()
    shown_rights = page.locator("section:has(#rights) .what-list > li > p:not(.what-origin)").all_inner_texts()
    shown_titles = page.locator("article.what-option h3").all_inner_texts()

    def plain(items):  # right to left, a Latin term keeps a non-breaking hyphen (bidi.isolate_latin)
        return [" ".join(t.replace("\u2011", "-").split()) for t in items]

    assert plain(shown_duties) == plain(duties)
    assert plain(shown_rights) == plain(rights)
    assert plain(shown_titles) == plain(titles)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_jens_on_dagpenge_at_52_in_danish(app, live_server, new_context):
    people = seed_people(app)
    page = new_context(viewport=PHONE, locale="da-DK").new_page()
    page.context.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    page.goto("/me/")
    page.get_by_role(
        "link", name="Det gælder for mig: dine pligter, rettigheder og muligheder for at lære mere"
    ).click()
    found = check(page, "confirm")
    expect(page.locator("input[name=age]")).to_have_value("52")
    page.locator("input[name=education][value=unskilled]").check()
    page.locator("input[name=age]").press("Enter")  # the phone's Go key sends the form
    expect(page.locator("h1")).to_have_text("Det gælder for mig")
    assert_sections(page, rules.Situation(rules.Benefit.DAGPENGE, 52, rules.Education.UNSKILLED), "da")
    found += check(page, "result")
    page.locator("article:has(#option-uddannelsesloeft)").get_by_role("link", name="Spørg min sagsbehandler").click()
    page.get_by_label("Vil du tilføje noget? (frivilligt)").fill("Jeg vil gerne være smed.")
    found += check(page, "ask")
    page.get_by_role("button", name="Send til min sagsbehandler").click()
    expect(page.locator("h1")).to_contain_text("sendt")
    found += check(page, "receipt")
    assert found == []


def test_amira_on_kontanthjaelp_in_arabic(app, live_server, new_context):
    people = seed_people(app)
    page = new_context(viewport=PHONE, locale="ar").new_page()
    page.context.add_cookies([signed_in_cookie(app, live_server, citizen(people, "amira"))])
    page.goto("/me/what-applies?lang=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    age = int(page.locator("input[name=age]").input_value())
    page.locator("input[name=education][value=vocational]").check()
    page.locator("input[name=learning_danish][value=yes]").check()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    situation = rules.Situation(rules.Benefit.KONTANTHJAELP, age, rules.Education.VOCATIONAL, True)
    assert_sections(page, situation, "ar")
    assert "what-likely" in page.locator("article.what-option").first.get_attribute("class")
    assert check(page, "result in Arabic") == []


def choose(page, name: str, value: str) -> None:
    """Tick a radio as a person does: on its label (the design system draws the circle on the label)."""
    radio = page.locator(f"input[name={name}][value={value}]")
    page.locator(f"label[for='{radio.get_attribute('id')}']").click()
    expect(radio).to_be_checked()


def test_an_anonymous_23_year_old_at_the_kiosk_in_somali(app, live_server, new_context):
    seed_people(app)
    with app.test_request_context():
        _kiosk, link = create_kiosk("Forhal", "Ved skranken")
        db.session.commit()
    page = new_context(viewport=PHONE).new_page()
    page.goto(urlsplit(link).path)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/kiosk/")
    page.get_by_role("link", name="Soomaali").click()
    page.wait_for_url("**/kiosk/menu")
    page.locator("a[href='/what-applies']").click()
    page.locator("main a[href='/what-applies/benefit']").click()
    found = []
    for key, value in [("benefit", "kontanthjaelp"), ("education", None), ("learning_danish", "yes")]:
        if key == "education":
            page.locator("input[name=answer]").fill("23")
            found += check(page, "age")
            page.locator("input[name=answer]").press("Enter")
            choose(page, "answer", "unskilled")
        else:
            choose(page, "answer", value)
        found += check(page, key)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "so")
    situation = rules.Situation(rules.Benefit.KONTANTHJAELP, 23, rules.Education.UNSKILLED, True)
    assert_sections(page, situation, "so")
    assert page.locator("a[href^='/me/what-applies/ask/']").count() == 0  # no one is signed in at a kiosk
    found += check(page, "result in Somali")
    assert found == []
