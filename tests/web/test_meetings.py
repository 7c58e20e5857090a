"""Meetings as the citizen and the caseworker see them: times, calendar files and requests with receipts."""

from datetime import datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select

from selfservice.extensions import db
from selfservice.models import AuditEntry, Meeting, MeetingRequest, utcnow
from selfservice.rules.meetings import to_utc
from tests.factories import add_meeting, public_id_of
from tests.helpers import citizen, csrf_token, page, sign_in_as, staff

pytestmark = pytest.mark.db


def test_the_citizen_sees_upcoming_meetings_with_everything_they_need(app, jens, people):
    meeting = add_meeting(app, people["jens"], starts_at=to_utc(datetime(2030, 3, 5, 9, 30)))
    public_id, booking = meeting.public_id, meeting.booking_ref
    listing = page(jens.get("/me/meetings/?lang=en"))
    assert listing.find("a", href=f"/me/meetings/{public_id}")
    detail = page(jens.get(f"/me/meetings/{public_id}?lang=en")).get_text(" ")
    for fact in ["09:30", "Rådhustorvet 1", "Dit sygesikringskort", booking, "bisidder", ".ics"]:
        assert fact in detail


def test_a_meeting_after_the_change_to_winter_time_shows_and_exports_the_right_local_time(app, jens, people):
    before = add_meeting(app, people["jens"], starts_at=to_utc(datetime(2030, 10, 25, 10, 0))).public_id  # summer time
    after = add_meeting(app, people["jens"], starts_at=to_utc(datetime(2030, 10, 28, 10, 0))).public_id  # winter time
    for public_id in (before, after):
        assert "10:00" in page(jens.get(f"/me/meetings/{public_id}?lang=en")).get_text()
        ics = jens.get(f"/me/meetings/{public_id}/calendar.ics")
        assert ics.mimetype == "text/calendar"
        event = next(iter(Calendar.from_ical(ics.data).walk("VEVENT")))
        start = event.decoded("dtstart")
        assert (start.hour, start.minute, str(start.tzinfo)) == (10, 0, "Europe/Copenhagen")
        assert (
            Calendar.from_ical(Calendar.from_ical(ics.data).to_ical()).to_ical()
            == Calendar.from_ical(ics.data).to_ical()
        )


def test_the_video_link_appears_only_from_15_minutes_before(app, jens, people):
    later = add_meeting(
        app,
        people["jens"],
        kind="video",
        video_url="https://video.example/room",
        starts_at=utcnow() + timedelta(hours=2),
    ).public_id
    soon = add_meeting(
        app,
        people["jens"],
        kind="video",
        video_url="https://video.example/room",
        starts_at=utcnow() + timedelta(minutes=10),
    ).public_id
    assert "https://video.example/room" not in jens.get(f"/me/meetings/{later}").get_data(as_text=True)
    assert "https://video.example/room" in jens.get(f"/me/meetings/{soon}").get_data(as_text=True)


def send_request(client, public_id, action, data):
    token = csrf_token(client, f"/me/meetings/{public_id}/{action}")
    return client.post(f"/me/meetings/{public_id}/{action}", data={"csrf_token": token, **data})


def test_reporting_sick_is_an_explicit_step_with_a_receipt_that_reaches_the_caseworker(app, jens, people):
    public_id = add_meeting(app, people["jens"]).public_id
    confirm_page = page(jens.get(f"/me/meetings/{public_id}/cancel?lang=en"))
    assert "What happens next" in confirm_page.get_text()
    response = send_request(jens, public_id, "cancel", {"kind": "sick"})
    receipt_url = response.headers["Location"]
    receipt = page(jens.get(receipt_url + "?lang=en")).get_text(" ")
    assert "You reported that you are ill" in receipt and "waiting for your caseworker" in receipt
    karen = app.test_client()
    sign_in_as(karen, app, staff(people, "karen"))
    inbox = page(karen.get("/staff/inbox?lang=en")).get_text(" ")
    assert "Jens Nielsen" in inbox and "Reports illness" in inbox


def test_sending_the_same_request_twice_makes_one(app, jens, people):
    public_id = add_meeting(app, people["jens"]).public_id
    first = send_request(jens, public_id, "move", {"reason": "Tandlæge", "preferred_times": "Fredag"})
    second = send_request(jens, public_id, "move", {"reason": "Tandlæge", "preferred_times": "Fredag"})
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context():
        assert len(db.session.scalars(select(MeetingRequest)).all()) == 1


def test_a_move_request_needs_a_reason_and_keeps_what_was_typed(app, jens, people):
    public_id = add_meeting(app, people["jens"]).public_id
    response = send_request(jens, public_id, "move", {"reason": "", "preferred_times": "Tirsdag formiddag"})
    assert response.status_code == 400
    html = page(response)
    assert html.find(id="reason-error")
    assert "Tirsdag formiddag" in html.find("textarea", id="preferred_times").get_text()


def test_the_caseworker_handles_the_request_and_the_citizen_sees_the_answer(app, jens, people):
    public_id = add_meeting(app, people["jens"]).public_id
    receipt_url = send_request(jens, public_id, "move", {"reason": "Lægetid"}).headers["Location"]
    with app.app_context():
        request_id = db.session.scalar(
            select(MeetingRequest.public_id).join(Meeting).where(Meeting.public_id == public_id)
        )
    karen = app.test_client()
    sign_in_as(karen, app, staff(people, "karen"))
    token = csrf_token(karen, "/staff/inbox")
    handled = karen.post(
        f"/staff/requests/{request_id}/handle",
        data={"csrf_token": token, f"{request_id}-response": "Vi flytter til torsdag."},
    )
    assert handled.status_code == 302
    assert handled.headers["Location"].endswith("/staff/inbox"), handled.headers["Location"]  # handled, not sent away
    receipt = page(jens.get(receipt_url + "?lang=en")).get_text(" ")
    assert "Handled by your caseworker" in receipt and "Vi flytter til torsdag." in receipt
    assert "Jens Nielsen" not in page(karen.get("/staff/inbox")).get_text()  # no longer waiting


def test_a_caseworker_plans_changes_and_cancels_a_meeting_in_danish_time(app, people):
    karen = app.test_client()
    sign_in_as(karen, app, staff(people, "karen"))
    jens_id = public_id_of(app, people["jens"])
    token = csrf_token(karen, f"/staff/citizens/{jens_id}/meetings/new")
    form = {
        "csrf_token": token,
        "date": "2030-10-28",
        "time": "10:00",
        "duration_minutes": "45",
        "kind": "video",
        "place": "",
        "address": "",
        "participants": "Karen Holm",
        "bring": "",
        "video_url": "",
    }
    assert karen.post(f"/staff/citizens/{jens_id}/meetings/new", data=form).status_code == 302
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.participants == "Karen Holm"))
        assert meeting.starts_at == datetime(2030, 10, 28, 9, 0)
        public_id = meeting.public_id
    bad = karen.post(f"/meetings/{public_id}/edit")
    assert bad.status_code == 404
    bad_time = karen.post(f"/staff/meetings/{public_id}/edit", data=form | {"time": "25:00"})
    assert bad_time.status_code == 400
    assert karen.post(f"/staff/meetings/{public_id}/cancel", data={"csrf_token": token}).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Meeting.status).where(Meeting.public_id == public_id)) == "cancelled"
        entries = db.session.scalars(select(AuditEntry).where(AuditEntry.object == "meeting")).all()
        # Planned and cancelled are writes; the form shown again with the wrong time is a read.
        assert sorted(entry.action for entry in entries) == ["read", "write", "write"]


def test_nobody_else_reaches_a_citizens_meetings(app, people):
    public_id = add_meeting(app, people["jens"]).public_id
    amira = app.test_client()
    sign_in_as(amira, app, citizen(people, "amira"))
    assert amira.get(f"/me/meetings/{public_id}").status_code == 404
    assert amira.get(f"/me/meetings/{public_id}/calendar.ics").status_code == 404
    assert amira.get(f"/me/meetings/{public_id}/cancel").status_code == 404
    peter = app.test_client()
    sign_in_as(peter, app, staff(people, "peter"))
    assert peter.get(f"/staff/meetings/{public_id}/edit").status_code == 404
    invited = app.test_client()
    sign_in_as(invited, app, citizen(people, "jens"), method="invitation")
    assert invited.get(f"/me/meetings/{public_id}").status_code == 403


def test_a_meeting_stored_at_the_end_of_the_calendar_breaks_no_page(app, jens, people):
    """A row stored before the API refused such dates (December 2026 review, F11): every page that shows the
    meeting still answers, for the citizen, the caseworker and the calendar apps."""
    public_id = add_meeting(
        app, people["jens"], starts_at=datetime(9999, 12, 31, 23, 30), kind="video", video_url="https://video.example/r"
    ).public_id
    token = csrf_token(jens, "/me/settings")
    shown = page(jens.post("/me/settings/calendar", data={"csrf_token": token, "action": "on"}))
    feed = "/me/calendar/" + shown.select_one(".feed-url").get_text(strip=True).split("/me/calendar/")[1]
    caseworker = app.test_client()
    sign_in_as(caseworker, app, staff(people, "karen"))
    jens_id = public_id_of(app, people["jens"])
    for client, path in [
        (jens, "/me/"),
        (jens, "/me/meetings/"),
        (jens, f"/me/meetings/{public_id}"),
        (jens, f"/me/meetings/{public_id}/calendar.ics"),
        (app.test_client(), feed),
        (caseworker, f"/staff/citizens/{jens_id}"),
        (caseworker, f"/staff/meetings/{public_id}/edit"),
        (caseworker, "/staff/today"),
        (caseworker, "/staff/inbox"),
    ]:
        assert client.get(path).status_code == 200, path
    assert jens.get(f"/me/meetings/{public_id}/move").status_code in (200, 302)
