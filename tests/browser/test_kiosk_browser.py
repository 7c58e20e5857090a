"""The kiosk in a real browser with a fake clock: check-in, the idle warning and reset, the back button after a
reset, a revoked kiosk, the language carried through, and no WCAG 2.1 AA violations on any kiosk page."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.i18n import LANGUAGES
from selfservice.kiosk.admin import create_kiosk
from selfservice.models import Kiosk, Meeting, utcnow
from tests.browser.test_accessibility import check
from tests.helpers import seed_people

pytestmark = [pytest.mark.browser, pytest.mark.db]


@pytest.fixture
def kiosk_page(app, live_server, new_context):
    people = seed_people(app)
    with app.test_request_context():
        _kiosk, link = create_kiosk("Forhal", "Ved skranken")
        db.session.add(
            Meeting(citizen_id=people["jens"], starts_at=utcnow() + timedelta(minutes=20), booking_ref="BRW234")
        )
        db.session.commit()
    page = new_context(viewport={"width": 1080, "height": 1920}).new_page()
    page.clock.install()
    page.goto(urlsplit(link).path)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/kiosk/")
    return page


def test_checking_in_by_reference_in_the_chosen_language(kiosk_page):
    page = kiosk_page
    page.get_by_role("link", name="Polski").click()
    page.wait_for_url("**/kiosk/menu")
    assert page.locator("html").get_attribute("lang") == "pl"
    page.locator("a[href='/kiosk/check-in']").click()
    page.fill("#reference", "brw234")
    page.fill("#birth_day", "3")
    page.fill("#birth_month", "9")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/kiosk/check-in/done")
    assert page.locator("html").get_attribute("lang") == "pl"
    assert "Ved skranken" in page.locator("main").inner_text()


def test_the_idle_warning_counts_down_and_the_reset_clears_the_visit(kiosk_page):
    page = kiosk_page
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/kiosk/menu")
    page.clock.run_for("00:59")
    assert not page.locator("#kiosk-idle").is_visible()
    page.clock.run_for("00:02")
    assert page.locator("#kiosk-idle").is_visible()
    assert page.locator("#kiosk-countdown").inner_text() in ("30", "29")
    assert re.search(r"in (30|29) seconds\.$", page.locator("#kiosk-idle-text").inner_text())
    page.clock.run_for("00:28")  # the words change with the number: one sentence, with its plural forms
    assert re.search(r"in (1 second|2 seconds)\.$", page.locator("#kiosk-idle-text").inner_text())
    page.get_by_role("button", name="I'm still here").click()
    assert not page.locator("#kiosk-idle").is_visible()
    page.clock.run_for("01:31")
    page.wait_for_url("**/kiosk/")
    assert page.locator("html").get_attribute("lang") == "da"  # the next visitor starts from the beginning


def test_the_back_button_after_a_reset_shows_nothing_of_the_previous_visit(kiosk_page):
    page = kiosk_page
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/kiosk/menu")
    page.locator("a[href='/kiosk/check-in']").click()
    page.fill("#reference", "BRW234")
    page.fill("#birth_day", "3")
    page.fill("#birth_month", "9")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/kiosk/check-in/done")
    page.get_by_role("button", name="Finish").first.click()
    page.wait_for_url("**/kiosk/")
    page.go_back()
    assert "checked in" not in page.locator("main").inner_text()
    assert page.locator("#reference").count() == 0 or page.locator("#reference").input_value() == ""
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_a_revoked_kiosk_shows_only_a_notice(app, kiosk_page):
    with app.app_context():
        db.session.scalar(select(Kiosk).where(Kiosk.name == "Forhal")).revoked_at = utcnow()
        db.session.commit()
    kiosk_page.goto("/kiosk/menu")
    assert kiosk_page.url.endswith("/kiosk/")
    assert kiosk_page.locator("main a, main button, main input").count() == 0  # only the notice
    kiosk_page.goto("/guides")
    assert kiosk_page.url.endswith("/kiosk/")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_kiosk_page_has_no_wcag_aa_violations(kiosk_page, lang):
    page = kiosk_page
    found = check(page, f"/kiosk/ [{lang}]")
    page.goto(f"/kiosk/language/{lang}")
    found += check(page, f"/kiosk/menu [{lang}]")
    page.goto("/kiosk/check-in")
    found += check(page, f"/kiosk/check-in [{lang}]")
    page.locator("main form button[type=submit]").click()
    found += check(page, f"/kiosk/check-in errors [{lang}]")
    page.fill("#reference", "ZZZ999")
    page.fill("#birth_day", "1")
    page.fill("#birth_month", "1")
    page.locator("main form button[type=submit]").click()
    found += check(page, f"/kiosk/check-in unknown [{lang}]")
    page.goto("/kiosk/check-in/scan")
    found += check(page, f"/kiosk/check-in/scan [{lang}]")
    page.goto("/kiosk/check-in")
    page.fill("#reference", "BRW234")
    page.fill("#birth_day", "3")
    page.fill("#birth_month", "9")
    page.locator("main form button[type=submit]").click()
    found += check(page, f"/kiosk/check-in/done [{lang}]")
    page.goto("/kiosk/menu")
    page.locator("main form button[type=submit]").click()  # I need help from staff
    found += check(page, f"/kiosk/help [{lang}]")
    page.goto("/guides")
    found += check(page, f"/guides on a kiosk [{lang}]")
    page.goto("/assistant")
    found += check(page, f"/assistant on a kiosk [{lang}]")
    page.clock.run_for("01:01")
    found += check(page, f"idle warning [{lang}]")
    assert found == []
