"""The one door through which old audit entries may leave: a cutoff written by `flask retention run`.

Why a table and not a switch: the database triggers keep the audit log append-only. They let a DELETE through only
for entries older than a cutoff recorded here, and only when that cutoff is at least a year in the past — so not
even the application can shorten the log below a year, and every pruning leaves its cutoff behind as a record.
"""

from datetime import datetime

from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from .timeutil import utcnow


class AuditRetention(Model):
    __tablename__ = "audit_retention"

    id: Mapped[int] = mapped_column(primary_key=True)
    cutoff: Mapped[datetime] = mapped_column()
    run_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted: Mapped[int] = mapped_column(default=0)
