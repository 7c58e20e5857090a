"""The preparation form in a real browser at phone width: whole journeys, autosave, and axe on every step."""

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import select, update

from selfservice.extensions import db
from selfservice.i18n import LANGUAGES
from selfservice.models import FormSubmission, PreparationForm, WebSession, utcnow
from tests.browser.conftest import signed_in_cookie
from tests.helpers import citizen, seed_people, staff

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
ARABIC = "عملت طباخة في حلب"
STEP_LIMITS = {  # a field per step, and its stated limit, to show the error state
    "education": ("#entries-0-what", 200),
    "work": ("#entries-0-job", 200),
    "competences": ("#languages", 200),
    "successes": ("#story", 2000),
    "goals": ("#goal", 300),
    "resources": ("#economy-text", 1000),
}


def continue_(page):
    page.locator("button[name=action][value=continue]:not(.default-action)").click()


def sign_in_in_browser(page, subject):
    page.locator(f"button[value={subject}]").click()


def expire_sessions(app, user_key):
    with app.app_context():
        db.session.execute(
            update(WebSession).where(WebSession.user_key == user_key).values(last_seen_at=utcnow() - timedelta(hours=1))
        )
        db.session.commit()


@pytest.mark.parametrize(("subject", "name", "lang"), [("demo-jens", "jens", "da"), ("demo-amira", "amira", "ar")])
def test_the_whole_form_at_phone_width_with_a_timeout_halfway(app, new_context, subject, name, lang):
    people = seed_people(app)
    page = new_context(viewport=PHONE).new_page()
    page.goto("/login/mitid")
    sign_in_in_browser(page, subject)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator("a[href='/me/form/']").first.click()
    page.locator("main a.button-primary").click()
    expect(page).to_have_url(re.compile("/me/form/education$"))
    page.fill("#entries-0-what", "Kok" if lang == "da" else "طباخ")
    page.locator("label[for=entries-0-country-1]").click()
    continue_(page)
    page.fill("#entries-0-job", "Køkkenmedhjælper")
    page.fill("#entries-0-tasks", ARABIC)
    continue_(page)
    expect(page).to_have_url(re.compile("/me/form/competences$"))

    # The citizen puts the phone away; the server ends the idle session.
    expire_sessions(app, citizen(people, name))
    page.reload()
    expect(page).to_have_url(re.compile(r"/signed-out\?reason=timeout"))
    page.locator("main a.button-primary").click()
    page.locator("a[href='/login/mitid']").click()
    sign_in_in_browser(page, subject)
    expect(page).to_have_url(re.compile("/me/form/competences$"))  # the first unfinished step

    page.locator("label[for=checklist-0]").click()
    continue_(page)
    page.fill("#story", "Jeg fik ros for mit arbejde 👍")
    continue_(page)
    page.locator("label[for=goal_kind-2]").click()
    continue_(page)
    continue_(page)  # resources: optional, skipped
    expect(page).to_have_url(re.compile("/me/form/check$"))
    expect(page.locator("main")).to_contain_text(ARABIC)
    expect(page.locator("main")).to_contain_text("Køkkenmedhjælper")
    expect(page.locator("main")).to_contain_text("Jeg fik ros for mit arbejde 👍")
    page.locator("form[action='/me/form/submit'] button[type=submit]").click()
    expect(page).to_have_url(re.compile("/me/form/receipt$"))
    with app.app_context():
        form = db.session.scalar(select(PreparationForm).where(PreparationForm.citizen_id == people[name]))
        expect(page.locator(".receipt-reference")).to_have_text(f"{form.reference}-1")
        submission = db.session.scalar(select(FormSubmission))
        assert submission.answers["work"]["entries"][0]["tasks"] == ARABIC
        assert submission.language == lang


def test_autosave_keeps_typing_without_a_click_and_the_counter_counts(app, live_server, new_context):
    people = seed_people(app)
    context = new_context(viewport=PHONE)
    context.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    page = context.new_page()
    page.clock.install()
    page.goto("/me/form/successes?lang=en")
    page.fill("#story", "Hej 😀")
    expect(page.locator("#story-limit")).to_have_text("5 of 2000 characters used")
    with page.expect_response(re.compile("/autosave$")):
        page.clock.run_for(3500)
    expect(page.locator(".autosave-status")).to_contain_text("Saved")
    with app.app_context():
        form = db.session.scalar(select(PreparationForm))
        assert form.answers["successes"]["story"] == "Hej 😀"


def axe_problems(page, label):
    results = Axe().run(page, options=WCAG_AA)
    return [f"{label}: {v['id']} ({len(v['nodes'])})" for v in results.response["violations"]]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_step_and_its_error_state_has_no_wcag_violations(app, live_server, new_context, lang):
    people = seed_people(app)
    context = new_context(viewport=PHONE)
    context.add_cookies([signed_in_cookie(app, live_server, citizen(people, "jens"))])
    page = context.new_page()
    found = []
    page.goto(f"/me/form/?lang={lang}")
    found += axe_problems(page, f"start [{lang}]")
    for slug, (selector, limit) in STEP_LIMITS.items():
        page.goto(f"/me/form/{slug}?lang={lang}")
        found += axe_problems(page, f"{slug} [{lang}]")
        page.fill(selector, "x" * (limit + 1))
        continue_(page)
        expect(page.locator(".error-summary")).to_be_visible()
        found += axe_problems(page, f"{slug} error [{lang}]")
        page.fill(selector, "")
        continue_(page)
    page.goto(f"/me/form/check?lang={lang}")
    found += axe_problems(page, f"check [{lang}]")
    page.goto(f"/me/form/successes?lang={lang}")
    page.locator("button[name=action][value=save]").click()
    found += axe_problems(page, f"saved [{lang}]")
    page.goto(f"/me/form/check?lang={lang}")
    page.locator("form[action='/me/form/submit'] button[type=submit]").click()
    found += axe_problems(page, f"receipt [{lang}]")
    page.goto(f"/me/?lang={lang}")
    found += axe_problems(page, f"home with status [{lang}]")

    caseworker = new_context()
    caseworker.add_cookies([signed_in_cookie(app, live_server, staff(people, "karen"))])
    staff_page = caseworker.new_page()
    with app.app_context():
        reference = db.session.scalar(select(PreparationForm.reference))
    for path in ["/staff/forms", f"/staff/forms/{reference}", f"/staff/forms/{reference}/print"]:
        staff_page.goto(f"{path}?lang={lang}")
        found += axe_problems(staff_page, f"{path} [{lang}]")
    staff_page.goto(f"/staff/forms/{reference}?lang={lang}")
    staff_page.locator("form[action$='/notes'] button[type=submit]").click()  # an empty note: the error state
    found += axe_problems(staff_page, f"note error [{lang}]")
    page.goto(f"/me/form/check?lang={lang}")
    found += axe_problems(page, f"check after seen [{lang}]")
    assert found == []
