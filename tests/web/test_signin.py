"""The full sign-in flows over HTTP against the built-in OpenID Connect provider: no mocked client.

The provider is the same code a demo uses; it runs in the app under test, served on loopback.
"""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from bs4 import BeautifulSoup
from sqlalchemy import select

from selfservice.demo import DEMO_CODE, DEMO_STAFF_PASSWORD
from selfservice.extensions import db, limiter
from selfservice.models import Citizen, StaffUser, WebSession
from tests.helpers import security_events, seed_people
from tests.second_factor import complete_second_factor, password_sign_in

pytestmark = pytest.mark.db


def page(response):
    return BeautifulSoup(response.text, "html.parser")


def form_fields(response):
    form = page(response).find("form", method="post")
    return {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("name")}


def choose_person(browser, response, subject, level="substantial"):
    """What a person does on the provider's page: pick who they are (and, here, the level of assurance)."""
    assert "/dev-idp/authorize" in response.url
    data = form_fields(response) | {"subject": subject, "level": level}
    return browser.post(response.url.split("?")[0], data=data)


@pytest.fixture
def browser(live_server, app):
    seed_people(app)
    with requests.Session() as session:
        yield session


def test_a_citizen_signs_in_with_mitid_and_lands_on_their_own_page(live_server, browser, app):
    start = browser.get(live_server + "/login/mitid")
    query = parse_qs(urlsplit(start.url).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0]
    assert query["state"][0] and query["nonce"][0]
    assert query["acr_values"] == ["https://data.gov.dk/concept/core/nsis/loa/Substantial"]
    done = choose_person(browser, start, "demo-jens")
    assert done.url == live_server + "/me/"
    assert page(done).h1.get_text(strip=True).endswith("Jens Nielsen")


def test_a_sign_in_below_the_required_level_of_assurance_is_refused(live_server, browser):
    done = choose_person(browser, browser.get(live_server + "/login/mitid"), "demo-jens", level="low")
    assert urlsplit(done.url).path == "/login"
    assert parse_qs(urlsplit(done.url).query)["error"] == ["assurance"]
    assert browser.get(live_server + "/me/", allow_redirects=False).status_code == 302


def test_a_forged_state_is_refused(live_server, browser):
    start = browser.get(live_server + "/login/mitid")
    data = form_fields(start) | {"subject": "demo-jens", "level": "substantial", "state": "forged"}
    done = browser.post(start.url.split("?")[0], data=data)
    assert parse_qs(urlsplit(done.url).query)["error"] == ["failed"]


def test_a_code_cannot_be_used_without_the_pkce_verifier(live_server, browser, app):
    start = browser.get(live_server + "/login/mitid")
    data = form_fields(start) | {"subject": "demo-jens", "level": "substantial"}
    callback = browser.post(start.url.split("?")[0], data=data, allow_redirects=False)
    code = parse_qs(urlsplit(callback.headers["Location"]).query)["code"][0]
    stolen = requests.post(
        live_server + "/dev-idp/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": live_server + "/login/callback",
            "client_id": app.config["OIDC_CITIZEN_CLIENT_ID"],
            "client_secret": app.config["OIDC_CITIZEN_CLIENT_SECRET"],
            "code_verifier": "not-the-verifier",
        },
        timeout=10,
    )
    assert stolen.status_code == 400


def test_a_citizen_unknown_to_the_jobcentre_gets_a_record_identified_by_issuer_and_subject(live_server, browser, app):
    done = choose_person(browser, browser.get(live_server + "/login/mitid?lang=en"), "demo-new")
    assert "not connected you to a team" in done.text
    with app.app_context():
        sofie = db.session.scalar(select(Citizen).where(Citizen.oidc_subject == "demo-new"))
        assert sofie.oidc_issuer == live_server + "/dev-idp"
        assert sofie.team_id is None


def test_sign_in_gives_a_new_session_id(live_server, browser, app):
    browser.get(live_server + "/login")  # an anonymous session exists (it holds where to go after sign-in)
    before = browser.cookies.get(app.config["SESSION_COOKIE_NAME"])
    assert before
    choose_person(browser, browser.get(live_server + "/login/mitid"), "demo-jens")
    after = browser.cookies.get(app.config["SESSION_COOKIE_NAME"])
    assert after and after != before
    with app.app_context():
        assert db.session.scalar(select(WebSession).where(WebSession.user_key.like("citizen:%"))) is not None


def test_after_sign_in_the_citizen_returns_to_the_page_they_asked_for_but_never_offsite(live_server, browser):
    browser.get(live_server + "/login?next=/me/access-log")
    done = choose_person(browser, browser.get(live_server + "/login/mitid"), "demo-jens")
    assert done.url == live_server + "/me/access-log"
    browser.cookies.clear()
    browser.get(live_server + "/login?next=//evil.example/")
    done = choose_person(browser, browser.get(live_server + "/login/mitid"), "demo-jens")
    assert done.url == live_server + "/me/"


def test_the_citizens_saved_language_is_used_after_sign_in(live_server, browser):
    done = choose_person(browser, browser.get(live_server + "/login/mitid"), "demo-amira")
    assert page(done).find("html")["lang"] == "ar"
    assert page(done).find("html")["dir"] == "rtl"


def test_staff_sign_in_with_the_municipality_provider(live_server, browser):
    done = choose_person(browser, browser.get(live_server + "/staff/login/sso"), "demo-karen")
    assert done.url == live_server + "/staff/"
    assert page(done).h1.get_text(strip=True) == "I dag"  # Today, the staff start page


def test_the_provider_offers_citizens_to_the_citizen_client_and_staff_to_the_staff_client(live_server, browser):
    citizens = page(browser.get(live_server + "/login/mitid"))
    staff = page(browser.get(live_server + "/staff/login/sso"))
    assert citizens.find("button", value="demo-jens") and not citizens.find("button", value="demo-karen")
    assert staff.find("button", value="demo-karen") and not staff.find("button", value="demo-jens")


def test_a_staff_identity_without_an_account_is_refused(live_server, browser, app):
    with app.app_context():
        karen = db.session.scalar(select(StaffUser).where(StaffUser.oidc_subject == "demo-karen"))
        karen.oidc_subject = "someone-else"
        db.session.commit()
    done = choose_person(browser, browser.get(live_server + "/staff/login/sso"), "demo-karen")
    assert done.status_code == 403
    assert browser.get(live_server + "/staff/", allow_redirects=False).status_code == 302


def local_login(browser, live_server, email, password):
    form = browser.get(live_server + "/staff/login")
    return browser.post(live_server + "/staff/login", data=form_fields(form) | {"email": email, "password": password})


def test_a_local_staff_account_signs_in_with_its_password_and_then_sets_up_an_authenticator_app(
    live_server, browser, app
):
    after_password = local_login(browser, live_server, "karen.holm@demokommune.dk", DEMO_STAFF_PASSWORD)
    assert after_password.url == live_server + "/staff/login/set-up"
    assert browser.get(live_server + "/staff/", allow_redirects=False).status_code == 302  # not signed in yet
    done = complete_second_factor(browser, live_server, app, "karen.holm@demokommune.dk", after_password)
    assert done.url == live_server + "/staff/"


def test_a_local_staff_account_locks_after_ten_wrong_passwords(live_server, browser, app):
    limiter.enabled = False  # this test is about the lockout, not the rate limit
    try:
        for _ in range(10):
            wrong = local_login(browser, live_server, "peter.lund@demokommune.dk", "wrong password")
            assert wrong.status_code == 400
        locked = local_login(browser, live_server, "peter.lund@demokommune.dk", DEMO_STAFF_PASSWORD)
    finally:
        limiter.enabled = True
    assert locked.status_code == 400
    assert locked.url == live_server + "/staff/login"
    with app.app_context():
        assert db.session.scalar(select(StaffUser).where(StaffUser.email == "peter.lund@demokommune.dk")).locked_at


def code_login(browser, live_server, code, day, month, year):
    form = browser.get(live_server + "/login/code?lang=en")
    data = form_fields(form) | {"code": code, "birth_day": day, "birth_month": month, "birth_year": year}
    return browser.post(live_server + "/login/code?" + urlencode({"lang": "en"}), data=data)


def test_a_citizen_without_mitid_signs_in_with_code_and_date_of_birth(live_server, browser):
    done = code_login(browser, live_server, DEMO_CODE.lower().replace("-", " "), 14, 2, 1995)
    assert done.url == live_server + "/me/"
    assert "signed in with a code" in done.text
    assert browser.get(live_server + "/me/access-log", allow_redirects=False).status_code == 403


def test_a_wrong_date_of_birth_is_refused_without_saying_which_part_was_wrong_and_keeps_the_code(live_server, browser):
    done = code_login(browser, live_server, DEMO_CODE, 15, 2, 1995)
    assert done.status_code == 400
    assert "do not match" in done.text
    assert page(done).find("input", attrs={"name": "code"})["value"] == DEMO_CODE


def test_a_date_that_is_not_a_date_is_answered_beside_the_field(live_server, browser):
    done = code_login(browser, live_server, DEMO_CODE, 31, 2, 1995)
    assert done.status_code == 400
    error = page(done).find(id="birth_day-error")
    assert error and "date of birth" in error.get_text()
    assert page(done).select_one(".error-summary a[href='#birth_day']")


def test_an_expired_code_does_not_work(live_server, browser, app):
    from selfservice.models import Invitation, utcnow

    with app.app_context():
        for invitation in db.session.scalars(select(Invitation)):
            invitation.expires_at = utcnow()
        db.session.commit()
    refused = code_login(browser, live_server, DEMO_CODE, 14, 2, 1995)
    assert refused.status_code == 400
    assert "do not match" in refused.text


def test_a_caseworker_issues_a_code_that_works_once_shown_and_replaces_the_old_one(live_server, browser, app):
    password_sign_in(browser, live_server, app, "karen.holm@demokommune.dk", DEMO_STAFF_PASSWORD)
    with app.app_context():
        reza = db.session.scalar(select(Citizen).where(Citizen.name == "Reza Ahmadi"))
        reza_id = reza.public_id
    record = browser.get(live_server + f"/staff/citizens/{reza_id}")
    issued = browser.post(live_server + f"/staff/citizens/{reza_id}/invitation", data=form_fields(record))
    code = page(issued).find(class_="invitation-code").get_text(strip=True)
    assert code != DEMO_CODE and len(code) == 14
    with app.app_context():
        from selfservice.models import Invitation

        stored = [i.code_hash for i in db.session.scalars(select(Invitation))]
        assert code not in " ".join(stored)  # only a hash is kept
    with requests.Session() as citizen_browser:
        assert code_login(citizen_browser, live_server, DEMO_CODE, 14, 2, 1995).status_code == 400
        assert code_login(citizen_browser, live_server, code, 14, 2, 1995).url == live_server + "/me/"


# F13: a line break in ?next= must not break the redirect after sign-in.


def test_a_line_break_in_next_is_ignored_after_a_citizen_signs_in(live_server, browser):
    browser.get(live_server + "/login?next=/%0D%0AX-Injected:%201")
    done = choose_person(browser, browser.get(live_server + "/login/mitid"), "demo-jens")
    assert done.status_code == 200
    assert done.url == live_server + "/me/"
    assert "X-Injected" not in done.headers


def test_a_line_break_in_next_is_ignored_after_staff_sign_in_with_the_municipality(live_server, browser):
    browser.get(live_server + "/staff/login?next=/staff/%0D%0AX-Injected:%201")
    done = choose_person(browser, browser.get(live_server + "/staff/login/sso"), "demo-karen")
    assert done.status_code == 200
    assert done.url == live_server + "/staff/"


# F16: the demo provider sends codes only to the registered callback URLs.


def authorize_params(browser, live_server, path="/login/mitid"):
    start = browser.get(live_server + path, allow_redirects=False)
    return start.headers["Location"].split("?")[0], {
        k: v[0] for k, v in parse_qs(urlsplit(start.headers["Location"]).query).items()
    }


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "{base}@evil.example/cb",
        "{base}.evil.example/cb",
        "{base}/login/callback/../../elsewhere",
        "{base}/login/callbackx",
        "{base}/staff/login/callback",  # the other client's callback
        "http://127.0.0.1:notaport/login/callback",
    ],
)
def test_the_demo_provider_refuses_any_redirect_uri_but_the_registered_one(live_server, browser, redirect_uri):
    authorize, params = authorize_params(browser, live_server)
    params["redirect_uri"] = redirect_uri.format(base=live_server)
    assert browser.get(authorize, params=params, allow_redirects=False).status_code == 400
    token = form_fields(browser.get(live_server + "/login/code"))["csrf_token"]
    chosen = browser.post(authorize, data=params | {"csrf_token": token, "subject": "demo-jens"}, allow_redirects=False)
    assert chosen.status_code == 400
    assert "evil.example" not in chosen.headers.get("Location", "")


def test_the_demo_provider_still_answers_the_registered_callback(live_server, browser):
    authorize, params = authorize_params(browser, live_server)
    assert params["redirect_uri"] == live_server + "/login/callback"
    assert browser.get(authorize, params=params).status_code == 200


# Security events (F5) for the citizens' ways in.


def test_sign_ins_and_failures_are_logged_without_codes_or_dates_of_birth(live_server, browser, app, caplog):
    choose_person(browser, browser.get(live_server + "/login/mitid"), "demo-jens")
    with requests.Session() as other:
        code_login(other, live_server, DEMO_CODE, 15, 2, 1995)
        code_login(other, live_server, "AAAA-BBBB-CCCC", 14, 2, 1995)
        code_login(other, live_server, DEMO_CODE, 14, 2, 1995)
    events = [(e["event"], e["outcome"], e["way"]) for e in security_events(caplog) if e["event"].startswith("signin")]
    assert events == [
        ("signin.success", "ok", "mitid"),
        ("signin.failure", "wrong_birth_date", "invitation"),
        ("signin.failure", "wrong_code", "invitation"),
        ("signin.success", "ok", "invitation"),
    ]
    logged = caplog.text
    assert DEMO_CODE not in logged and "1995" not in logged and "Reza" not in logged and "Jens" not in logged


def test_the_wrong_date_that_locks_a_code_is_logged_once(live_server, browser, app, caplog):
    limiter.enabled = False
    try:
        for _ in range(7):
            code_login(browser, live_server, DEMO_CODE, 15, 2, 1995)
    finally:
        limiter.enabled = True
    events = security_events(caplog)
    assert [e["attempts"] for e in events if e["event"] == "invitation.locked"] == [5]
    assert [e["outcome"] for e in events if e["event"] == "signin.failure"][-2:] == ["code_unusable", "code_unusable"]
