"""Karen Holm's morning at 1280 px (issue 18): Today, a meeting request, a sent form, a message, a team meeting from
agenda to minutes; then Amira reads the minutes in Arabic at 360 px. axe on every staff page on the way."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import Citizen, Message, PreparationForm, utcnow
from tests.browser.conftest import signed_in_cookie
from tests.factories import make_meeting, make_meeting_request, make_sent_form
from tests.helpers import citizen, seed_people, staff

pytestmark = pytest.mark.browser
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def problems(page, label):
    results = Axe().run(page, options=WCAG_AA)
    return [f"{label}: {v['id']} ({len(v['nodes'])})" for v in results.response["violations"]]


def test_karens_morning_and_the_minutes_amira_reads_in_arabic(app, live_server, new_context):
    people = seed_people(app)
    with app.app_context():
        jens = db.session.get(Citizen, people["jens"])
        amira = db.session.get(Citizen, people["amira"])
        make_meeting_request(make_meeting(jens, starts_at=utcnow() + timedelta(days=3)), kind="move")
        make_sent_form(amira, language="ar")
        db.session.add(Message(citizen_id=jens.id, from_citizen=True, body="Kan jeg få en tolk?"))
        db.session.commit()
    found = []
    karen = new_context(viewport={"width": 1280, "height": 900}, locale="da-DK").new_page()
    karen.context.add_cookies([signed_in_cookie(app, live_server, staff(people, "karen"), method="password")])

    karen.goto("/staff/")
    expect(karen.locator("h1")).to_have_text("I dag")
    expect(karen.locator("nav.staff-nav a[aria-current=page]")).to_have_text("I dag")
    found += problems(karen, "today")

    # A meeting request: from Today to the inbox, answered and handled.
    karen.locator("#today-requests").locator("xpath=..").get_by_role("link", name="Åbn indbakken").click()
    found += problems(karen, "inbox")
    karen.locator("main textarea").first.fill("Vi flytter mødet til torsdag kl. 10.")
    karen.get_by_role("button", name="Markér som behandlet").first.click()
    expect(karen.get_by_role("button", name="Markér som behandlet")).to_have_count(0)

    # A sent form: opening it marks it seen for the citizen.
    karen.goto("/staff/")
    karen.locator("#today-forms").locator("xpath=..").get_by_role("link", name="Amira Hassan").click()
    found += problems(karen, "form")
    with app.app_context():
        status = db.session.scalar(select(PreparationForm.status).where(PreparationForm.citizen_id == people["amira"]))
    assert status == "seen"

    # A message waiting for a reply.
    karen.goto("/staff/")
    karen.locator("#today-messages").locator("xpath=..").get_by_role("link", name="Jens Nielsen").click()
    found += problems(karen, "messages")
    karen.locator("main textarea").fill("Ja, vi bestiller en tolk.")
    karen.get_by_role("button", name="Send").click()
    expect(karen.locator("main")).to_contain_text("Ja, vi bestiller en tolk.")

    # The team list, Amira at a glance, and a team meeting from agenda to minutes.
    karen.get_by_role("link", name="Borgere", exact=True).click()
    found += problems(karen, "team list")
    karen.get_by_label("Søg på navn eller referencenummer").fill("Amira")
    karen.get_by_label("Søg på navn eller referencenummer").press("Enter")
    expect(karen.locator("tbody tr")).to_have_count(1)
    assert "Amira" not in karen.url
    karen.locator("tbody").get_by_role("link", name="Amira Hassan").click()
    found += problems(karen, "glance")
    karen.get_by_role("link", name="Forbered et teammøde").click()
    found += problems(karen, "new team meeting")
    karen.get_by_role("button", name="Planlæg teammødet").click()
    expect(karen.locator(".error-summary")).to_be_visible()
    found += problems(karen, "new team meeting errors")
    day = (utcnow() + timedelta(days=7)).date().isoformat()
    karen.get_by_label("Dato").fill(day)
    karen.get_by_label("Klokkeslæt (dansk tid)").fill("13:00")
    karen.get_by_label("Sundhedsafdelingen").check()
    karen.get_by_role("button", name="Planlæg teammødet").click()
    expect(karen.locator("h1")).to_contain_text("Amira Hassan")
    found += problems(karen, "agenda")
    karen.get_by_label("Teamets anbefaling").fill("Virksomhedspraktik i en butik, 15 timer om ugen")
    karen.locator("input[name=mentor][value=recommended]").check()
    karen.get_by_label("Hvad sker der nu").fill("Karen finder en praktikplads inden 1. februar.")
    with karen.expect_navigation():
        karen.get_by_role("button", name="Gem teamets beslutning").click()
    found += problems(karen, "agenda recorded")
    karen.get_by_role("button", name="Offentliggør referatet for borgeren").click()
    expect(karen.locator("#minutes").locator("xpath=following-sibling::*[1]")).to_contain_text("Offentliggjort")

    # Amira reads the minutes on her phone, in Arabic.
    phone = new_context(viewport={"width": 360, "height": 740}).new_page()
    phone.context.add_cookies([signed_in_cookie(app, live_server, citizen(people, "amira"))])
    phone.goto("/me/plan/?lang=ar")
    phone.locator("main a[href^='/me/plan/minutes/']").first.click()
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator("main")).to_contain_text("Virksomhedspraktik i en butik")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    found += problems(phone, "minutes in Arabic")
    assert found == []
