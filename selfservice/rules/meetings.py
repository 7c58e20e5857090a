"""Rules about meetings, without Flask: when the video link shows, what the citizen may still ask for, local time.

Times are stored as naive UTC; the jobcentre's clock is Europe/Copenhagen, including the changes to and from
summer time.
"""

from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class MeetingStatus(StrEnum):
    """A meeting's state; stored as its value, so the database and the API keep the plain words."""

    PLANNED = "planned"
    CANCELLED = "cancelled"
    HELD = "held"


class RequestStatus(StrEnum):
    OPEN = "open"
    HANDLED = "handled"


COPENHAGEN = ZoneInfo("Europe/Copenhagen")
VIDEO_LINK_BEFORE = timedelta(minutes=15)
KINDS = ["in_person", "video", "phone", "team"]
REQUEST_KINDS = ["confirm", "move", "cancel", "sick"]
# Python's calendar ends at the years 1 and 9999. A time stored at the very edge (the API once took
# 9999-12-31T23:30Z) cannot be moved to Copenhagen time or have a meeting's length added, and a page that tried
# answered 500. Kept two days inside, every conversion and every meeting's length (at most 8 hours) still fits.
EARLIEST = datetime.min + timedelta(days=2)
LATEST = datetime.max - timedelta(days=2)


def representable(moment: datetime) -> datetime:
    """The time, moved inside [EARLIEST, LATEST] if it lies at the edge; any real meeting is left as it is."""
    naive = moment.replace(tzinfo=None)
    if EARLIEST <= naive <= LATEST:
        return moment
    return min(max(naive, EARLIEST), LATEST).replace(tzinfo=moment.tzinfo)


def to_utc(local: datetime) -> datetime:
    """A wall-clock time in Copenhagen (naive) to naive UTC."""
    return representable(local).replace(tzinfo=COPENHAGEN).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def to_local(utc: datetime) -> datetime:
    """A stored (naive UTC) time on Copenhagen's clock; never fails, even for a time at the calendar's edge."""
    return representable(utc).replace(tzinfo=ZoneInfo("UTC")).astimezone(COPENHAGEN)


def video_link_visible(kind: str, starts_at: datetime, duration_minutes: int, now: datetime) -> bool:
    """From 15 minutes before the start until the end: earlier, a link only invites mistakes."""
    if kind != "video":
        return False
    starts_at = representable(starts_at)
    return starts_at - VIDEO_LINK_BEFORE <= now <= starts_at + timedelta(minutes=duration_minutes)


def is_upcoming(status: str, starts_at: datetime, duration_minutes: int, now: datetime) -> bool:
    return status == MeetingStatus.PLANNED and now <= representable(starts_at) + timedelta(minutes=duration_minutes)


def may_request(kind: str, status: str, starts_at: datetime, now: datetime) -> bool:
    """Requests about a meeting are possible while it is planned and has not started."""
    return kind in REQUEST_KINDS and status == MeetingStatus.PLANNED and now < starts_at


def may_cancel(status: str) -> bool:
    """Only a planned meeting can be cancelled; cancelling twice changes nothing (and tells no one twice)."""
    return status == MeetingStatus.PLANNED
