"""Server-side sessions: idle and absolute timeouts, a new id at sign-in, and sign-out that ends it everywhere."""

import hashlib
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select, update

from selfservice.extensions import db
from selfservice.models import WebSession, utcnow
from tests.factories import make_citizen
from tests.helpers import csrf_token, seed_people, sign_in_as

pytestmark = pytest.mark.db


def age_session(app, sid, *, idle=None, created=None):
    with app.app_context():
        key = hashlib.sha256(sid.encode()).hexdigest()
        values = {}
        if idle is not None:
            values["last_seen_at"] = utcnow() - idle
        if created is not None:
            values["created_at"] = utcnow() - created
        db.session.execute(update(WebSession).where(WebSession.id_hash == key).values(**values))
        db.session.commit()


def session_count(app):
    with app.app_context():
        return len(db.session.scalars(select(WebSession.id_hash)).all())


@pytest.fixture
def someone(app):
    """Any citizen, by their session key: these tests are about the session, not about whose it is."""
    with app.app_context():
        return make_citizen().get_id()


def test_after_30_idle_minutes_the_server_has_ended_the_session_and_says_what_was_saved(app, client, someone):
    sid = sign_in_as(client, app, someone)
    assert client.get("/me/").status_code == 200
    age_session(app, sid, idle=timedelta(minutes=31))
    response = client.get("/me/?lang=en")
    assert response.headers["Location"] == "/signed-out?reason=timeout"
    page = BeautifulSoup(client.get(response.headers["Location"] + "&lang=en").data, "html.parser")
    assert "saved" in page.get_text()
    assert client.get("/me/").headers["Location"].startswith("/login")
    assert session_count(app) == 0


def test_activity_keeps_the_session_alive_within_the_idle_limit(app, client, someone):
    sid = sign_in_as(client, app, someone)
    age_session(app, sid, idle=timedelta(minutes=29))
    assert client.get("/me/").status_code == 200
    age_session(app, sid, idle=timedelta(minutes=2))
    assert client.get("/me/").status_code == 200


def test_after_12_hours_the_session_ends_even_with_activity(app, client, someone):
    sid = sign_in_as(client, app, someone)
    age_session(app, sid, idle=timedelta(minutes=1), created=timedelta(hours=12, minutes=1))
    assert client.get("/me/").headers["Location"] == "/signed-out?reason=timeout"


def test_sign_out_deletes_the_server_record_and_clears_the_browser(app, client, someone):
    sid = sign_in_as(client, app, someone)
    token = csrf_token(client, "/me/")
    response = client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert session_count(app) == 0
    # The old cookie, replayed (for example from another instance or a copied cookie), is worth nothing.
    client.set_cookie(app.config["SESSION_COOKIE_NAME"], sid)
    assert client.get("/me/").status_code == 302


def test_the_keepalive_used_by_the_timeout_dialog_needs_a_signed_in_session_and_a_csrf_token(app, client, someone):
    assert client.post("/session/keepalive").status_code == 400
    sign_in_as(client, app, someone)
    token = csrf_token(client, "/me/")
    response = client.post("/session/keepalive", headers={"X-CSRFToken": token})
    assert response.status_code == 200
    assert response.get_json()["idle_seconds"] == 1800


def test_signed_in_pages_carry_the_timeout_dialog_with_the_servers_limits(app, client, someone):
    sign_in_as(client, app, someone)
    dialog = BeautifulSoup(client.get("/me/").data, "html.parser").find("dialog", id="timeout-dialog")
    assert dialog["data-idle-seconds"] == "1800"
    assert dialog["data-warning-seconds"] == "120"


def test_signing_out_after_the_server_ended_the_session_just_says_signed_out(app, client, someone):
    sid = sign_in_as(client, app, someone)
    token = csrf_token(client, "/me/")
    age_session(app, sid, idle=timedelta(minutes=31))
    response = client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/signed-out")


# F9: a session opened with an invitation code lives only as long as the code.


def sign_in_with_the_demo_code(client):
    from selfservice.demo import DEMO_CODE

    token = csrf_token(client, "/login/code")
    response = client.post(
        "/login/code",
        data={"csrf_token": token, "code": DEMO_CODE, "birth_day": 14, "birth_month": 2, "birth_year": 1995},
    )
    assert response.status_code == 302 and response.headers["Location"].startswith("/me/")
    assert client.get("/me/form/").status_code == 200


def test_a_new_code_from_the_caseworker_ends_the_session_opened_with_the_old_one(app, client, caplog):
    from selfservice.models import Citizen
    from tests.helpers import staff

    people = seed_people(app)
    sign_in_with_the_demo_code(client)
    caseworker = app.test_client()
    sign_in_as(caseworker, app, staff(people, "karen"))
    with app.app_context():
        reza = db.session.get(Citizen, people["reza"]).public_id
    token = csrf_token(caseworker, f"/staff/citizens/{reza}")
    assert caseworker.post(f"/staff/citizens/{reza}/invitation", data={"csrf_token": token}).status_code == 200

    ended = client.get("/me/form/")
    assert ended.headers["Location"] == "/signed-out?reason=code"
    page = BeautifulSoup(client.get("/signed-out?reason=code&lang=en").data, "html.parser")
    assert "no longer works" in page.get_text()
    assert page.find("a", href="/login/code")  # sign in again with the new code
    assert client.get("/me/form/").headers["Location"].startswith("/login")
    with app.app_context():
        assert db.session.scalar(select(WebSession).where(WebSession.user_key == f"citizen:{people['reza']}")) is None
    assert '"reason": "code_revoked"' in caplog.text


def test_a_session_opened_with_a_code_ends_when_the_code_expires(app, client):
    from selfservice.models import Invitation

    seed_people(app)
    sign_in_with_the_demo_code(client)
    with app.app_context():
        db.session.execute(update(Invitation).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    assert client.get("/assistant").headers["Location"] == "/signed-out?reason=code"
    assert client.get("/me/form/").headers["Location"].startswith("/login")


def test_a_session_opened_with_a_code_carries_on_while_the_code_is_valid(app, client):
    seed_people(app)
    sign_in_with_the_demo_code(client)
    assert client.get("/me/form/").status_code == 200
    assert client.get("/me/").status_code == 200


def test_signing_out_is_logged_as_the_end_of_the_session(app, client, someone, caplog):
    sign_in_as(client, app, someone)
    token = csrf_token(client, "/me/")
    client.post("/logout", data={"csrf_token": token})
    ended = [line for line in caplog.messages if '"session.ended"' in line]
    assert len(ended) == 1 and '"reason": "signout"' in ended[0] and f'"actor": "{someone}"' in ended[0]
