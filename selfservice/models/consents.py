"""Consents (*samtykke*): the citizen decides who may get their plan. Every grant and withdrawal is kept as a row,
so the history is complete and the current state is the latest row per kind."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from .timeutil import utcnow


class ConsentEvent(Model):
    __tablename__ = "consent_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # doctor | departments | region
    granted: Mapped[bool] = mapped_column()
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(40), default="citizen")  # "citizen" or "staff:<id>"
