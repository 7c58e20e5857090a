"""Min Plan in a real browser: axe on every plan page in every language, and reading it at phone width."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.i18n import LANGUAGES
from selfservice.models import Citizen, PlanActivity, TeamMinutes
from tests.browser.conftest import signed_in_cookie
from tests.helpers import citizen, seed_people, staff

pytestmark = pytest.mark.browser
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def problems(page, label):
    results = Axe().run(page, options=WCAG_AA)
    return [f"{label}: {v['id']} ({len(v['nodes'])})" for v in results.response["violations"]]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_plan_page_has_no_wcag_violations(app, live_server, new_context, lang):
    people = seed_people(app)
    with app.app_context():
        jens = db.session.get(Citizen, people["jens"])
        minutes = TeamMinutes(citizen_id=jens.id, meeting_date=jens.created_at.date(), text="Referat")
        db.session.add(minutes)
        db.session.commit()
        jens_id, minutes_id = jens.public_id, minutes.public_id
        activity_id = db.session.scalar(select(PlanActivity.public_id))
    context = new_context(viewport={"width": 360, "height": 740})
    context.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    page = context.new_page()
    found = []
    for path in ["/me/plan/", "/me/plan/history", "/me/plan/print", f"/me/plan/minutes/{minutes_id}"]:
        page.goto(f"{path}?lang={lang}")
        found += problems(page, f"{path} [{lang}]")

    caseworker = new_context()
    caseworker.add_cookies([signed_in_cookie(app, live_server, staff(people, "karen"))])
    staff_page = caseworker.new_page()
    for path in [f"/staff/citizens/{jens_id}/plan", f"/staff/plan/activities/{activity_id}/edit"]:
        staff_page.goto(f"{path}?lang={lang}")
        found += problems(staff_page, f"{path} [{lang}]")
    for path in [f"/staff/citizens/{jens_id}/plan/activities/new", f"/staff/citizens/{jens_id}/minutes/new"]:
        staff_page.goto(f"{path}?lang={lang}")
        found += problems(staff_page, f"{path} [{lang}]")
        staff_page.locator("main form button[type=submit]").click()
        expect(staff_page.locator(".error-summary")).to_be_visible()
        found += problems(staff_page, f"{path} errors [{lang}]")
    assert found == []
