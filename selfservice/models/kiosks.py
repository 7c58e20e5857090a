"""Lobby kiosks: a registered device per screen, and the visitors' calls for staff help.

Why a device binding and not a staff sign-in: nobody signs in at a kiosk. An administrator issues a one-time
activation link; opening it binds that browser with a device secret kept in a cookie (only its hash is stored), and
revoking the kiosk makes the secret worthless at once.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from .people import new_public_id
from .timeutil import utcnow


class Kiosk(Model):
    __tablename__ = "kiosk"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    waiting_area: Mapped[str] = mapped_column(String(200))  # where visitors who checked in should wait
    activation_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    device_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    activated_at: Mapped[datetime | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()
    last_seen_at: Mapped[datetime | None] = mapped_column()

    @property
    def active(self) -> bool:
        return self.revoked_at is None and self.device_token_hash is not None


class KioskHelpRequest(Model):
    """ "I need help from staff": the kiosk and the visitor's language, nothing about the visitor."""

    __tablename__ = "kiosk_help_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    kiosk_id: Mapped[int] = mapped_column(ForeignKey("kiosk.id"), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    handled_at: Mapped[datetime | None] = mapped_column()

    kiosk: Mapped[Kiosk] = relationship()
