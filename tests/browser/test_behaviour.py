"""What a person notices in a real browser: sign-in without JavaScript, the timeout dialog, right-to-left layout."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import signed_in_cookie
from tests.helpers import citizen, seed_people

pytestmark = pytest.mark.browser


def test_a_citizen_signs_in_with_javascript_switched_off(app, new_context):
    seed_people(app)
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/?lang=en")
    page.get_by_role("link", name="Sign in", exact=True).first.click()
    page.get_by_role("link", name="Sign in with MitID").click()
    page.get_by_role("button", name=re.compile("Jens Nielsen")).click()
    expect(page).to_have_url(re.compile(r"/me/$"))
    expect(page.locator("h1")).to_have_text("Hello Jens Nielsen")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/signed-out"))
    expect(page.locator("h1")).to_have_text("You are signed out")
    page.goto("/me/")
    expect(page).to_have_url(re.compile(r"/login"))


def test_the_language_switcher_changes_the_language_and_remembers_it(app, page):
    page.goto("/")
    page.get_by_role("link", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.goto("/privacy")
    expect(page.locator("html")).to_have_attribute("lang", "ar")


def test_right_to_left_pages_are_mirrored(app, new_context):
    def header_positions(lang):
        page = new_context(viewport={"width": 1024, "height": 768}).new_page()
        page.goto(f"/?lang={lang}")
        name = page.locator(".site-name").bounding_box()
        user = page.locator(".site-user").bounding_box()
        return name["x"], user["x"]

    name_x, user_x = header_positions("da")
    assert name_x < user_x  # service name on the left, sign-in on the right
    name_x, user_x = header_positions("fa")
    assert name_x > user_x  # and the other way round in Farsi


def test_the_timeout_dialog_offers_to_stay_signed_in_before_the_server_ends_the_session(app, live_server, new_context):
    people = seed_people(app)
    context = new_context()
    context.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    page = context.new_page()
    page.clock.install()
    page.goto("/me/?lang=en")
    dialog = page.locator("#timeout-dialog")
    expect(dialog).to_be_hidden()
    page.clock.run_for("27:50")
    expect(dialog).to_be_hidden()
    page.clock.run_for("00:20")  # 28 minutes: two minutes before the 30-minute idle limit
    expect(dialog).to_be_visible()
    page.get_by_role("button", name="Stay signed in").click()
    expect(dialog).to_be_hidden()
    page.clock.run_for("29:00")
    expect(dialog).to_be_visible()
    page.clock.run_for("01:10")
    expect(page).to_have_url(re.compile(r"/signed-out\?reason=timeout"))
    expect(page.locator("main")).to_contain_text("saved")


def test_the_page_fits_a_320_pixel_phone_without_sideways_scrolling(app, new_context):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    for lang in ("da", "ar"):
        page.goto(f"/login/code?lang={lang}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, lang
