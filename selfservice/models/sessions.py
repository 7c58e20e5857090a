"""Server-side session records and invitation codes: both are ways in, kept where the server can end them."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from .people import Citizen, StaffUser
from .timeutil import utcnow


class WebSession(Model):
    """One row per browser session. The cookie holds a random id; only its SHA-256 is stored here."""

    __tablename__ = "web_session"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[str] = mapped_column(Text, default="{}")
    user_key: Mapped[str | None] = mapped_column(String(40), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Invitation(Model):
    """A personal sign-in code for a citizen without MitID. Only the code's hash is stored."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()
    failed_attempts: Mapped[int] = mapped_column(default=0)
    last_used_at: Mapped[datetime | None] = mapped_column()

    citizen: Mapped[Citizen] = relationship()
    issued_by: Mapped[StaffUser | None] = relationship()
