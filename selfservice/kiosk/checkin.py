"""Checking in: find the meeting, apply the rules, and mark the arrival for the caseworker's day list.

Why the QR code is a signed meeting id: it proves the visitor holds the citizen's signed-in phone, so no birthday
is needed; it names no person, and it is worthless on any other day.
"""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from ..extensions import db
from ..models import Meeting, utcnow
from ..rules import kiosk as rules

SALT = "kiosk-check-in"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def code_for(meeting: Meeting) -> str:
    return "CHK." + _serializer().dumps(meeting.public_id)


def meeting_for_code(code: str) -> Meeting | None:
    try:
        public_id = _serializer().loads(code.strip().removeprefix("CHK."))
    except BadSignature:
        return None
    return db.session.scalar(select(Meeting).where(Meeting.public_id == public_id))


def facts(meeting: Meeting) -> rules.MeetingFacts:
    return rules.MeetingFacts(meeting.starts_at, meeting.status, meeting.citizen.birth_date, meeting.checked_in_at)


def by_reference(reference: str, day: int, month: int) -> tuple[str, Meeting | None]:
    meeting = db.session.scalar(select(Meeting).where(Meeting.booking_ref == rules.normalise_reference(reference)))
    outcome = rules.check_in(facts(meeting) if meeting else None, day, month, utcnow())
    return outcome, meeting


def by_code(code: str) -> tuple[str, Meeting | None]:
    meeting = meeting_for_code(code)
    if meeting is None:
        return rules.UNKNOWN, None
    return rules.check_in_by_code(facts(meeting), utcnow()), meeting


def mark_arrived(meeting: Meeting) -> None:
    meeting.checked_in_at = utcnow()
    db.session.commit()


def qr_svg(meeting: Meeting) -> str:
    """The check-in code as an inline SVG (a few hundred bytes; no image request, no JavaScript)."""
    import segno

    return segno.make(code_for(meeting), error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
