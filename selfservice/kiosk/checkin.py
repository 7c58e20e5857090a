"""Checking in: find the meeting, apply the rules, and mark the arrival for the caseworker's day list.

Why the QR code is a signed meeting id: it proves the visitor holds the citizen's signed-in phone, so no birthday
is needed; it names no person, and it is worthless on any other day.
"""

from __future__ import annotations

from ..extensions import db
from ..meetings import store as meetings
from ..meetings.checkin_code import meeting_for_code
from ..models import Meeting, utcnow
from ..rules import kiosk as rules


def facts(meeting: Meeting) -> rules.MeetingFacts:
    return rules.MeetingFacts(meeting.starts_at, meeting.status, meeting.citizen.birth_date, meeting.checked_in_at)


def by_reference(reference: str, day: int, month: int) -> tuple[str, Meeting | None]:
    meeting = meetings.by_booking_ref(rules.normalise_reference(reference))
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
