"""Backup and restore on PostgreSQL, as the README documents it: pg_dump of the live database, pg_restore into a
fresh one, and the app serves the restored data (including the audit log, still append-only)."""

import glob
import os
import subprocess
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select, text

from selfservice.config import TestConfig
from selfservice.extensions import db
from selfservice.models import Citizen
from tests.helpers import build_app, page, recreate_database, sign_in_as, staff

pytestmark = pytest.mark.db
AUDIT_INSERT = "INSERT INTO audit_entry (at, actor_kind, action, object, purpose) " + (
    "VALUES (now(), 'system', 'read', 'x', 'y')"
)


def postgres_tool(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else name


@pytest.fixture
def postgres_url(app):
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if not url.startswith("postgresql"):
        pytest.skip("backup and restore are documented for PostgreSQL")
    return url


def libpq_args(url: str) -> list[str]:
    parts = urlsplit(url.replace("postgresql+psycopg", "postgresql"))
    return ["-h", parts.hostname, "-p", str(parts.port), "-U", parts.username, "-d", parts.path.lstrip("/")]


def test_a_dump_restored_into_a_fresh_database_serves_the_same_data(app, people, postgres_url, tmp_path, worker_id):
    with app.app_context():
        jens = db.session.get(Citizen, people["jens"])
        jens_public_id, jens_name = jens.public_id, jens.name
    dump = tmp_path / "selfservice.dump"
    subprocess.run(
        [postgres_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), *libpq_args(postgres_url)],
        check=True,
    )
    restored_url = recreate_database(postgres_url, f"selfservice_restored_{worker_id}")
    subprocess.run(
        [postgres_tool("pg_restore"), "--no-owner", "--exit-on-error", *libpq_args(restored_url), str(dump)],
        check=True,
    )
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = restored_url
    config.INSTANCE_PATH = str(tmp_path / "instance")
    restored = build_app(config)
    try:
        with restored.app_context():
            assert db.session.scalar(select(Citizen.name).where(Citizen.public_id == jens_public_id)) == jens_name
        client = restored.test_client()
        sign_in_as(client, restored, staff(people, "karen"))
        html = page(client.get(f"/staff/citizens/{jens_public_id}?lang=en"))
        assert jens_name in html.h1.get_text()
    finally:
        with restored.app_context():
            db.session.remove()
            db.engine.dispose()
    assert os.path.getsize(dump) > 0


def test_the_restored_audit_log_is_still_append_only(app, postgres_url, tmp_path, worker_id):
    """Triggers and functions travel in the dump: the restored log refuses changes like the original."""
    from flask_migrate import upgrade

    fresh_url = recreate_database(postgres_url, f"selfservice_migrated_{worker_id}")
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = fresh_url
    config.INSTANCE_PATH = str(tmp_path / "instance")
    migrated = build_app(config)
    with migrated.app_context():
        upgrade()
        db.session.execute(text(AUDIT_INSERT))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    dump = tmp_path / "migrated.dump"
    subprocess.run([postgres_tool("pg_dump"), "-Fc", "--no-owner", "-f", str(dump), *libpq_args(fresh_url)], check=True)
    restored_url = recreate_database(postgres_url, f"selfservice_migrated_restored_{worker_id}")
    subprocess.run(
        [postgres_tool("pg_restore"), "--no-owner", "--exit-on-error", *libpq_args(restored_url), str(dump)], check=True
    )
    config.SQLALCHEMY_DATABASE_URI = restored_url
    restored = build_app(config)
    with restored.app_context():
        with pytest.raises(Exception, match="append-only"):
            db.session.execute(text("DELETE FROM audit_entry"))
            db.session.commit()
        db.session.rollback()
        assert db.session.scalar(text("SELECT count(*) FROM audit_entry")) == 1
        db.session.remove()
        db.engine.dispose()
