"""The citizen's plan (*indsatsplan*, shown as "Min Plan"): a goal and activities, published in versions.

Why a working copy and published versions: the caseworker edits activities over days, but the citizen sees only
what was published, and every published version is kept with a readable list of what changed.
"""

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from ..rules.plan import ActivityStatus
from .meetings import Meeting
from .people import Citizen, StaffUser, new_public_id
from .timeutil import utcnow


class Plan(Model):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), unique=True)
    goal_kind: Mapped[str | None] = mapped_column(String(20))  # job | education
    goal: Mapped[str | None] = mapped_column(String(500))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    citizen: Mapped[Citizen] = relationship()
    activities: Mapped[list["PlanActivity"]] = relationship(
        back_populates="plan", order_by="PlanActivity.start_date, PlanActivity.id"
    )
    versions: Mapped[list["PlanVersion"]] = relationship(back_populates="plan", order_by="PlanVersion.number")


class PlanActivity(Model):
    __tablename__ = "plan_activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    sub_goal: Mapped[str | None] = mapped_column(String(500))
    area: Mapped[str] = mapped_column(String(20), default="employment")  # employment | social | health | education
    status: Mapped[str] = mapped_column(String(20), default=ActivityStatus.PLANNED.value)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    hours_per_week: Mapped[float | None] = mapped_column()
    department: Mapped[str | None] = mapped_column(String(200))
    caseworker: Mapped[str | None] = mapped_column(String(200))
    legal_basis: Mapped[str | None] = mapped_column(String(200))  # e.g. "LAB § 42"
    legal_url: Mapped[str | None] = mapped_column(String(500))
    agreed: Mapped[bool] = mapped_column(default=False)

    plan: Mapped[Plan] = relationship(back_populates="activities")


class PlanVersion(Model):
    """A published plan exactly as the citizen got it, and what changed since the version before."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "number", name="uq_plan_version_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    number: Mapped[int] = mapped_column()
    snapshot: Mapped[dict] = mapped_column(JSON)
    changes: Mapped[list] = mapped_column(JSON)
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    plan: Mapped[Plan] = relationship(back_populates="versions")
    published_by: Mapped[StaffUser | None] = relationship()


class TeamMinutes(Model):
    """The minutes (*referat*) of a team meeting, published to the citizen."""

    __tablename__ = "team_minutes"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    meeting_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))


class TeamMeeting(Model):
    """A meeting of the interdisciplinary team (*tværfagligt team*) about one citizen, from agenda to minutes.

    Why its own record next to the Meeting the citizen sees: the meeting carries time and place; this carries what
    only the team's work needs — who takes part, the caseworker's notes, the team's recommendation, whether a mentor
    was considered (the team must always consider one) and the outcome — and which minutes were published from it.
    """

    __tablename__ = "team_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), unique=True)
    departments: Mapped[list] = mapped_column(JSON, default=list)  # codes from labels.DEPARTMENTS
    notes: Mapped[str | None] = mapped_column(Text)
    recommendation: Mapped[str | None] = mapped_column(Text)
    mentor: Mapped[str | None] = mapped_column(String(20))  # rules.team_meeting.MentorDecision
    mentor_reason: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime | None] = mapped_column()
    minutes_id: Mapped[int | None] = mapped_column(ForeignKey("team_minutes.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    citizen: Mapped[Citizen] = relationship()
    meeting: Mapped[Meeting] = relationship()
    minutes: Mapped[TeamMinutes | None] = relationship()
