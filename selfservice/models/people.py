"""Citizens, staff and the teams that tie them together: a caseworker sees only their own team's citizens."""

import secrets
from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from .timeutil import utcnow


def new_public_id() -> str:
    """Opaque ids for URLs, so a URL never carries a sequence number or anything personal."""
    return secrets.token_urlsafe(12)


class Team(Model):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    # employment, social, health or education: shown to citizens in the access log instead of a person's name.
    department: Mapped[str] = mapped_column(String(40), default="employment")
    # Where "a form was submitted" e-mails go (never with the form's content); falls back to configuration.
    notify_email: Mapped[str | None] = mapped_column(String(254))

    citizens: Mapped[list["Citizen"]] = relationship(back_populates="team")
    staff: Mapped[list["StaffUser"]] = relationship(back_populates="team")


class Citizen(Model):
    __tablename__ = "citizen"
    __table_args__ = (UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_citizen_identity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    # Identified by issuer + subject from the sign-in broker; never by CPR number.
    oidc_issuer: Mapped[str | None] = mapped_column(String(300))
    oidc_subject: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    situation: Mapped[str | None] = mapped_column(String(40))
    # The situation the citizen last chose to filter the guides by ("all" when they cleared it).
    guide_situation: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(30))
    # The case system's own id for the citizen (set through the API).
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    notify_email: Mapped[bool] = mapped_column(default=True)
    notify_sms: Mapped[bool] = mapped_column(default=False)
    # The private calendar feed's secret is shown once; only its hash is kept, and it can be revoked.
    calendar_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    team: Mapped[Team | None] = relationship(back_populates="citizens")

    def get_id(self) -> str:
        return f"citizen:{self.id}"

    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_staff = False
    is_citizen = True


class StaffUser(Model):
    __tablename__ = "staff_user"
    __table_args__ = (UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_staff_user_identity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="caseworker")  # caseworker | admin
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_at: Mapped[datetime | None] = mapped_column()
    # Second factor for local password accounts (time-based one-time passwords, RFC 6238): the shared secret,
    # when it was confirmed, the last time step used (a code works once) and hashes of one-time recovery codes.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_confirmed_at: Mapped[datetime | None] = mapped_column()
    totp_last_step: Mapped[int | None] = mapped_column()
    recovery_code_hashes: Mapped[list] = mapped_column(JSON, default=list)
    oidc_issuer: Mapped[str | None] = mapped_column(String(300))
    oidc_subject: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    team: Mapped[Team | None] = relationship(back_populates="staff")

    def get_id(self) -> str:
        return f"staff:{self.id}"

    is_authenticated = True
    is_anonymous = False
    is_staff = True
    is_citizen = False

    @property
    def is_active(self) -> bool:
        return self.locked_at is None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"
