"""Messages in a real browser: the journey from the citizen's question to the caseworker's answer at phone width,
and axe on the message pages in every language."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.i18n import LANGUAGES
from selfservice.models import Citizen
from tests.browser.conftest import signed_in_cookie
from tests.helpers import citizen, seed_people, staff

pytestmark = pytest.mark.browser
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def problems(page, label):
    results = Axe().run(page, options=WCAG_AA)
    return [f"{label}: {v['id']} ({len(v['nodes'])})" for v in results.response["violations"]]


@pytest.mark.parametrize(("name", "lang"), [("jens", "da"), ("amira", "ar")])
def test_send_a_message_and_see_the_caseworkers_answer(app, live_server, new_context, name, lang):
    people = seed_people(app)
    with app.app_context():
        public_id = db.session.scalar(select(Citizen.public_id).where(Citizen.id == people[name]))
    person = new_context(viewport={"width": 360, "height": 740})
    person.add_cookies([signed_in_cookie(app, live_server, citizen(people, name))])
    page = person.new_page()
    page.goto(f"/me/?lang={lang}")
    page.locator("a[href='/me/messages/']").click()
    page.fill("#body", "هل يمكنني إحضار أختي إلى الاجتماع؟")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".message-list")).to_contain_text("هل يمكنني إحضار أختي إلى الاجتماع؟")

    caseworker = new_context()
    caseworker.add_cookies([signed_in_cookie(app, live_server, staff(people, "karen"))])
    staff_page = caseworker.new_page()
    staff_page.goto("/staff/inbox")
    staff_page.locator(f"a[href='/staff/citizens/{public_id}/messages']").click()
    staff_page.fill("#body", "Ja, det er du velkommen til.")
    staff_page.locator("main form button[type=submit]").click()

    page.goto("/me/messages/")
    expect(page.locator(".message-list")).to_contain_text("Ja, det er du velkommen til.")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_message_pages_have_no_wcag_violations(app, live_server, new_context, lang):
    people = seed_people(app)
    with app.app_context():
        public_id = db.session.scalar(select(Citizen.public_id).where(Citizen.id == people["jens"]))
    person = new_context(viewport={"width": 360, "height": 740})
    person.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    page = person.new_page()
    found = []
    page.goto(f"/me/messages/?lang={lang}")
    found += problems(page, f"thread [{lang}]")
    page.locator("main form button[type=submit]").click()
    found += problems(page, f"thread error [{lang}]")
    page.fill("#body", "Hej")
    page.locator("main form button[type=submit]").click()
    found += problems(page, f"thread with message [{lang}]")
    caseworker = new_context()
    caseworker.add_cookies([signed_in_cookie(app, live_server, staff(people, "karen"))])
    staff_page = caseworker.new_page()
    for path in ["/staff/inbox", "/staff/inbox?show=citizen", f"/staff/citizens/{public_id}/messages"]:
        staff_page.goto(path + ("&" if "?" in path else "?") + f"lang={lang}")
        found += problems(staff_page, f"{path} [{lang}]")
    assert found == []


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_settings_and_consent_pages_have_no_wcag_violations(app, live_server, new_context, lang):
    people = seed_people(app)
    person = new_context(viewport={"width": 360, "height": 740})
    person.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    page = person.new_page()
    found = []
    page.goto(f"/me/settings?lang={lang}")
    found += problems(page, f"settings [{lang}]")
    page.locator("#notify_sms").check()
    page.locator("main form button[type=submit]").first.click()  # text messages without a number: the error
    found += problems(page, f"settings error [{lang}]")
    page.goto(f"/me/settings?lang={lang}")
    page.locator("form[action$='/calendar'] button[value=on]").click()
    found += problems(page, f"calendar address shown [{lang}]")
    page.goto(f"/me/consents?lang={lang}")
    found += problems(page, f"consents [{lang}]")
    page.locator("main form button[value=grant]").first.click()
    found += problems(page, f"consents after a change [{lang}]")
    assert found == []
