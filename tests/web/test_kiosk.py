"""Kiosk mode as the lobby uses it: activation, a device that reaches only kiosk pages, check-in by reference or
QR code, help from staff, and a Finish that leaves nothing behind."""

import hashlib
import logging
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from selfservice.extensions import db
from selfservice.kiosk.admin import create_kiosk
from selfservice.meetings.checkin_code import code_for
from selfservice.models import Citizen, Conversation, Kiosk, Meeting, WebSession, utcnow
from tests.factories import add_meeting
from tests.helpers import citizen, csrf_token, page, security_events, sign_in_as, staff

pytestmark = pytest.mark.db


def activate(app, client, name="Forhal venstre") -> str:
    with app.test_request_context():
        kiosk, link = create_kiosk(name, "Ved skranken")
        public_id = kiosk.public_id
    path = urlsplit(link).path
    response = client.post(path, data={"csrf_token": csrf_token(client, path)})
    assert response.status_code == 302
    return public_id


@pytest.fixture
def kiosk(app, people):
    client = app.test_client()
    client.kiosk_id = activate(app, client)
    return client


@pytest.fixture
def meeting_today(app, people):
    starts_at = utcnow() + timedelta(minutes=30)
    return add_meeting(app, people["jens"], starts_at=starts_at, booking_ref="TST234", place="Mødelokale 2").public_id


def check_in(client, reference="TST234", day="3", month="9"):
    token = csrf_token(client, "/kiosk/check-in")
    return client.post(
        "/kiosk/check-in", data={"csrf_token": token, "reference": reference, "birth_day": day, "birth_month": month}
    )


def test_the_activation_link_binds_one_browser_once(app, people):
    first = app.test_client()
    assert first.get("/kiosk/").status_code == 404  # an ordinary browser is not a kiosk
    with app.test_request_context():
        _kiosk, link = create_kiosk("Forhal", "Ved skranken")
    path = urlsplit(link).path
    first.post(path, data={"csrf_token": csrf_token(first, path)})
    assert first.get("/kiosk/").status_code == 200
    second = app.test_client()
    assert second.get(path).status_code == 404
    assert "does not work" in page(second.get(path + "?lang=en")).h1.get_text()


def test_a_kiosk_reaches_only_kiosk_pages_the_guides_and_the_anonymous_assistant(kiosk):
    for path in ["/me/", "/login", "/staff/", "/staff/login", "/me/plan/", "/"]:
        response = kiosk.get(path)
        assert response.status_code == 302 and response.headers["Location"] == "/kiosk/", path
    for path in ["/guides", "/guides/bisidder", "/assistant", "/self-checks/moede"]:
        assert kiosk.get(path).status_code == 200, path
    assert kiosk.get("/api/v1/openapi.json").status_code == 404


def test_the_chosen_language_is_carried_through_and_never_stored_in_a_cookie(kiosk):
    response = kiosk.get("/kiosk/language/ar")
    assert "lang=ar" not in " ".join(response.headers.getlist("Set-Cookie"))
    for path in ["/kiosk/menu", "/kiosk/check-in", "/guides", "/guides/tolk", "/assistant"]:
        html = page(kiosk.get(path))
        assert (html.html["lang"], html.html["dir"]) == ("ar", "rtl"), path


def test_checking_in_by_reference_shows_time_and_place_and_tells_the_caseworker(app, people, kiosk, meeting_today):
    kiosk.get("/kiosk/language/en")
    response = check_in(kiosk, reference=" tst-234 ")
    assert response.headers["Location"] == "/kiosk/check-in/done"
    text = page(kiosk.get("/kiosk/check-in/done")).get_text(" ")
    assert "You are checked in" in text and "Mødelokale 2" in text and "Ved skranken" in text
    assert "Jens" not in text
    caseworker = app.test_client()
    sign_in_as(caseworker, app, staff(people, "karen"))
    row = page(caseworker.get("/staff/today?lang=en")).select("tbody tr")[0].get_text(" ")
    assert "Jens Nielsen" in row and "Arrived" in row


def test_a_wrong_reference_or_birthday_gets_a_calm_message_a_way_to_staff_and_keeps_what_was_typed(
    kiosk, meeting_today
):
    kiosk.get("/kiosk/language/en")
    for reference, day in [("TST234", "4"), ("ZZZ999", "3")]:
        response = check_in(kiosk, reference=reference, day=day)
        assert response.status_code == 422
        html = page(response)
        assert "We could not find a meeting with these details" in html.get_text()
        assert html.find("form", action="/kiosk/help")
        assert html.find("input", attrs={"name": "reference"})["value"] == reference
        assert html.find("form", autocomplete="off")


def test_the_qr_code_on_the_citizens_meeting_page_checks_them_in(app, people, kiosk, meeting_today):
    phone = app.test_client()
    sign_in_as(phone, app, citizen(people, "jens"))
    assert page(phone.get(f"/me/meetings/{meeting_today}")).select_one(".check-in-qr svg")
    with app.app_context():
        code = code_for(db.session.scalar(select(Meeting).where(Meeting.public_id == meeting_today)))
    token = csrf_token(kiosk, "/kiosk/check-in/scan")
    tampered = kiosk.post("/kiosk/check-in/scan", data={"csrf_token": token, "code": code[:-2] + "xx"})
    assert tampered.status_code == 422
    response = kiosk.post("/kiosk/check-in/scan", data={"csrf_token": token, "code": code})
    assert response.headers["Location"] == "/kiosk/check-in/done"
    with app.app_context():
        assert db.session.scalar(select(Meeting.checked_in_at).where(Meeting.public_id == meeting_today)) is not None


def test_check_in_attempts_are_limited_per_kiosk(app, people, kiosk, meeting_today, monkeypatch):
    monkeypatch.setitem(app.config, "KIOSK_CHECK_IN_LIMIT", "3 per minute")
    for _ in range(3):
        assert check_in(kiosk, reference="ZZZ999").status_code == 422
    assert check_in(kiosk, reference="ZZZ999").status_code == 429
    other = app.test_client()
    activate(app, other, name="Forhal højre")
    assert check_in(other).status_code == 302


def test_help_from_staff_reaches_the_front_desk_with_the_kiosk_and_the_language(app, people, kiosk):
    kiosk.get("/kiosk/language/so")
    kiosk.post("/kiosk/help", data={"csrf_token": csrf_token(kiosk, "/kiosk/menu")})
    desk = app.test_client()
    sign_in_as(desk, app, staff(people, "karen"))
    html = page(desk.get("/staff/front-desk?lang=en"))
    call = html.select_one(".front-desk-calls li").get_text(" ")
    assert "Forhal venstre" in call and "Soomaali" in call and "Somali" in call
    form = html.select_one(".front-desk-calls form")
    desk.post(form["action"], data={"csrf_token": form.find("input")["value"]})
    assert "No one is waiting" in page(desk.get("/staff/front-desk?lang=en")).get_text()


def test_finish_leaves_nothing_of_the_visit_behind(app, kiosk, meeting_today):
    kiosk.get("/kiosk/language/uk")
    check_in(kiosk)
    token = csrf_token(kiosk, "/assistant")
    kiosk.post("/assistant", data={"csrf_token": token, "message": "hvad er dagpenge"})
    response = kiosk.post("/kiosk/finish", data={"csrf_token": csrf_token(kiosk, "/kiosk/menu")})
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert response.headers["Location"] == "/kiosk/"
    assert kiosk.get("/kiosk/check-in/done").headers["Location"] == "/kiosk/"
    assert page(kiosk.get("/kiosk/menu")).html["lang"] == "da"
    assert not page(kiosk.get("/assistant")).select("li.chat-turn")
    with app.app_context():
        assert db.session.scalar(select(func.count(Conversation.id))) == 0
    assert kiosk.get("/kiosk/menu").headers["Cache-Control"] == "no-store"


def test_a_revoked_kiosk_shows_only_a_notice(app, people, kiosk):
    admin = app.test_client()
    sign_in_as(admin, app, staff(people, "anne"))
    html = page(admin.get("/staff/kiosks?lang=en"))
    form = html.find("form", action=f"/staff/kiosks/{kiosk.kiosk_id}/revoke")
    admin.post(form["action"], data={"csrf_token": form.find("input")["value"]})
    response = kiosk.get("/kiosk/")
    assert response.status_code == 403
    assert page(kiosk.get("/kiosk/?lang=en")).h1.get_text() == "This screen is not in use"
    assert kiosk.get("/kiosk/menu").headers["Location"] == "/kiosk/"
    assert kiosk.get("/guides").headers["Location"] == "/kiosk/"


def test_administrators_register_kiosks_and_see_the_link_once(app, people):
    admin = app.test_client()
    sign_in_as(admin, app, staff(people, "anne"))
    token = csrf_token(admin, "/staff/kiosks")
    html = page(
        admin.post("/staff/kiosks?lang=en", data={"csrf_token": token, "name": "Forhal", "waiting_area": "Her"})
    )
    link = html.select_one(".activation-link").get_text()
    assert "/kiosk/activate/" in link
    assert not page(admin.get("/staff/kiosks?lang=en")).select_one(".activation-link")
    caseworker = app.test_client()
    sign_in_as(caseworker, app, staff(people, "karen"))
    assert caseworker.get("/staff/kiosks").status_code == 403


def test_flask_kiosks_create_prints_an_activation_link(app):
    result = app.test_cli_runner().invoke(args=["kiosks", "create", "--name", "CLI-kiosk", "--waiting-area", "Her"])
    assert result.exit_code == 0, result.output
    assert "/kiosk/activate/" in result.output
    with app.app_context():
        assert db.session.scalar(select(Kiosk.name).where(Kiosk.name == "CLI-kiosk")) == "CLI-kiosk"


# --- December 2026 review: visits that end on the server, sessions a kiosk never keeps (F18), a key nobody knows (F17)


def test_opening_the_start_screen_ends_the_previous_visit_without_javascript(app, kiosk, meeting_today):
    kiosk.get("/kiosk/language/en")
    check_in(kiosk)
    token = csrf_token(kiosk, "/assistant")
    kiosk.post("/assistant", data={"csrf_token": token, "message": "hvad er dagpenge"})
    assert "Mødelokale 2" in page(kiosk.get("/kiosk/check-in/done")).get_text()
    kiosk.get("/kiosk/")  # the next visitor, with no Finish pressed and no idle timer run
    assert kiosk.get("/kiosk/check-in/done").headers["Location"] == "/kiosk/"
    assert page(kiosk.get("/kiosk/menu")).html["lang"] == "da"
    assert not page(kiosk.get("/assistant")).select("li.chat-turn")
    with app.app_context():
        assert db.session.scalar(select(func.count(Conversation.id))) == 0


@pytest.mark.parametrize("who", ["citizen", "staff"])
def test_activating_a_kiosk_ends_the_session_of_whoever_was_signed_in_in_that_browser(app, people, who):
    browser = app.test_client()
    user_key = citizen(people, "jens") if who == "citizen" else staff(people, "anne")
    sign_in_as(browser, app, user_key)
    with app.test_request_context():
        _kiosk, link = create_kiosk("Forhal", "Ved skranken")
    path = urlsplit(link).path
    response = browser.post(path, data={"csrf_token": csrf_token(browser, path)})
    assert response.headers["Location"] == "/kiosk/"
    with app.app_context():
        assert db.session.scalar(select(func.count(WebSession.id_hash)).where(WebSession.user_key == user_key)) == 0
    assert browser.get("/me/").headers["Location"] == "/kiosk/"
    answer = browser.post("/api/assistant", json={"message": "when is my next meeting?", "lang": "en"}).get_json()
    assert answer["kind"] == "own_case" and "sign in" in answer["text"]


def test_a_signed_in_cookie_carried_to_a_kiosk_is_ended_and_the_assistant_answers_as_to_anyone(app, people, kiosk):
    sid = sign_in_as(kiosk, app, citizen(people, "jens"))
    token = csrf_token(kiosk, "/assistant")  # the first request ends the carried-in session
    with app.app_context():
        assert db.session.get(WebSession, hashlib.sha256(sid.encode()).hexdigest()) is None
    kiosk.post("/assistant?lang=en", data={"csrf_token": token, "message": "when is my next meeting?"})
    answer = page(kiosk.get("/assistant?lang=en")).select("li.chat-turn")[-1].get_text(" ")
    assert "sign in" in answer and "Your next meeting is" not in answer
    sign_in_as(kiosk, app, citizen(people, "jens"))
    body = kiosk.post("/api/assistant", json={"message": "when is my next meeting?", "lang": "en"}).get_json()
    assert "Your next meeting is" not in body["text"]


def test_activation_and_revocation_are_security_events_that_name_only_the_kiosk(app, people, caplog):
    caplog.set_level(logging.INFO, logger="selfservice.security")
    device = app.test_client()
    kiosk_id = activate(app, device)
    admin = app.test_client()
    sign_in_as(admin, app, staff(people, "anne"))
    admin.post(f"/staff/kiosks/{kiosk_id}/revoke", data={"csrf_token": csrf_token(admin, "/staff/kiosks")})
    app.test_client().get("/kiosk/activate/not-a-link")
    events = [(e["event"], e["outcome"], e.get("target")) for e in security_events(caplog)]
    assert ("kiosk.activated", "ok", f"kiosk:{kiosk_id}") in events
    assert ("kiosk.revoked", "ok", f"kiosk:{kiosk_id}") in events
    assert ("kiosk.activated", "refused", None) in events
    revoked = next(e for e in security_events(caplog) if e["event"] == "kiosk.revoked")
    assert revoked["actor"] == staff(people, "anne")
    assert "Forhal" not in caplog.text and "Anne" not in caplog.text


def test_a_new_link_for_a_revoked_kiosk_does_not_bring_back_the_revoked_browser(app, people, kiosk):
    admin = app.test_client()
    sign_in_as(admin, app, staff(people, "anne"))
    token = csrf_token(admin, "/staff/kiosks")
    admin.post(f"/staff/kiosks/{kiosk.kiosk_id}/revoke", data={"csrf_token": token})
    html = page(admin.post(f"/staff/kiosks/{kiosk.kiosk_id}/activation?lang=en", data={"csrf_token": token}))
    assert kiosk.get("/kiosk/").status_code == 404  # the old browser is no kiosk now, revoked or active
    assert "Waiting for activation" in html.get_text()
    replacement = app.test_client()
    path = urlsplit(html.select_one(".activation-link").get_text()).path
    replacement.post(path, data={"csrf_token": csrf_token(replacement, path)})
    assert replacement.get("/kiosk/").status_code == 200


def test_a_development_instance_refuses_a_check_in_code_signed_with_the_well_known_default_key(tmp_path, monkeypatch):
    """Without SELFSERVICE_SECRET_KEY the review forged a check-in code with "dev-secret-change-me" (F17)."""
    from itsdangerous import URLSafeSerializer

    from selfservice.config import DEFAULT_SECRET, Config
    from tests.helpers import build_app

    monkeypatch.delenv("SELFSERVICE_SECRET_KEY", raising=False)
    monkeypatch.delenv("SELFSERVICE_DEMO_MODE", raising=False)
    monkeypatch.setenv("SELFSERVICE_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("SELFSERVICE_DATABASE_URL", f"sqlite:///{tmp_path / 'dev.db'}")
    dev = build_app(Config())
    assert dev.config["SECRET_KEY"] != DEFAULT_SECRET
    with dev.app_context():
        db.create_all()
        person = Citizen(name="Test Person", birth_date=date(1974, 9, 3))
        db.session.add(person)
        db.session.flush()
        meeting = Meeting(citizen_id=person.id, starts_at=utcnow() + timedelta(minutes=30), booking_ref="TST234")
        db.session.add(meeting)
        db.session.commit()
        genuine = code_for(meeting)
        forged = "CHK." + URLSafeSerializer(DEFAULT_SECRET, salt="kiosk-check-in").dumps(meeting.public_id)
    try:
        device = dev.test_client()
        activate(dev, device)
        token = csrf_token(device, "/kiosk/check-in/scan")
        refused = device.post("/kiosk/check-in/scan?lang=en", data={"csrf_token": token, "code": forged})
        assert refused.status_code == 422
        assert "could not find" in page(refused).get_text()
        taken = device.post("/kiosk/check-in/scan", data={"csrf_token": token, "code": genuine})
        assert taken.headers["Location"] == "/kiosk/check-in/done"
    finally:
        with dev.app_context():
            db.session.remove()
            db.engine.dispose()
