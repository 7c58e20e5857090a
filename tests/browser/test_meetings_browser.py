"""Meetings in a real browser: a journey at phone width, and axe on every meeting page in every language."""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.i18n import LANGUAGES
from selfservice.models import Citizen, Meeting, utcnow
from tests.browser.conftest import signed_in_cookie
from tests.helpers import citizen, seed_people, staff

pytestmark = pytest.mark.browser
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def add_meeting(app, people, name):
    with app.app_context():
        meeting = Meeting(
            citizen_id=people[name],
            starts_at=utcnow() + timedelta(days=3),
            place="Jobcenter",
            address="Rådhustorvet 1",
            bring="Sygesikringskort",
            participants="Karen Holm",
        )
        db.session.add(meeting)
        db.session.commit()
        return meeting.public_id


@pytest.mark.parametrize(("name", "lang"), [("jens", "da"), ("amira", "ar")])
def test_ask_to_move_a_meeting_and_see_the_caseworkers_answer(app, live_server, new_context, name, lang):
    people = seed_people(app)
    public_id = add_meeting(app, people, name)
    context = new_context(viewport={"width": 360, "height": 740}, accept_downloads=True)
    context.add_cookies([signed_in_cookie(app, live_server, citizen(people, name))])
    page = context.new_page()
    page.goto(f"/me/?lang={lang}")
    if name == "jens":  # Jens has a published plan: read it first
        page.locator("a[href='/me/plan/']").click()
        expect(page.locator("main")).to_contain_text("Virksomhedspraktik som lagermedarbejder")
        page.goto(f"/me/?lang={lang}")
    page.locator("a[href='/me/meetings/']").click()
    page.locator(f"a[href='/me/meetings/{public_id}']").click()
    with page.expect_download() as download:
        page.locator(f"a[href='/me/meetings/{public_id}/calendar.ics']").click()
    assert download.value.suggested_filename.endswith(".ics")
    page.locator(f"a[href='/me/meetings/{public_id}/move']").click()
    page.fill("#reason", "Jeg skal til lægen")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile("/me/meetings/requests/"))
    receipt = page.url

    caseworker = new_context()
    caseworker.add_cookies([signed_in_cookie(app, live_server, staff(people, "karen"))])
    inbox = caseworker.new_page()
    inbox.goto("/staff/inbox")
    inbox.locator("main textarea").fill("Vi ses torsdag kl. 10 i stedet.")
    inbox.locator("main form button[type=submit]").click()

    page.goto(receipt)
    expect(page.locator("main")).to_contain_text("Vi ses torsdag kl. 10 i stedet.")


def problems(page, label):
    results = Axe().run(page, options=WCAG_AA)
    return [f"{label}: {v['id']} ({len(v['nodes'])})" for v in results.response["violations"]]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_meeting_page_has_no_wcag_violations(app, live_server, new_context, lang):
    people = seed_people(app)
    public_id = add_meeting(app, people, "jens")
    context = new_context(viewport={"width": 360, "height": 740})
    context.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    page = context.new_page()
    found = []
    for path in [
        "/me/",
        "/me/meetings/",
        f"/me/meetings/{public_id}",
        f"/me/meetings/{public_id}/confirm",
        f"/me/meetings/{public_id}/cancel",
        f"/me/meetings/{public_id}/move",
    ]:
        page.goto(f"{path}?lang={lang}")
        found += problems(page, f"{path} [{lang}]")
    with page.expect_navigation():  # axe must not run on a page that is being replaced
        page.locator("main form button[type=submit]").click()  # move without a reason: the error state
    found += problems(page, f"move error [{lang}]")
    page.fill("#reason", "x")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    found += problems(page, f"receipt [{lang}]")

    caseworker = new_context()
    caseworker.add_cookies([signed_in_cookie(app, live_server, staff(people, "karen"))])
    staff_page = caseworker.new_page()
    with app.app_context():
        jens_id = db.session.scalar(select(Citizen.public_id).where(Citizen.id == people["jens"]))
    for path in ["/staff/inbox", f"/staff/citizens/{jens_id}", f"/staff/citizens/{jens_id}/meetings/new"]:
        staff_page.goto(f"{path}?lang={lang}")
        found += problems(staff_page, f"{path} [{lang}]")
    with staff_page.expect_navigation():
        staff_page.locator("main form button[type=submit]").click()
    found += problems(staff_page, f"meeting form errors [{lang}]")
    assert found == []
