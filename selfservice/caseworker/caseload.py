"""The caseworker's caseload: what waits on the Today page, and the team list with its columns, filters and pages.

Why one read module: both pages answer "who needs me" across forms, meetings, requests, messages, plans and codes.
Each list here is one query (or a count and a page), scoped to the team, so a team of 120 citizens stays fast;
writes stay in the features' stores.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import contains_eager

from ..citizen import store as citizen_store
from ..extensions import db
from ..meetings import store as meeting_store
from ..messages.thread import threads_waiting
from ..models import (
    Citizen,
    Meeting,
    MeetingRequest,
    Message,
    Plan,
    PlanActivity,
    PreparationForm,
)
from ..plan import team_meetings
from ..preparation import queue as form_queue
from ..rules import workload
from ..rules.meetings import MeetingStatus, RequestStatus, to_local, to_utc
from ..rules.plan import ActivityStatus
from ..rules.preparation import FormStatus

SHOWN_PER_SECTION = 10


@dataclass
class Section:
    """One block of the Today page: how many there are, and the first few."""

    count: int = 0
    items: list = field(default_factory=list)


@dataclass
class Today:
    forms: Section
    requests: Section
    messages: Section
    meetings: Section
    team_meetings: Section
    ending: Section
    codes: Section

    def citizens(self) -> list[Citizen]:
        """Everyone shown, for the access log."""
        shown: list[Citizen] = [form.citizen for form, _w in self.forms.items]
        shown += [r.meeting.citizen for r, _w in self.requests.items]
        shown += [citizen for citizen, _m, _w in self.messages.items]
        shown += [m.citizen for m in self.meetings.items]
        shown += [t.citizen for t in self.team_meetings.items]
        shown += [activity.plan.citizen for activity in self.ending.items]
        shown += [code.citizen for code in self.codes.items]
        return shown


def _section(items: list) -> Section:
    return Section(len(items), items[:SHOWN_PER_SECTION])


def day_start(day: date) -> datetime:
    return to_utc(datetime.combine(day, time.min))


def today(team_id: int, now: datetime) -> Today:
    """What needs the team today: the oldest waiting first in each section (it has waited longest)."""
    local_today = to_local(now).date()
    forms, _counts = form_queue.of_team(team_id, [FormStatus.SUBMITTED])
    forms_waited = sorted(
        ((form, workload.waited(form.submitted_at or now, now)) for form, _meeting in forms),
        key=lambda pair: pair[0].submitted_at or now,
    )
    requests_ = meeting_store.requests_of_team(team_id, RequestStatus.OPEN)
    messages = threads_waiting(team_id, for_us=True)
    return Today(
        forms=_section(forms_waited),
        requests=_section([(r, workload.waited(r.created_at, now)) for r in requests_]),
        messages=_section([(c, m, workload.waited(m.created_at, now)) for c, m in messages]),
        meetings=_section(
            meeting_store.of_team_between(team_id, day_start(local_today), day_start(local_today + timedelta(days=2)))
        ),
        team_meetings=_section(team_meetings.upcoming_of_team(team_id, now)),
        ending=_section(activities_ending(team_id, local_today)),
        codes=_section(citizen_store.invitations_expiring(team_id, *workload.expiry_window(now))),
    )


def activities_ending(team_id: int, today_: date) -> list[PlanActivity]:
    """Ongoing or planned activities in the team's plans that end within the next 14 days, soonest first."""
    first, last = workload.ending_window(today_)
    return list(
        db.session.scalars(
            select(PlanActivity)
            .join(Plan, Plan.id == PlanActivity.plan_id)
            .join(Citizen, Citizen.id == Plan.citizen_id)
            .options(contains_eager(PlanActivity.plan).contains_eager(Plan.citizen))
            .where(
                Citizen.team_id == team_id,
                PlanActivity.end_date >= first,
                PlanActivity.end_date <= last,
                PlanActivity.status.in_([ActivityStatus.ONGOING, ActivityStatus.PLANNED]),
            )
            .order_by(PlanActivity.end_date, Citizen.name)
        )
    )


# --- The team list ---------------------------------------------------------------------------------------------

SORTS = ("name", "next_meeting", "last_contact", "waiting")
FILTER_FIELDS = ("q", "situation", "form_status", "open_request", "meeting_this_week", "sort")


@dataclass(frozen=True)
class ListQuery:
    """What the caseworker asked the team list for (validated by the filter form)."""

    q: str = ""
    situation: str = ""
    open_request: bool = False
    form_status: str = ""
    meeting_this_week: bool = False
    sort: str = "name"
    page: int = 1


@dataclass(frozen=True)
class Row:
    citizen: Citizen
    next_meeting: datetime | None
    form_status: str | None
    unread: int
    open_requests: int
    last_contact: datetime | None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def team_list(team_id: int, query: ListQuery, now: datetime) -> tuple[list[Row], int, int, int]:
    """(rows of one page, all rows that match, the page shown, how many pages)."""
    next_meeting = meeting_store.next_planned_of_team(team_id)
    unread = (
        select(Message.citizen_id, func.count(Message.id).label("n"))
        .join(Citizen, Citizen.id == Message.citizen_id)
        .where(Citizen.team_id == team_id, Message.from_citizen.is_(True), Message.read_at.is_(None))
        .group_by(Message.citizen_id)
        .subquery()
    )
    last_message = (
        select(Message.citizen_id, func.max(Message.created_at).label("at"))
        .join(Citizen, Citizen.id == Message.citizen_id)
        .where(Citizen.team_id == team_id)
        .group_by(Message.citizen_id)
        .subquery()
    )
    last_meeting = (
        select(Meeting.citizen_id, func.max(Meeting.starts_at).label("at"))
        .join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Citizen.team_id == team_id, Meeting.starts_at < now, Meeting.status != MeetingStatus.CANCELLED)
        .group_by(Meeting.citizen_id)
        .subquery()
    )
    requests_ = (
        select(Meeting.citizen_id, func.count(MeetingRequest.id).label("n"))
        .join(Meeting, Meeting.id == MeetingRequest.meeting_id)
        .join(Citizen, Citizen.id == Meeting.citizen_id)
        .where(Citizen.team_id == team_id, MeetingRequest.status == RequestStatus.OPEN)
        .group_by(Meeting.citizen_id)
        .subquery()
    )
    # The later of the last message and the last meeting held, on SQLite and PostgreSQL alike.
    last_contact = case(
        (last_message.c.at.is_(None), last_meeting.c.at),
        (last_meeting.c.at.is_(None), last_message.c.at),
        (last_message.c.at > last_meeting.c.at, last_message.c.at),
        else_=last_meeting.c.at,
    )
    unread_n = func.coalesce(unread.c.n, 0)
    requests_n = func.coalesce(requests_.c.n, 0)
    base = (
        select(Citizen)
        .outerjoin(next_meeting, next_meeting.c.citizen_id == Citizen.id)
        .outerjoin(PreparationForm, PreparationForm.citizen_id == Citizen.id)
        .outerjoin(unread, unread.c.citizen_id == Citizen.id)
        .outerjoin(last_message, last_message.c.citizen_id == Citizen.id)
        .outerjoin(last_meeting, last_meeting.c.citizen_id == Citizen.id)
        .outerjoin(requests_, requests_.c.citizen_id == Citizen.id)
        .where(Citizen.team_id == team_id)
    )
    text = query.q.strip()
    if text:
        base = base.where(
            or_(
                Citizen.name.ilike(_like(text), escape="\\"),
                Citizen.public_id == text,
                Citizen.external_id == text,
            )
        )
    if query.situation:
        base = base.where(Citizen.situation == query.situation)
    if query.open_request:
        base = base.where(requests_n > 0)
    if query.form_status == "none":  # a draft is the citizen's own: to staff it is "not sent yet", like no form
        base = base.where(or_(PreparationForm.id.is_(None), PreparationForm.status == FormStatus.DRAFT))
    elif query.form_status:
        base = base.where(PreparationForm.status == query.form_status)
    if query.meeting_this_week:
        monday, next_monday = workload.week_of(to_local(now).date())
        base = base.where(
            and_(next_meeting.c.next_meeting >= day_start(monday), next_meeting.c.next_meeting < day_start(next_monday))
        )
    total = db.session.scalar(select(func.count()).select_from(base.subquery())) or 0
    page, last_page = workload.pages(total, query.page)
    order = {
        "name": (Citizen.name, Citizen.id),
        "next_meeting": (next_meeting.c.next_meeting.is_(None), next_meeting.c.next_meeting, Citizen.name),
        "last_contact": (last_contact.is_(None), last_contact.desc(), Citizen.name),
        "waiting": ((unread_n + requests_n).desc(), Citizen.name),
    }[query.sort if query.sort in SORTS else "name"]
    rows = db.session.execute(
        base.add_columns(next_meeting.c.next_meeting, PreparationForm.status, unread_n, requests_n, last_contact)
        .order_by(*order)
        .offset((page - 1) * workload.PAGE_SIZE)
        .limit(workload.PAGE_SIZE)
    ).tuples()
    shown = [
        Row(c, meeting, None if status == FormStatus.DRAFT else status, u, r, last)
        for c, meeting, status, u, r, last in rows
    ]
    return shown, total, page, last_page
