"""What a citizen is told, and how: by e-mail and/or text message as they chose in their settings, in their
language, never carrying health or social details, and never the text of a message."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from . import mail
from .extensions import db
from .models import Citizen, Meeting, OutboxMessage, utcnow
from .rules import notifications as timing
from .rules.meetings import MeetingStatus


def channels_for(citizen: Citizen) -> list[tuple[str, str]]:
    found = []
    if citizen.notify_email and citizen.email:
        found.append(("email", citizen.email))
    if citizen.notify_sms and citizen.phone:
        found.append(("sms", citizen.phone))
    return found


def notify_citizen(citizen: Citizen, template: str, dedupe: str | None = None, **context) -> int:
    """Queue the notice on each channel the citizen chose; returns how many were queued."""
    queued = 0
    for channel, address in channels_for(citizen):
        subject, body = mail.render(template, citizen.language or "da", channel, citizen=citizen, **context)
        key = f"{dedupe}:{channel}" if dedupe else None
        if key and db.session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)):
            continue
        fields = {"channel": channel, "quiet": True, "dedupe_key": key}
        if key:
            # Two schedulers may race to the same reminder: the unique key lets exactly one insert win.
            try:
                with db.session.begin_nested():
                    mail.queue(address, subject, body, **fields)
            except IntegrityError:
                continue
        else:
            mail.queue(address, subject, body, **fields)
        queued += 1
    return queued


def schedule_reminders() -> int:
    """Reminders 24 and 2 hours before every planned meeting; safe to run as often as you like."""
    now = utcnow()
    meetings = db.session.scalars(
        select(Meeting).where(
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at > now,
            Meeting.starts_at <= now + timedelta(hours=24),
        )
    ).all()
    queued = 0
    for meeting in meetings:
        for key in timing.reminders_due(meeting.starts_at, now):
            dedupe = f"{key}:{meeting.public_id}:{meeting.starts_at.isoformat()}"
            queued += notify_citizen(meeting.citizen, "mail/meeting_reminder", dedupe=dedupe, meeting=meeting)
    db.session.commit()
    return queued
