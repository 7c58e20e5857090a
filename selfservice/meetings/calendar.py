"""The meeting as an iCalendar file (RFC 5545, built with `icalendar`), in Copenhagen time with its time zone,
so phone calendars show the right hour across the change to and from summer time."""

from datetime import UTC, timedelta

from flask import current_app
from flask_babel import gettext as _
from icalendar import Calendar, Event

from ..models import Meeting
from ..rules.meetings import MeetingStatus, to_local


def meeting_calendar(meeting: Meeting) -> bytes:
    return meetings_calendar([meeting])


def meetings_calendar(meetings: list[Meeting]) -> bytes:
    """One file for one meeting (download) or all of a citizen's meetings (the private feed)."""
    calendar = Calendar()
    calendar.add("prodid", "-//selfservice//jobcentre meetings//DA")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def meeting_event(meeting: Meeting) -> Event:
    start = to_local(meeting.starts_at)
    event = Event()
    event.add("uid", f"{meeting.public_id}@selfservice")
    event.add("dtstamp", meeting.updated_at.replace(tzinfo=UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=meeting.duration_minutes))
    event.add("summary", _("Meeting with %(jobcentre)s", jobcentre=current_app.config["JOBCENTRE_NAME"]))
    if meeting.place or meeting.address:
        event.add("location", ", ".join(part for part in (meeting.place, meeting.address) if part))
    lines = [_("Booking reference: %(reference)s", reference=meeting.booking_ref)]
    if meeting.bring:
        lines.append(_("Bring: %(things)s", things=meeting.bring))
    event.add("description", "\n".join(lines))
    if meeting.status == MeetingStatus.CANCELLED:
        event.add("status", "CANCELLED")
    return event
