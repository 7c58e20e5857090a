"""The audit log: append-only (database triggers refuse UPDATE and DELETE; see the first migration)."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from .people import Citizen, StaffUser
from .timeutil import utcnow


class AuditEntry(Model):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)  # UTC
    actor_kind: Mapped[str] = mapped_column(String(20))  # staff | citizen | system
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    # Copied at write time so the citizen still sees department and role if the staff member moves team.
    actor_role: Mapped[str | None] = mapped_column(String(20))
    actor_department: Mapped[str | None] = mapped_column(String(40))
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizen.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))  # read | write
    object: Mapped[str] = mapped_column(String(60))
    purpose: Mapped[str] = mapped_column(String(60))

    actor: Mapped[StaffUser | None] = relationship()
    citizen: Mapped[Citizen | None] = relationship()
