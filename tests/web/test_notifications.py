"""Notifications: reminders before meetings by e-mail and text message, quiet hours, retries, no duplicates."""

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from selfservice import mail
from selfservice.extensions import db
from selfservice.models import Citizen, Meeting, OutboxMessage, utcnow
from tests.conftest import is_postgres
from tests.helpers import seed_people

pytestmark = pytest.mark.db


@pytest.fixture
def jens(app):
    people = seed_people(app)
    with app.app_context():
        person = db.session.get(Citizen, people["jens"])
        person.email, person.phone, person.notify_sms = "jens@example.dk", "+45 20 30 40 50", True
        meeting = db.session.scalar(select(Meeting).where(Meeting.citizen_id == person.id))
        meeting.starts_at = utcnow() + timedelta(hours=23)
        meeting.place, meeting.bring = "Jobcenter Demokommune", "Sygesikringskort"
        db.session.commit()
    return people["jens"]


def send(app):
    return app.test_cli_runner().invoke(args=["notifications", "send"]).output


def test_a_reminder_goes_out_24_hours_before_by_email_and_text_with_what_to_bring(app, jens, smtp_server, sms_gateway):
    assert "reminders queued 2, sent 2" in send(app)
    email = smtp_server.messages[0]
    assert email["To"] == "jens@example.dk"
    assert "Sygesikringskort" in email.get_content() and "Jobcenter Demokommune" in email.get_content()
    assert sms_gateway[0]["to"] == "+45 20 30 40 50" and sms_gateway[0]["auth"] == "Bearer t0k"
    assert "Sygesikringskort" in sms_gateway[0]["text"]
    assert "reminders queued 0, sent 0" in send(app)  # running again changes nothing
    assert len(smtp_server.messages) == 1 and len(sms_gateway) == 1


def test_the_2_hour_reminder_follows_and_a_moved_meeting_gets_new_reminders(app, jens, smtp_server):
    send(app)
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.citizen_id == jens))
        meeting.starts_at = utcnow() + timedelta(minutes=90)  # moved: now 90 minutes away
        db.session.commit()
    assert "reminders queued 2" in send(app)  # the 2-hour reminder only (by e-mail and text), once
    assert "reminders queued 0" in send(app)
    assert len(smtp_server.messages) == 2


def test_nothing_is_sent_in_quiet_hours_it_waits_until_eight(app, jens, smtp_server, monkeypatch):
    monkeypatch.setitem(app.config, "QUIET_HOURS", True)
    monkeypatch.setattr(mail, "utcnow", lambda: datetime(2026, 12, 1, 21, 30))  # 22:30 in Copenhagen
    send(app)
    assert smtp_server.messages == []
    with app.app_context():
        waiting = db.session.scalar(select(OutboxMessage).where(OutboxMessage.channel == "email"))
        assert waiting.sent_at is None and waiting.not_before == datetime(2026, 12, 2, 7, 0)


def test_when_the_sms_gateway_is_down_the_message_waits_and_is_retried_with_backoff(
    app, jens, sms_gateway, monkeypatch
):
    working = app.config["SMS_GATEWAY_URL"]
    monkeypatch.setitem(app.config, "SMS_GATEWAY_URL", "http://127.0.0.1:1/send")
    assert "failed 1" in send(app)
    with app.app_context():
        waiting = db.session.scalar(select(OutboxMessage).where(OutboxMessage.channel == "sms"))
        assert waiting.sent_at is None and waiting.attempts == 1 and waiting.not_before > utcnow()
    monkeypatch.setitem(app.config, "SMS_GATEWAY_URL", working)
    assert "sent 0" in send(app)  # still backing off
    with app.app_context():
        db.session.execute(OutboxMessage.__table__.update().values(not_before=utcnow()))
        db.session.commit()
    assert "sent 1" in send(app)
    assert len(sms_gateway) == 1


@pytest.mark.skipif(not is_postgres(), reason="row locks (SKIP LOCKED) are what PostgreSQL proves")
def test_two_senders_at_once_send_each_notification_once(app, jens, smtp_server):
    with app.app_context():
        citizen = db.session.get(Citizen, jens)
        for number in range(30):
            mail.queue(citizen.email, f"Besked {number}", "Hej")
        db.session.commit()
    barrier = threading.Barrier(2)

    def sender():
        with app.app_context():
            barrier.wait()
            mail.deliver_due(limit=100)

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    subjects = [m["Subject"] for m in smtp_server.messages]
    assert sorted(subjects) == sorted(f"Besked {n}" for n in range(30))


def test_two_schedulers_at_once_queue_each_reminder_once(app, jens):
    from selfservice.notifications import schedule_reminders

    results = []
    barrier = threading.Barrier(2)

    def scheduler():
        with app.app_context():
            barrier.wait()
            try:
                results.append(schedule_reminders())
            except Exception as error:  # SQLite may refuse a concurrent writer; PostgreSQL must not
                results.append(type(error).__name__)

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with app.app_context():
        keys = db.session.scalars(select(OutboxMessage.dedupe_key)).all()
    assert sorted(keys) == sorted(set(keys)) and len(keys) == 2
    if is_postgres():
        assert sorted(results) == [0, 2]
