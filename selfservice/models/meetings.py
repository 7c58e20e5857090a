"""Meetings between a citizen and the jobcentre, and the citizen's requests about them.

Why requests are rows with a status: a cancellation or a report of illness touches the citizen's duties, so it must
reach a caseworker and stay visible to the citizen until someone has handled it (see DOMAIN.md, Datatilsynet 2024).
"""

import secrets
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from ..rules.invitations import ALPHABET
from ..rules.meetings import MeetingStatus, RequestStatus
from .people import Citizen, StaffUser, new_public_id
from .timeutil import utcnow


def new_booking_ref() -> str:
    """Six characters without look-alikes: typed at the kiosk, read over the phone."""
    return "".join(secrets.choice(ALPHABET) for _ in range(6))


class Meeting(Model):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    booking_ref: Mapped[str] = mapped_column(String(12), unique=True, default=new_booking_ref)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)  # UTC
    duration_minutes: Mapped[int] = mapped_column(default=60)
    kind: Mapped[str] = mapped_column(String(20), default="in_person")  # in_person | video | phone | team
    status: Mapped[str] = mapped_column(String(20), default=MeetingStatus.PLANNED.value)
    place: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    participants: Mapped[str | None] = mapped_column(String(500))
    bring: Mapped[str | None] = mapped_column(String(1000))
    video_url: Mapped[str | None] = mapped_column(String(500))
    checked_in_at: Mapped[datetime | None] = mapped_column()  # at a lobby kiosk, for the caseworker's day list
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    citizen: Mapped[Citizen] = relationship()
    requests: Mapped[list["MeetingRequest"]] = relationship(
        back_populates="meeting", order_by="MeetingRequest.created_at"
    )


class MeetingRequest(Model):
    __tablename__ = "meeting_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # confirm | move | cancel | sick
    reason: Mapped[str | None] = mapped_column(Text)
    preferred_times: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=RequestStatus.OPEN.value, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column()
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    response: Mapped[str | None] = mapped_column(Text)

    meeting: Mapped[Meeting] = relationship(back_populates="requests")
    handled_by: Mapped[StaffUser | None] = relationship()
