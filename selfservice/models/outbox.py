"""The outbox: e-mails are written here in the same transaction as the event, then delivered.

Why an outbox: a submission must never fail because the mail server is down, and a mail must never be lost or
sent twice. `flask notifications send` delivers what is due; the app also tries right after the commit.
"""

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from .timeutil import utcnow


class OutboxMessage(Model):
    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(10), default="email")  # email | sms
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(300))
    # Not before this time (quiet hours, backoff after a failure); None means at once.
    not_before: Mapped[datetime | None] = mapped_column(index=True)
    # Messages to citizens wait for the end of quiet hours; a team's e-mail does not.
    quiet: Mapped[bool] = mapped_column(default=False)
    # One reminder per meeting, time and channel, however many senders run at once.
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
