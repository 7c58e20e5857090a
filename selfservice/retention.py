"""`flask retention run`: delete what has outlived its purpose, on schedule (run it daily).

Each kind is deleted in its own transaction, so one failure cannot hold back the others, and the command prints
what it removed so the run leaves a trace in the scheduler's log (counts only, never content).
"""

from __future__ import annotations

from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import delete, or_, select

from .assistant.store import purge as purge_conversations
from .extensions import db, rows_changed
from .models import (
    AuditEntry,
    AuditRetention,
    CitizenNote,
    FormSubmission,
    Invitation,
    KioskHelpRequest,
    PreparationForm,
    PreparationNote,
    WebSession,
    utcnow,
)
from .rules.preparation import DRAFT
from .rules.retention import Periods, cutoffs

retention_cli = AppGroup("retention", help="Delete data that has outlived its purpose.")


def periods_from_config() -> Periods:
    config = current_app.config
    return Periods(
        drafts_days=config["DRAFT_RETENTION_DAYS"],
        conversations_days=config["ASSISTANT_RETENTION_DAYS"],
        invitations_days=config["INVITATION_RETENTION_DAYS"],
        audit_days=config["AUDIT_RETENTION_DAYS"],
        session_idle=config["SESSION_IDLE_TIMEOUT"],
        session_absolute=config["SESSION_ABSOLUTE_TIMEOUT"],
    )


def run(now: datetime | None = None, periods: Periods | None = None) -> dict[str, int]:
    now = now or utcnow()
    periods = periods or periods_from_config()
    due = cutoffs(periods, now)
    removed: dict[str, int] = {}

    drafts = list(
        db.session.scalars(
            select(PreparationForm.id).where(PreparationForm.status == DRAFT, PreparationForm.updated_at < due.drafts)
        )
    )
    if drafts:
        db.session.execute(delete(FormSubmission).where(FormSubmission.form_id.in_(drafts)))
        db.session.execute(delete(CitizenNote).where(CitizenNote.form_id.in_(drafts)))
        db.session.execute(delete(PreparationNote).where(PreparationNote.form_id.in_(drafts)))
        db.session.execute(delete(PreparationForm).where(PreparationForm.id.in_(drafts)))
    db.session.commit()
    removed["draft preparation forms"] = len(drafts)

    removed["assistant conversations"] = purge_conversations(periods.conversations_days, now)

    removed["sign-in codes"] = rows_changed(
        delete(Invitation).where(or_(Invitation.expires_at < due.invitations, Invitation.revoked_at < due.invitations))
    )
    db.session.commit()

    removed["sessions"] = rows_changed(
        delete(WebSession).where(
            or_(WebSession.last_seen_at < due.sessions_idle, WebSession.created_at < due.sessions_absolute)
        )
    )
    db.session.commit()

    removed["kiosk help calls"] = rows_changed(
        delete(KioskHelpRequest).where(KioskHelpRequest.created_at < due.help_calls)
    )
    db.session.commit()

    record = AuditRetention(cutoff=due.audit, run_at=now)
    db.session.add(record)
    db.session.flush()
    removed["audit entries"] = record.deleted = rows_changed(delete(AuditEntry).where(AuditEntry.at < due.audit))
    db.session.commit()
    return removed


@retention_cli.command("run")
def run_command() -> None:
    for kind, count in run().items():
        click.echo(f"{kind}: {count} deleted")
