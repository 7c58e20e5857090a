"""Shared test helpers: demo people, and a signed-in session for tests that are not about signing in.

The sign-in flows themselves are driven end to end in tests/web/test_signin.py against the built-in provider;
here we only write the same server-side session record that a sign-in writes, to keep other tests fast.
"""

import hashlib
import json
import secrets

from sqlalchemy import select

from selfservice.demo import seed
from selfservice.extensions import db
from selfservice.models import Citizen, StaffUser, WebSession


def seed_people(app) -> dict[str, int]:
    """Seed the demo people; return their ids by first name (lower case)."""
    with app.app_context():
        seed()
        people = {c.name.split()[0].lower(): c.id for c in db.session.scalars(select(Citizen))}
        people |= {s.name.split()[0].lower(): s.id for s in db.session.scalars(select(StaffUser))}
        return people


def sign_in_as(client, app, user_key: str, method: str = "mitid") -> str:
    """user_key is "citizen:<id>" or "staff:<id>"."""
    sid = new_session(app, user_key, method)
    client.set_cookie(app.config["SESSION_COOKIE_NAME"], sid)
    return sid


def new_session(app, user_key: str, method: str = "mitid") -> str:
    """Write the server-side session record a sign-in writes; return the id the cookie carries."""
    sid = secrets.token_urlsafe(32)
    with app.app_context():
        data = {"_user_id": user_key, "_fresh": True, "auth_method": method}
        if method == "invitation":
            data["invitation_id"] = usable_invitation(int(user_key.split(":")[1]))
        db.session.add(
            WebSession(id_hash=hashlib.sha256(sid.encode()).hexdigest(), data=json.dumps(data), user_key=user_key)
        )
        db.session.commit()
    return sid


def usable_invitation(citizen_id: int) -> int:
    """A code session always comes from a code: the citizen's usable one, or a new one (inside an app context)."""
    from datetime import timedelta

    from selfservice.models import Invitation, utcnow
    from selfservice.rules.invitations import code_hash, new_code

    now = utcnow()
    invitation = db.session.scalar(
        select(Invitation).where(
            Invitation.citizen_id == citizen_id, Invitation.revoked_at.is_(None), Invitation.expires_at > now
        )
    )
    if invitation is None:
        invitation = Invitation(
            citizen_id=citizen_id, code_hash=code_hash(new_code()), expires_at=now + timedelta(days=14)
        )
        db.session.add(invitation)
        db.session.flush()
    return invitation.id


def citizen(people, name):
    return f"citizen:{people[name]}"


def staff(people, name):
    return f"staff:{people[name]}"


def recreate_database(base_url: str, name: str) -> str:
    """A fresh PostgreSQL database beside the one in base_url; returns its URL."""
    from sqlalchemy import create_engine, text

    engine = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base_url.rsplit("/", 1)[0] + "/" + name


def csrf_token(client, path: str) -> str:
    """The token a person's browser would have from the form page."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    return page.find("input", attrs={"name": "csrf_token"})["value"]


def security_events(caplog) -> list[dict]:
    """The security events logged so far, one JSON object per log line (selfservice/securitylog.py)."""
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "selfservice.security"]


def page(response):
    """The response's HTML, parsed, to ask what a person would see."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


BUILT_APPS: list = []


def build_app(config):
    """An app of a test's own (another configuration); its database pool is closed after the test (conftest), so
    no connection is left for the garbage collector to close at some later test."""
    from selfservice import create_app

    app = create_app(config)
    BUILT_APPS.append(app)
    return app
