"""The secure message thread between a citizen and their team. The citizen can start it; a message may refer to a
meeting or an activity; each side sees when the other has read theirs; unsent text is kept as a draft."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from .meetings import Meeting
from .people import Citizen, StaffUser, new_public_id
from .plans import PlanActivity
from .timeutil import utcnow


class Message(Model):
    __tablename__ = "message"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    from_citizen: Mapped[bool] = mapped_column()
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    body: Mapped[str] = mapped_column(Text)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("plan_activity.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column()  # read by the other side

    citizen: Mapped[Citizen] = relationship()
    staff: Mapped[StaffUser | None] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    activity: Mapped[PlanActivity | None] = relationship()


class MessageDraft(Model):
    """What someone has typed but not sent, per thread and writer ("citizen" or "staff:<id>")."""

    __tablename__ = "message_draft"
    __table_args__ = (UniqueConstraint("citizen_id", "writer", name="uq_message_draft_writer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    writer: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str | None] = mapped_column(String(60))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
