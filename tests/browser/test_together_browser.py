"""Filling in together in a real browser: the citizen shows a code on their phone (here in Arabic, 360 px wide),
the caseworker types it and presses Enter, and the page on resources and barriers stays closed without consent.
axe checks every new page in the citizen's and the caseworker's state."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import Citizen
from tests.browser.conftest import signed_in_cookie
from tests.helpers import citizen, seed_people, staff

pytestmark = pytest.mark.browser
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PRIVATE = "ديون كثيرة لا أريد مشاركتها"


def axe_problems(page, label):
    results = Axe().run(page, options=WCAG_AA)
    return [f"{label}: {v['id']} ({len(v['nodes'])})" for v in results.response["violations"]]


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")


@pytest.mark.parametrize("lang", ["ar", "da"])
def test_the_citizen_shows_a_code_and_the_caseworker_opens_the_form_with_the_keyboard(
    app, live_server, new_context, lang
):
    people = seed_people(app)
    with app.app_context():
        reza_id = db.session.scalar(select(Citizen.public_id).where(Citizen.id == people["reza"]))
    found = []
    phone = new_context()
    phone.add_cookies([signed_in_cookie(app, live_server, citizen(people, "reza"), "invitation")])
    reza = phone.new_page()
    reza.goto(f"/me/form/resources?lang={lang}")
    reza.locator("#economy-answer-1").check()
    reza.fill("#economy-text", PRIVATE)
    reza.locator("button[name=action][value=continue]:not(.default-action)").click()  # the box to share is not ticked

    reza.goto(f"/me/form/?lang={lang}")
    reza.locator("a[href='/me/form/together']").click()
    found += axe_problems(reza, f"share intro [{lang}]")
    reza.locator("button[value=code]").click()
    code = re.sub(r"\D", "", reza.locator(".together-code").inner_text())
    assert len(code) == 6
    assert not scrolls_sideways(reza)
    found += axe_problems(reza, f"share code [{lang}]")

    desk = new_context(viewport={"width": 1280, "height": 800})
    desk.add_cookies([signed_in_cookie(app, live_server, staff(people, "karen"))])
    karen = desk.new_page()
    karen.goto(f"/staff/citizens/{reza_id}/form/?lang={lang}")
    found += axe_problems(karen, f"together start [{lang}]")
    karen.fill("#code", "12")
    karen.press("#code", "Enter")  # the Enter key submits the code, as a phone's Go key would
    expect(karen.locator(".error-summary")).to_be_visible()
    expect(karen.locator("#code")).to_have_value("12")
    found += axe_problems(karen, f"together code error [{lang}]")
    karen.fill("#code", f"{code[:3]} {code[3:]}")  # typed as it is shown, with the space
    karen.press("#code", "Enter")
    expect(karen).to_have_url(re.compile(r"/form/(education|check)"))

    karen.goto(f"/staff/citizens/{reza_id}/form/resources?lang={lang}")
    assert PRIVATE not in karen.content()
    expect(karen.locator("main form")).to_have_count(0)  # nothing to type in: the page stays the citizen's
    found += axe_problems(karen, f"together hidden resources [{lang}]")
    karen.goto(f"/staff/citizens/{reza_id}/form/check?lang={lang}")
    assert PRIVATE not in karen.content()

    reza.goto(f"/me/form/together?lang={lang}")
    found += axe_problems(reza, f"share open [{lang}]")
    reza.locator("button[value=stop]").click()
    expect(reza.locator(".alert-success")).to_be_visible()
    karen.goto(f"/staff/citizens/{reza_id}/form/check?lang={lang}")
    expect(karen).to_have_url(re.compile(r"/form/\?closed=1"))
    assert found == []
