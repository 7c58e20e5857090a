"""Local staff accounts need a second factor (security review F6), and unknown e-mails cost as much as known ones
(F14). Sign-in through the municipality's provider needs no second factor here: see test_signin.py."""

import hashlib
import json

import pyotp
import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from selfservice.auth import staff as staff_views
from selfservice.auth import totp
from selfservice.demo import DEMO_STAFF_PASSWORD
from selfservice.extensions import db, limiter
from selfservice.models import StaffUser, WebSession
from tests.helpers import new_session, page, security_events
from tests.second_factor import client_password_sign_in, hidden_fields, next_code, set_up_authenticator, shown_key

pytestmark = pytest.mark.db

KAREN = "karen.holm@demokommune.dk"


def karen(app) -> StaffUser:
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == KAREN))
        db.session.expunge(user)
        return user


def post_form(client, path, **data):
    fields = hidden_fields(client.get(path).get_data(as_text=True))
    return client.post(path, data=fields | data)


def password_step(client, email=KAREN, password=DEMO_STAFF_PASSWORD):
    return post_form(client, "/staff/login?lang=en", email=email, password=password)


def test_a_correct_password_alone_does_not_sign_in(app, client, people):
    response = password_step(client)
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/login/set-up"
    assert client.get("/staff/").headers["Location"].startswith("/staff/login")


def test_the_first_password_sign_in_sets_up_an_app_and_shows_ten_recovery_codes_once(app, client, people, caplog):
    password_step(client)
    set_up = client.get("/staff/login/set-up?lang=en")
    assert set_up.status_code == 200
    shown = page(set_up)
    assert shown.find("img", src=lambda src: src and src.startswith("data:image/svg+xml"))
    code_field = shown.find("input", attrs={"name": "code"})
    assert code_field["autocomplete"] == "one-time-code" and code_field["inputmode"] == "numeric"
    key = shown_key(set_up.get_data(as_text=True))
    assert len(key) == 32 and karen(app).totp_secret is None  # stored only once confirmed

    done = post_form(client, "/staff/login/set-up?lang=en", code=pyotp.TOTP(key).now())
    assert done.status_code == 200
    codes = [item.get_text(strip=True) for item in page(done).select("ol li code")]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/staff/").status_code == 200  # signed in now
    stored = karen(app)
    assert stored.totp_secret == key and stored.totp_confirmed_at is not None
    assert stored.recovery_code_hashes == [totp.recovery_code_hash(code) for code in codes]
    assert not any(code in json.dumps(stored.recovery_code_hashes) for code in codes)  # only hashes are kept
    assert {"mfa.enrolled", "signin.success"} <= {event["event"] for event in security_events(caplog)}


def test_a_wrong_code_while_setting_up_is_refused_and_counted(app, client, people):
    password_step(client)
    refused = post_form(client, "/staff/login/set-up?lang=en", code="000000")
    assert refused.status_code == 400
    assert "not correct" in refused.get_data(as_text=True)
    assert client.get("/staff/").status_code == 302
    assert karen(app).failed_logins == 1 and karen(app).totp_confirmed_at is None


def test_once_set_up_a_password_sign_in_asks_for_the_code_and_a_code_works_only_once(app, client, people, caplog):
    secret = set_up_authenticator(app, KAREN)
    after_password = post_form(client, "/staff/login?next=/staff/forms", email=KAREN, password=DEMO_STAFF_PASSWORD)
    assert after_password.headers["Location"] == "/staff/login/code"
    asked = client.get("/staff/login/code?lang=en")
    assert page(asked).find("input", attrs={"name": "code"})["autocomplete"] == "one-time-code"
    code = next_code(app, KAREN)
    done = post_form(client, "/staff/login/code", code=code)
    assert done.headers["Location"] == "/staff/forms"  # where they were going before signing in
    assert client.get("/staff/").status_code == 200
    success = [e for e in security_events(caplog) if e["event"] == "signin.success"]
    assert success == [success[0]] and success[0]["way"] == "totp" and success[0]["actor"].startswith("staff:")

    again = app.test_client()
    password_step(again)
    replayed = post_form(again, "/staff/login/code?lang=en", code=code)
    assert replayed.status_code == 400
    assert again.get("/staff/").status_code == 302
    assert secret not in json.dumps(security_events(caplog))


def test_a_recovery_code_signs_in_once(app, client, people):
    set_up_authenticator(app, KAREN)
    codes = totp.new_recovery_codes()
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == KAREN))
        user.recovery_code_hashes = [totp.recovery_code_hash(code) for code in codes]
        db.session.commit()
    password_step(client)
    typed = codes[3].lower().replace("-", " ")  # typed loosely, as people do
    done = post_form(client, "/staff/login/code?with=recovery", recovery_code=typed)
    assert done.headers["Location"] == "/staff/"
    assert len(karen(app).recovery_code_hashes) == 9

    again = app.test_client()
    password_step(again)
    refused = post_form(again, "/staff/login/code?with=recovery&lang=en", recovery_code=codes[3])
    assert refused.status_code == 400
    assert again.get("/staff/").status_code == 302


def test_wrong_codes_count_towards_the_lockout_and_lock_the_account(app, client, people, caplog):
    set_up_authenticator(app, KAREN)
    new_session(app, f"staff:{people['karen']}", "sso")  # Karen is signed in on another computer
    password_step(client)
    limiter.enabled = False  # this test is about the lockout, not the rate limit
    try:
        for _ in range(app.config["STAFF_LOCKOUT_ATTEMPTS"]):
            last = post_form(client, "/staff/login/code?lang=en", code="000000")
    finally:
        limiter.enabled = True
    assert last.status_code == 400
    assert "locked" in last.get_data(as_text=True)
    assert karen(app).locked_at is not None
    with app.app_context():
        assert db.session.scalar(select(WebSession).where(WebSession.user_key.like("staff:%"))) is None
    locks = [e for e in security_events(caplog) if e["event"] == "account.locked"]
    assert len(locks) == 1 and locks[0]["way"] == "totp"
    assert client.get("/staff/login/code").headers["Location"].startswith("/staff/login")


def test_the_step_after_the_password_runs_out(app, client, people, monkeypatch):
    set_up_authenticator(app, KAREN)
    monkeypatch.setattr(staff_views, "PENDING_SECONDS", -1)
    password_step(client)
    late = client.get("/staff/login/code")
    assert late.headers["Location"] == "/staff/login?reason=expired"
    assert "ran out" in client.get("/staff/login?reason=expired&lang=en").get_data(as_text=True)


def test_the_second_step_cannot_be_reached_without_the_password(app, client, people):
    set_up_authenticator(app, KAREN)
    assert client.get("/staff/login/code").headers["Location"] == "/staff/login"
    assert client.get("/staff/login/set-up").headers["Location"] == "/staff/login"


def test_the_session_id_changes_when_the_password_is_accepted(app, client, people):
    client.get("/staff/login")
    before = client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    password_step(client)
    assert client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value != before


def test_the_demo_staff_have_no_app_yet_so_their_first_sign_in_sets_one_up(app, people):
    with app.app_context():
        assert all(user.totp_confirmed_at is None for user in db.session.scalars(select(StaffUser)))


def test_an_administrator_resets_a_lost_authenticator_and_the_person_sets_up_a_new_one(app, client, people, caplog):
    set_up_authenticator(app, KAREN)
    sid = new_session(app, f"staff:{people['karen']}", "password")
    result = app.test_cli_runner().invoke(args=["users", "reset-2fa", "--email", "Karen.Holm@demokommune.dk"])
    assert result.exit_code == 0, result.output
    user = karen(app)
    assert user.totp_secret is None and user.totp_confirmed_at is None and user.recovery_code_hashes == []
    with app.app_context():
        assert db.session.get(WebSession, hashlib.sha256(sid.encode()).hexdigest()) is None
    assert password_step(client).headers["Location"] == "/staff/login/set-up"
    assert [e["target"] for e in security_events(caplog) if e["event"] == "mfa.reset"] == [user.get_id()]
    unknown = app.test_cli_runner().invoke(args=["users", "reset-2fa", "--email", "nobody@demokommune.dk"])
    assert unknown.exit_code != 0 and "No staff account" in unknown.output


def test_an_administrator_unlocks_a_locked_account(app, client, people):
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == KAREN))
        user.failed_logins, user.locked_at = 10, user.created_at
        db.session.commit()
    assert password_step(client).status_code == 400
    result = app.test_cli_runner().invoke(args=["users", "unlock", "--email", KAREN])
    assert result.exit_code == 0, result.output
    assert password_step(client).headers["Location"] == "/staff/login/set-up"


def test_client_helper_signs_in_with_password_and_code(app, client, people):
    set_up_authenticator(app, KAREN)
    assert client_password_sign_in(client, app, KAREN, DEMO_STAFF_PASSWORD).headers["Location"] == "/staff/"


# F14: the time a wrong password takes must not tell whether the e-mail has an account.


@pytest.fixture
def argon2_verifications(monkeypatch):
    seen = []
    original = PasswordHasher.verify

    def counting(self, stored_hash, password):
        seen.append(stored_hash)
        return original(self, stored_hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    return seen


def test_an_unknown_e_mail_costs_one_argon2_verification_like_a_known_one(app, client, people, argon2_verifications):
    unknown = password_step(client, email="nobody.here@demokommune.dk", password="wrong password")
    assert unknown.status_code == 400
    assert "not correct" in unknown.get_data(as_text=True)
    assert len(argon2_verifications) == 1 and argon2_verifications[0].startswith("$argon2id$")
    known = password_step(app.test_client(), password="wrong password")
    assert known.status_code == 400
    assert len(argon2_verifications) == 2


def test_an_account_without_a_password_costs_the_same_and_cannot_be_locked_by_guessing(
    app, client, people, argon2_verifications
):
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == KAREN))
        user.password_hash = None  # signs in only through the municipality
        db.session.commit()
    assert password_step(client, password="a guess").status_code == 400
    assert len(argon2_verifications) == 1
    assert karen(app).failed_logins == 0


def test_security_events_name_the_account_by_its_key_never_by_e_mail(app, client, people, caplog):
    password_step(client, password="wrong password")
    password_step(client, email="nobody.here@demokommune.dk", password="wrong password")
    failures = [e for e in security_events(caplog) if e["event"] == "signin.failure"]
    assert [(e["outcome"], e["way"]) for e in failures] == [
        ("wrong_password", "password"),
        ("unknown_account", "password"),
    ]
    assert failures[0]["actor"] == f"staff:{people['karen']}" and failures[0]["attempts"] == 1
    assert failures[1]["actor"] == "anonymous"
    assert "demokommune" not in caplog.text and "wrong password" not in caplog.text
