"""The migrations build the schema from empty, match the models, and make the audit log append-only."""

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from selfservice.config import TestConfig
from selfservice.extensions import db
from tests.helpers import build_app, recreate_database

pytestmark = pytest.mark.db


@pytest.fixture
def empty_database(worker_id, tmp_path):
    base = os.environ.get("SELFSERVICE_TEST_DATABASE_URL", "")
    if base.startswith("postgresql"):
        yield recreate_database(base, f"selfservice_migrations_{worker_id}")
    else:
        yield f"sqlite:///{tmp_path / 'migrations.db'}"


@pytest.fixture
def migrated_app(empty_database, tmp_path):
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = empty_database
    config.INSTANCE_PATH = str(tmp_path / "instance")
    app = build_app(config)
    with app.app_context():
        upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()


def test_upgrade_from_empty_gives_a_schema_that_matches_the_models(migrated_app):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
    assert diff == []


def test_the_app_works_on_the_migrated_schema(migrated_app):
    from selfservice.demo import seed

    assert "citizen Amira Hassan" in seed()
    assert migrated_app.test_client().get("/healthz").get_json() == {"status": "ok", "db": "ok"}


def test_audit_entries_cannot_be_changed_or_deleted(migrated_app):
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_entry (at, actor_kind, action, object, purpose)"
                " VALUES (:at, 'system', 'read', 'x', 'y')"
            ),
            {"at": "2026-11-23 10:00:00"},
        )
    for statement in ("UPDATE audit_entry SET purpose = 'changed'", "DELETE FROM audit_entry"):
        with pytest.raises(DatabaseError), db.engine.begin() as conn:
            conn.execute(text(statement))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT purpose FROM audit_entry")).scalars().all() == ["y"]


def test_downgrade_to_empty_and_upgrade_again(migrated_app):
    downgrade(revision="base")
    upgrade()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM citizen")).scalar() == 0


def test_upgrading_keeps_existing_meetings_and_gives_each_a_booking_reference(empty_database, tmp_path):
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = empty_database
    config.INSTANCE_PATH = str(tmp_path / "instance")
    app = build_app(config)
    with app.app_context():
        upgrade(revision="0002")
        with db.engine.begin() as conn:
            conn.execute(
                text("INSERT INTO citizen (id, public_id, name, created_at) VALUES (1, 'p1', 'X', :t)"),
                {"t": "2026-01-01 00:00:00"},
            )
            for number in (1, 2):
                conn.execute(
                    text(
                        "INSERT INTO meeting (id, public_id, citizen_id, starts_at, kind, status, created_at)"
                        " VALUES (:id, :pid, 1, :t, 'in_person', 'planned', :t)"
                    ),
                    {"id": number, "pid": f"m{number}", "t": "2026-12-01 09:00:00"},
                )
        upgrade()
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT booking_ref, duration_minutes FROM meeting ORDER BY id")).all()
        assert len(rows) == 2 and all(ref and len(ref) == 6 for ref, _ in rows)
        assert rows[0][0] != rows[1][0] and {minutes for _, minutes in rows} == {60}
        db.session.remove()
        db.engine.dispose()
