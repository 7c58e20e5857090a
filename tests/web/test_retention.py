"""`flask retention run`: each kind of data is deleted on its own schedule, and nothing younger than its period."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError

from selfservice.extensions import db
from selfservice.models import (
    AuditEntry,
    Conversation,
    Invitation,
    KioskHelpRequest,
    PreparationForm,
    WebSession,
    utcnow,
)
from selfservice.models.kiosks import Kiosk
from selfservice.retention import run
from tests.web.test_migrations import empty_database, migrated_app  # noqa: F401 - fixtures

pytestmark = pytest.mark.db

DAY = timedelta(days=1)


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_each_kind_is_deleted_after_its_period_and_kept_until_then(app, people):
    now = utcnow()
    with app.app_context():
        jens, amira, olena = people["jens"], people["amira"], people["olena"]
        db.session.add_all(
            [
                PreparationForm(citizen_id=jens, reference="OLDDRAFT", status="draft", updated_at=now - 91 * DAY),
                PreparationForm(citizen_id=amira, reference="NEWDRAFT", status="draft", updated_at=now - 89 * DAY),
                PreparationForm(citizen_id=olena, reference="OLDSENT", status="submitted", updated_at=now - 400 * DAY),
                Conversation(last_at=now - 31 * DAY),
                Conversation(last_at=now - 29 * DAY),
                Invitation(citizen_id=jens, code_hash="a" * 64, expires_at=now - 31 * DAY),
                Invitation(citizen_id=jens, code_hash="b" * 64, expires_at=now - 29 * DAY),
                WebSession(id_hash="c" * 64, created_at=now - 2 * DAY, last_seen_at=now - 2 * DAY),
                WebSession(id_hash="d" * 64, created_at=now - 13 * timedelta(hours=1), last_seen_at=now),
                WebSession(id_hash="e" * 64, created_at=now - timedelta(hours=1), last_seen_at=now),
                AuditEntry(at=now - 5 * 365 * DAY - DAY, actor_kind="system", action="read", object="x", purpose="y"),
                AuditEntry(at=now - 5 * 365 * DAY + DAY, actor_kind="system", action="read", object="x", purpose="y"),
            ]
        )
        kiosk = Kiosk(name="K", waiting_area="W")
        db.session.add(kiosk)
        db.session.flush()
        db.session.add_all(
            [
                KioskHelpRequest(kiosk_id=kiosk.id, lang="da", created_at=now - 31 * DAY),
                KioskHelpRequest(kiosk_id=kiosk.id, lang="da", created_at=now - 29 * DAY),
            ]
        )
        db.session.commit()
        removed = run(now)
        assert removed == {
            "draft preparation forms": 1,
            "assistant conversations": 1,
            "sign-in codes": 1,
            "sessions": 2,
            "kiosk help calls": 1,
            "audit entries": 1,
        }
        assert sorted(db.session.scalars(select(PreparationForm.reference))) == ["NEWDRAFT", "OLDSENT"]
        assert db.session.scalars(select(WebSession.id_hash)).all() == ["e" * 64]
        assert count(AuditEntry) == 1 and count(Conversation) == 1 and count(KioskHelpRequest) == 1


def test_flask_retention_run_reports_what_it_deleted(app):
    result = app.test_cli_runner().invoke(args=["retention", "run"])
    assert result.exit_code == 0
    assert "audit entries: 0 deleted" in result.output and "sessions: 0 deleted" in result.output


def test_on_the_real_schema_only_retention_may_delete_audit_entries_and_only_old_ones(migrated_app):  # noqa: F811
    now = utcnow()
    for age in (6 * 365, 10):
        db.session.add(AuditEntry(at=now - age * DAY, actor_kind="system", action="read", object="x", purpose="y"))
    db.session.commit()
    with pytest.raises(DatabaseError), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry"))
    db.session.rollback()
    assert run(now)["audit entries"] == 1
    assert count(AuditEntry) == 1
    with pytest.raises(DatabaseError), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry"))  # the remaining entry is younger than the cutoff


def test_a_cutoff_younger_than_a_year_opens_nothing(migrated_app):  # noqa: F811
    now = utcnow()
    db.session.add(AuditEntry(at=now - 200 * DAY, actor_kind="system", action="read", object="x", purpose="y"))
    db.session.commit()
    with pytest.raises(DatabaseError), db.engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_retention (cutoff, run_at, deleted) VALUES (:c, :c, 0)"), {"c": now})
        conn.execute(text("DELETE FROM audit_entry"))
    assert count(AuditEntry) == 1
