"""Rules for checking in at the lobby kiosk, without Flask.

Why day and month of birth and not the full date or a CPR number: the booking reference proves the visitor has the
letter; the birthday is a second small secret that a stranger who found the letter is unlikely to know, and it is
not enough to identify anyone if the screen is overlooked. The kiosk then says only time, place and "checked in".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .meetings import MeetingStatus, to_local

EARLIEST_CHECK_IN = timedelta(hours=2)  # before the start
LATEST_CHECK_IN = timedelta(minutes=30)  # after the start

OK, ALREADY, UNKNOWN, NOT_TODAY, CANCELLED, TOO_EARLY, TOO_LATE = (
    "ok",
    "already",
    "unknown",
    "not_today",
    "cancelled",
    "too_early",
    "too_late",
)


def normalise_reference(typed: str) -> str:
    """Upper case, no spaces or dashes; the reference as printed, whatever the visitor typed around it."""
    return re.sub(r"[\s-]", "", typed or "").upper()


@dataclass(frozen=True)
class MeetingFacts:
    starts_at: datetime  # naive UTC
    status: str
    birth_date: date | None
    checked_in_at: datetime | None


def check_in(meeting: MeetingFacts | None, birth_day: int | None, birth_month: int | None, now: datetime) -> str:
    """The outcome of a check-in attempt. Unknown reference and wrong birthday give the same answer on purpose:
    the kiosk must not confirm that a reference exists to someone who does not know the birthday."""
    if meeting is None or meeting.birth_date is None:
        return UNKNOWN
    if (meeting.birth_date.day, meeting.birth_date.month) != (birth_day, birth_month):
        return UNKNOWN
    return check_in_by_code(meeting, now)


def check_in_by_code(meeting: MeetingFacts, now: datetime) -> str:
    """After the visitor has proved who they are (birthday, or the signed code on their own phone)."""
    if meeting.status == MeetingStatus.CANCELLED:
        return CANCELLED
    if to_local(meeting.starts_at).date() != to_local(now).date():
        return NOT_TODAY
    if meeting.checked_in_at is not None:
        return ALREADY
    if now < meeting.starts_at - EARLIEST_CHECK_IN:
        return TOO_EARLY
    if now > meeting.starts_at + LATEST_CHECK_IN:
        return TOO_LATE
    return OK
