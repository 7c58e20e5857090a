"""Kiosk mode as the lobby uses it: activation, a device that reaches only kiosk pages, check-in by reference or
QR code, help from staff, and a Finish that leaves nothing behind."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from selfservice.extensions import db
from selfservice.kiosk.admin import create_kiosk
from selfservice.kiosk.checkin import code_for
from selfservice.models import Conversation, Kiosk, Meeting, utcnow
from tests.helpers import citizen, csrf_token, page, sign_in_as, staff

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
    with app.app_context():
        meeting = Meeting(
            citizen_id=people["jens"],
            starts_at=utcnow() + timedelta(minutes=30),
            booking_ref="TST234",
            place="Mødelokale 2",
        )
        db.session.add(meeting)
        db.session.commit()
        return meeting.public_id


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


def test_check_in_attempts_are_limited_per_kiosk(app, people, kiosk, meeting_today):
    app.config["KIOSK_CHECK_IN_LIMIT"] = "3 per minute"
    try:
        for _ in range(3):
            assert check_in(kiosk, reference="ZZZ999").status_code == 422
        assert check_in(kiosk, reference="ZZZ999").status_code == 429
        other = app.test_client()
        activate(app, other, name="Forhal højre")
        assert check_in(other).status_code == 302
    finally:
        app.config["KIOSK_CHECK_IN_LIMIT"] = "10 per 5 minutes"


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
