"""Every read and change of meetings and of the citizen's requests about them, in one place.

Why a store: the caseworker's pages, the case system's API, the citizen's pages, the assistant and the kiosk all
read or change meetings. Before, each wrote its own query and its own "set the status, write the audit entry, tell
the citizen, commit" — the API and the caseworker page cancelled a meeting in two slightly different ways. Here each
change is one function that checks the rule, writes the audit entry with the actor's purpose, queues the notice and
commits; what was queued is sent after the request (mail.init_app).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from .. import audit
from ..extensions import db
from ..models import Citizen, Meeting, MeetingRequest, utcnow
from ..notifications import notify_citizen
from ..rules import meetings as rules
from ..rules.meetings import MeetingStatus, RequestStatus

# What a caseworker or the case system may set on a meeting besides its time.
FIELDS = ("duration_minutes", "kind", "place", "address", "participants", "bring", "video_url")
DEFAULTS = {"duration_minutes": 60, "kind": "in_person"}


@dataclass(frozen=True)
class Actor:
    """Who changes a meeting decides the purpose in the citizen's access log."""

    purpose: str
    api: bool = False
    staff_id: int | None = None


def casework(staff_id: int) -> Actor:
    return Actor("casework", staff_id=staff_id)


CASE_SYSTEM = Actor("case_system", api=True)


def by_public_id(public_id: str) -> Meeting | None:
    return db.session.scalar(select(Meeting).where(Meeting.public_id == public_id))


def by_external_id(external_id: str) -> Meeting | None:
    return db.session.scalar(select(Meeting).where(Meeting.external_id == external_id))


def by_booking_ref(reference: str) -> Meeting | None:
    return db.session.scalar(select(Meeting).where(Meeting.booking_ref == reference))


def of_citizen(citizen_id: int, newest_first: bool = False, limit: int | None = None) -> list[Meeting]:
    query = select(Meeting).where(Meeting.citizen_id == citizen_id)
    query = query.order_by(Meeting.starts_at.desc() if newest_first else Meeting.starts_at)
    return list(db.session.scalars(query.limit(limit) if limit else query))


def planned_of_citizen(citizen_id: int) -> list[Meeting]:
    return list(
        db.session.scalars(
            select(Meeting)
            .where(Meeting.citizen_id == citizen_id, Meeting.status == MeetingStatus.PLANNED)
            .order_by(Meeting.starts_at)
        )
    )


def next_planned(citizen_id: int, now: datetime | None = None) -> Meeting | None:
    """The citizen's next planned meeting that has not started (home page, assistant, forms queue)."""
    return db.session.scalar(
        select(Meeting)
        .where(
            Meeting.citizen_id == citizen_id,
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at >= (now or utcnow()),
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )


def next_planned_of_team(team_id: int):
    """Each of the team's citizens' next planned meeting, as a subquery (citizen_id, next_meeting). Only the team's:
    the whole municipality's future meetings made the forms queue slow."""
    return (
        select(Meeting.citizen_id, func.min(Meeting.starts_at).label("next_meeting"))
        .join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Citizen.team_id == team_id, Meeting.starts_at >= utcnow(), Meeting.status == MeetingStatus.PLANNED)
        .group_by(Meeting.citizen_id)
        .subquery()
    )


def of_team_between(team_id: int, start: datetime, end: datetime) -> list[Meeting]:
    """The team's meetings in [start, end), earliest first, each with its citizen loaded in the same query (the
    front desk's day list and the caseworker's Today page show the name on every row)."""
    return list(
        db.session.scalars(
            select(Meeting)
            .join(Citizen, Citizen.id == Meeting.citizen_id)
            .options(contains_eager(Meeting.citizen))
            .where(Citizen.team_id == team_id, Meeting.starts_at >= start, Meeting.starts_at < end)
            .order_by(Meeting.starts_at)
        )
    )


def save(meeting: Meeting, starts_at: datetime, fields: dict, actor: Actor, plan_again: bool = True) -> Meeting:
    """Create or change a meeting, log it and tell the citizen.

    The case system's PUT says "this is the meeting now", so a cancelled meeting it sends again is planned again
    (plan_again); a caseworker's edit keeps the status the meeting has.
    """
    meeting.starts_at = rules.representable(starts_at)
    for name in FIELDS:
        if name in fields:
            setattr(meeting, name, fields[name] if fields[name] not in ("", None) else DEFAULTS.get(name))
    for name, default in DEFAULTS.items():
        setattr(meeting, name, getattr(meeting, name) or default)
    if plan_again or meeting.id is None:
        meeting.status = MeetingStatus.PLANNED
    meeting.updated_at = utcnow()
    if meeting.id is None:
        db.session.add(meeting)
    db.session.flush()
    citizen = meeting.citizen or db.session.get_one(Citizen, meeting.citizen_id)
    audit.record(citizen, audit.WRITE, "meeting", actor.purpose, api=actor.api)
    notify_citizen(citizen, "mail/meeting_changed", meeting=meeting)
    db.session.commit()
    return meeting


def cancel(meeting: Meeting, actor: Actor) -> bool:
    """Cancel a planned meeting; False (and nothing written or sent) if it was not planned."""
    if not rules.may_cancel(meeting.status):
        return False
    meeting.status, meeting.updated_at = MeetingStatus.CANCELLED, utcnow()
    audit.record(meeting.citizen, audit.WRITE, "meeting", actor.purpose, api=actor.api)
    notify_citizen(meeting.citizen, "mail/meeting_cancelled", meeting=meeting)
    db.session.commit()
    return True


def open_request(meeting: Meeting, kind: str) -> MeetingRequest | None:
    return db.session.scalar(
        select(MeetingRequest).where(
            MeetingRequest.meeting_id == meeting.id,
            MeetingRequest.kind == kind,
            MeetingRequest.status == RequestStatus.OPEN,
        )
    )


def ask(meeting: Meeting, kind: str, reason: str | None, preferred_times: str | None) -> MeetingRequest:
    """The citizen's request; pressing twice, or going back and sending again, gives the same open request."""
    existing = open_request(meeting, kind)
    if existing is None:
        existing = MeetingRequest(meeting_id=meeting.id, kind=kind, reason=reason, preferred_times=preferred_times)
        db.session.add(existing)
        db.session.commit()
    return existing


def requests_of_team(team_id: int, status: RequestStatus, newest_first: bool = False, limit: int = 200):
    """The requests about meetings of the team's citizens (the caseworkers' inbox)."""
    order = MeetingRequest.created_at.desc() if newest_first else MeetingRequest.created_at
    return list(
        db.session.scalars(
            select(MeetingRequest)
            .join(Meeting)
            .join(Citizen, Citizen.id == Meeting.citizen_id)
            .where(Citizen.team_id == team_id, MeetingRequest.status == status)
            .order_by(order)
            .limit(limit)
        )
    )


def open_requests_of_citizen(citizen_id: int) -> list[MeetingRequest]:
    """The citizen's requests no caseworker has handled yet, oldest first."""
    return list(
        db.session.scalars(
            select(MeetingRequest)
            .join(Meeting, Meeting.id == MeetingRequest.meeting_id)
            .where(Meeting.citizen_id == citizen_id, MeetingRequest.status == RequestStatus.OPEN)
            .order_by(MeetingRequest.created_at)
        )
    )


def request_by_public_id(public_id: str) -> MeetingRequest | None:
    return db.session.scalar(select(MeetingRequest).where(MeetingRequest.public_id == public_id))


def handle(request_: MeetingRequest, staff_id: int, response: str | None) -> bool:
    """A caseworker has dealt with the request; the citizen is told. Handling twice changes nothing."""
    if request_.status != RequestStatus.OPEN:
        return False
    request_.status, request_.handled_at, request_.handled_by_id = RequestStatus.HANDLED, utcnow(), staff_id
    request_.response = response or None
    audit.record(request_.meeting.citizen, audit.WRITE, "meeting", "casework")
    notify_citizen(request_.meeting.citizen, "mail/request_handled", meeting=request_.meeting)
    db.session.commit()
    return True
