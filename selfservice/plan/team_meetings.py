"""Team meetings (*tværfagligt team*): schedule one, keep its agenda notes, record the outcome, publish minutes.

Why in the plan feature: the minutes the team publishes are the citizen's `TeamMinutes`, shown with their plan.
The meeting itself is an ordinary Meeting of kind "team" (through the meetings store, so the citizen sees it in
their meetings, gets the notice and can report illness or ask to move it like any other meeting).
"""

from datetime import datetime

from sqlalchemy import select

from .. import audit
from ..extensions import db
from ..meetings import store as meeting_store
from ..models import Citizen, Meeting, StaffUser, TeamMeeting, TeamMinutes, utcnow
from ..notifications import notify_citizen
from ..rules import team_meeting as rules
from ..rules.meetings import MeetingStatus, to_local

OBJECT = "team_meeting"
PURPOSE = "team_meeting"


def schedule(
    citizen: Citizen, starts_at: datetime, departments: list[str], place: str | None, participants: str, staff_id: int
) -> TeamMeeting:
    """A team meeting and the citizen's Meeting for it, written together (the meetings store commits both)."""
    team_meeting = TeamMeeting(
        citizen=citizen, departments=rules.valid_departments(departments), created_by_id=staff_id
    )
    meeting = Meeting(citizen_id=citizen.id, citizen=citizen, starts_at=starts_at, kind="team")
    team_meeting.meeting = meeting
    db.session.add(team_meeting)
    audit.record(citizen, audit.WRITE, OBJECT, PURPOSE)
    fields = {"kind": "team", "place": place, "participants": participants, "duration_minutes": 60}
    meeting_store.save(meeting, starts_at, fields, meeting_store.Actor(PURPOSE, staff_id=staff_id))
    return team_meeting


def by_public_id(public_id: str) -> TeamMeeting | None:
    return db.session.scalar(select(TeamMeeting).where(TeamMeeting.public_id == public_id))


def of_citizen(citizen_id: int) -> list[TeamMeeting]:
    """The citizen's team meetings, the latest first."""
    return list(
        db.session.scalars(
            select(TeamMeeting)
            .join(Meeting, Meeting.id == TeamMeeting.meeting_id)
            .where(TeamMeeting.citizen_id == citizen_id)
            .order_by(Meeting.starts_at.desc())
        )
    )


def upcoming_of_team(team_id: int, now: datetime | None = None, limit: int = 20) -> list[TeamMeeting]:
    """The team's planned team meetings from now on, earliest first (the Today page)."""
    return list(
        db.session.scalars(
            select(TeamMeeting)
            .join(Meeting, Meeting.id == TeamMeeting.meeting_id)
            .join(Citizen, Citizen.id == TeamMeeting.citizen_id)
            .where(
                Citizen.team_id == team_id,
                Meeting.starts_at >= (now or utcnow()),
                Meeting.status == MeetingStatus.PLANNED,
            )
            .order_by(Meeting.starts_at)
            .limit(limit)
        )
    )


def save_notes(team_meeting: TeamMeeting, notes: str) -> None:
    team_meeting.notes = notes.strip() or None
    audit.record(team_meeting.citizen, audit.WRITE, OBJECT, PURPOSE)
    db.session.commit()


def record(team_meeting: TeamMeeting, recommendation: str, mentor: str, mentor_reason: str, outcome: str) -> None:
    """The team's recommendation, its mentor decision and the outcome; may be corrected until minutes go out."""
    team_meeting.recommendation = recommendation.strip() or None
    team_meeting.mentor = mentor or None
    team_meeting.mentor_reason = mentor_reason.strip() or None
    team_meeting.outcome = outcome.strip() or None
    team_meeting.recorded_at = utcnow()
    audit.record(team_meeting.citizen, audit.WRITE, OBJECT, PURPOSE)
    db.session.commit()


def missing_before_minutes(team_meeting: TeamMeeting) -> list[str]:
    return rules.missing_before_minutes(team_meeting.recommendation, team_meeting.mentor, team_meeting.outcome)


def publish_minutes(team_meeting: TeamMeeting, text: str, staff: StaffUser) -> TeamMinutes:
    """The minutes go to the citizen's plan page (and a notice, without the text); publishing twice changes
    nothing: the first minutes are returned."""
    if team_meeting.minutes is not None:
        return team_meeting.minutes
    if missing_before_minutes(team_meeting):
        raise ValueError("the team's recommendation, mentor decision and outcome come first")
    minutes = TeamMinutes(
        citizen_id=team_meeting.citizen_id,
        meeting_date=to_local(team_meeting.meeting.starts_at).date(),
        text=text.strip(),
        published_by_id=staff.id,
    )
    db.session.add(minutes)
    team_meeting.minutes = minutes
    audit.record(team_meeting.citizen, audit.WRITE, OBJECT, PURPOSE)
    notify_citizen(team_meeting.citizen, "mail/minutes_published")
    db.session.commit()
    return minutes


def of_minutes(minutes_id: int) -> TeamMeeting | None:
    """The team meeting minutes were published from (older minutes were written without one)."""
    return db.session.scalar(select(TeamMeeting).where(TeamMeeting.minutes_id == minutes_id))
