"""Every page of the foundation, in every language, has no WCAG 2.0/2.1 A or AA violations (axe-core)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.i18n import LANGUAGES
from selfservice.models import Citizen
from tests.browser.conftest import signed_in_cookie
from tests.helpers import citizen, seed_people, staff

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
axe = Axe()

PUBLIC = [
    "/",
    "/login",
    "/login?error=assurance",
    "/login/code",
    "/staff/login",
    "/accessibility",
    "/privacy",
    "/contact",
    "/signed-out",
    "/signed-out?reason=timeout",
    "/no-such-page",
]


def violations(page, path, lang):
    separator = "&" if "?" in path else "?"
    page.goto(f"{path}{separator}lang={lang}")
    return check(page, f"{path} [{lang}]")


def check(page, label):
    results = axe.run(page, options=WCAG_AA)
    if results.violations_count:
        return [f"{label}: {v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]]
    return []


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page_has_no_wcag_aa_violations(app, live_server, new_context, lang):
    people = seed_people(app)
    with app.app_context():
        jens_id = db.session.scalar(select(Citizen.public_id).where(Citizen.id == people["jens"]))
    found = []

    anonymous = new_context().new_page()
    for path in PUBLIC:
        found += violations(anonymous, path, lang)
    # A form answered with errors, beside the fields and in the summary.
    anonymous.goto(f"/login/code?lang={lang}")
    anonymous.fill("#code", "WRONG")
    anonymous.fill("#birth_day", "31")
    anonymous.fill("#birth_month", "2")
    anonymous.fill("#birth_year", "1990")
    anonymous.click("main button[type=submit]")
    found += check(anonymous, f"invitation errors [{lang}]")
    # The demo identity provider's page.
    anonymous.goto(f"/login/mitid?lang={lang}")
    found += check(anonymous, f"dev-idp [{lang}]")

    caseworker = new_context()
    caseworker.add_cookies([signed_in_cookie(app, live_server, staff(people, "karen"))])
    staff_page = caseworker.new_page()
    for path in ["/staff/", f"/staff/citizens/{jens_id}", "/staff/citizens/new"]:
        found += violations(staff_page, path, lang)
    staff_page.click("main button[type=submit]")  # the empty form, answered with errors
    found += check(staff_page, f"new citizen errors [{lang}]")
    staff_page.goto(f"/staff/citizens/{jens_id}?lang={lang}")
    staff_page.click("main form button[type=submit]")
    found += check(staff_page, f"invitation code [{lang}]")

    person = new_context()
    person.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    citizen_page = person.new_page()
    for path in ["/me/", "/me/access-log"]:
        found += violations(citizen_page, path, lang)

    invited = new_context()
    invited.add_cookies([signed_in_cookie(app, live_server, citizen(people, "reza"), "invitation")])
    found += violations(invited.new_page(), "/me/", lang)

    assert found == []
