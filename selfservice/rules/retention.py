"""How long each kind of data is kept, as cutoffs from a moment in time. No Flask, no database.

Why these defaults: a preparation form left as a draft is kept 90 days (the form tells the citizen so); assistant
conversations 30 days; a used-up or expired sign-in code has no purpose after 30 days; a session is dead once its
idle or absolute limit has passed; the audit log is kept five years and can never be set below one.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

MINIMUM_AUDIT_DAYS = 365


@dataclass(frozen=True)
class Periods:
    drafts_days: int = 90
    conversations_days: int = 30
    invitations_days: int = 30
    audit_days: int = 5 * 365
    help_calls_days: int = 30
    session_idle: timedelta = timedelta(minutes=30)
    session_absolute: timedelta = timedelta(hours=12)

    def __post_init__(self) -> None:
        if self.audit_days < MINIMUM_AUDIT_DAYS:
            raise ValueError(f"the audit log must be kept at least {MINIMUM_AUDIT_DAYS} days")


@dataclass(frozen=True)
class Cutoffs:
    drafts: datetime
    invitations: datetime
    sessions_idle: datetime
    sessions_absolute: datetime
    audit: datetime
    help_calls: datetime


def cutoffs(periods: Periods, now: datetime) -> Cutoffs:
    """Anything last touched before its cutoff is due for deletion."""
    return Cutoffs(
        drafts=now - timedelta(days=periods.drafts_days),
        invitations=now - timedelta(days=periods.invitations_days),
        sessions_idle=now - periods.session_idle,
        sessions_absolute=now - periods.session_absolute,
        audit=now - timedelta(days=periods.audit_days),
        help_calls=now - timedelta(days=periods.help_calls_days),
    )
