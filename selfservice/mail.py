"""E-mail through the outbox (see models/outbox.py).

Messages are rendered in the recipient's language when queued, stored, and delivered by `deliver_due()`: right
after the request that queued them, and by `flask notifications send` from cron for anything that failed.
"""

import smtplib
from email.message import EmailMessage

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import select

from .extensions import db
from .models import OutboxMessage, utcnow

MAX_ATTEMPTS = 20


def queue(recipient: str, subject: str, body: str) -> OutboxMessage:
    message = OutboxMessage(recipient=recipient, subject=subject, body=body)
    db.session.add(message)
    return message


def queue_template(recipient: str, template: str, language: str, **context) -> OutboxMessage:
    with force_locale(language):
        subject = render_template(template + ".subject.txt", **context).strip()
        body = render_template(template + ".body.txt", **context)
    return queue(recipient, subject, body)


def deliver_due(limit: int = 100) -> tuple[int, int]:
    """Send unsent messages; returns (sent, failed). Each message is committed as sent right after the server
    accepted it, so a crash can at worst repeat the one message in flight."""
    host = current_app.config["SMTP_HOST"]
    if not host:
        return 0, 0
    due = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.attempts < MAX_ATTEMPTS)
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    if not due:
        return 0, 0
    sent = failed = 0
    try:
        smtp = smtplib.SMTP(host, current_app.config["SMTP_PORT"], timeout=10)
    except OSError as error:
        for message in due:
            message.attempts += 1
            message.last_error = type(error).__name__
        db.session.commit()
        return 0, len(due)
    with smtp:
        for message in due:
            email = EmailMessage()
            email["From"] = current_app.config["MAIL_FROM"]
            email["To"] = message.recipient
            email["Subject"] = message.subject
            email.set_content(message.body)
            try:
                smtp.send_message(email)
            except smtplib.SMTPException as error:
                message.attempts += 1
                message.last_error = type(error).__name__
                failed += 1
            else:
                message.sent_at = utcnow()
                message.attempts += 1
                sent += 1
            db.session.commit()
    return sent, failed
