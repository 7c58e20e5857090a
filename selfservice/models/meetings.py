"""Meetings between a citizen and the jobcentre. The preparation-form queue sorts by the next meeting."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .people import Citizen, new_public_id
from .timeutil import utcnow


class Meeting(db.Model):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)  # UTC
    kind: Mapped[str] = mapped_column(String(20), default="in_person")  # in_person | video | phone | team
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned | cancelled | held
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    citizen: Mapped[Citizen] = relationship()
