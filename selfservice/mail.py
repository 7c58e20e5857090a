"""The outbox: e-mail and text messages are queued in the same transaction as the event, then delivered.

Delivery claims rows with SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL, so two senders running at once (cron on
two instances) never send the same message twice; a failure is retried with backoff; messages to citizens wait
for the end of quiet hours.
"""

import contextlib
import smtplib
from email.message import EmailMessage

import requests
from flask import Flask, current_app, g, has_request_context, render_template
from flask_babel import force_locale
from sqlalchemy import or_, select

from .extensions import db
from .models import OutboxMessage, utcnow
from .rules import notifications as timing


def queue(recipient: str, subject: str, body: str, **fields) -> OutboxMessage:
    """Queue a message in the caller's transaction; a request that queued one delivers after its view committed."""
    message = OutboxMessage(recipient=recipient, subject=subject, body=body, **fields)
    db.session.add(message)
    if has_request_context():
        g.outbox_queued = True
    return message


def init_app(app: Flask) -> None:
    """ "Commit, then deliver what was queued" in one place instead of at the end of every view that tells someone.

    The view (or the store it calls) commits; what it queued is then sent before the response leaves, so a
    caseworker's change reaches the citizen at once. Messages of a rolled-back transaction are gone, and what
    cannot be sent now stays queued for `flask outbox deliver`.
    """

    @app.after_request
    def deliver_queued(response):
        if g.pop("outbox_queued", False):
            # What a view did not commit did not happen: its queued messages must not go out with another commit.
            db.session.rollback()
            deliver_due()
        return response


def render(template: str, language: str, channel: str = "email", **context) -> tuple[str, str]:
    with force_locale(language):
        if channel == "sms":
            return "", render_template(template + ".sms.txt", **context).strip()
        subject = render_template(template + ".subject.txt", **context).strip()
        return subject, render_template(template + ".body.txt", **context)


def queue_template(recipient: str, template: str, language: str, **context) -> OutboxMessage:
    subject, body = render(template, language, **context)
    return queue(recipient, subject, body)


class _Senders:
    """Opens the SMTP connection only if an e-mail is due, once per batch."""

    def __init__(self):
        self.smtp = None

    def email(self, message: OutboxMessage) -> None:
        if self.smtp is None:
            self.smtp = smtplib.SMTP(current_app.config["SMTP_HOST"], current_app.config["SMTP_PORT"], timeout=10)
        email = EmailMessage()
        email["From"] = current_app.config["MAIL_FROM"]
        email["To"] = message.recipient
        email["Subject"] = message.subject
        email.set_content(message.body)
        self.smtp.send_message(email)

    def sms(self, message: OutboxMessage) -> None:
        response = requests.post(
            current_app.config["SMS_GATEWAY_URL"],
            json={"to": message.recipient, "text": message.body},
            headers={"Authorization": f"Bearer {current_app.config['SMS_GATEWAY_TOKEN'] or ''}"},
            timeout=10,
        )
        response.raise_for_status()

    def close(self) -> None:
        if self.smtp is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self.smtp.quit()


def _enabled_channels() -> list[str]:
    channels = []
    if current_app.config["SMTP_HOST"]:
        channels.append("email")
    if current_app.config["SMS_GATEWAY_URL"]:
        channels.append("sms")
    return channels


def deliver_due(limit: int = 100) -> tuple[int, int]:
    """Send what is due, one message per transaction; returns (sent, failed).

    Each row is claimed with FOR UPDATE SKIP LOCKED (PostgreSQL) and committed as sent right after the server took
    it, so a second sender skips it and a crash can at worst repeat the one message in flight.
    """
    channels = _enabled_channels()
    if not channels:
        return 0, 0
    senders = _Senders()
    sent = failed = 0
    skipped: list[int] = []
    try:
        for _ in range(limit):
            now = utcnow()
            query = (
                select(OutboxMessage)
                .where(
                    OutboxMessage.sent_at.is_(None),
                    OutboxMessage.attempts < timing.MAX_ATTEMPTS,
                    OutboxMessage.channel.in_(channels),
                    or_(OutboxMessage.not_before.is_(None), OutboxMessage.not_before <= now),
                    OutboxMessage.id.not_in(skipped),
                )
                .order_by(OutboxMessage.id)
                .limit(1)
            )
            if db.engine.dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            message = db.session.scalar(query)
            if message is None:
                break
            if message.quiet and current_app.config["QUIET_HOURS"] and timing.in_quiet_hours(now):
                message.not_before = timing.next_allowed(now)
                db.session.commit()
                continue
            try:
                getattr(senders, message.channel)(message)
            except (OSError, smtplib.SMTPException, requests.RequestException) as error:
                message.attempts += 1
                message.last_error = type(error).__name__
                message.not_before = now + timing.backoff(message.attempts)
                skipped.append(message.id)
                failed += 1
                senders.smtp = None
            else:
                message.attempts += 1
                message.sent_at = now
                sent += 1
            db.session.commit()
    finally:
        senders.close()
    return sent, failed
