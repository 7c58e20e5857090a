"""Command-line tools an operator uses."""

import pytest
from sqlalchemy import func, select

from selfservice.extensions import db
from selfservice.models import Citizen, Invitation, StaffUser, Team
from tests.helpers import csrf_token

pytestmark = pytest.mark.db


def counts(app):
    with app.app_context():
        return tuple(
            db.session.scalar(select(func.count()).select_from(m)) for m in (Team, Citizen, StaffUser, Invitation)
        )


def test_demo_seed_creates_the_demo_people_and_is_idempotent(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "seed"])
    assert first.exit_code == 0 and "Amira Hassan" in first.output
    after_first = counts(app)
    second = runner.invoke(args=["demo", "seed"])
    assert second.exit_code == 0 and "nothing changed" in second.output
    # Teams, citizens (the four demo people and Team Nord's caseload of 22), staff, invitation codes (Reza's and the
    # caseload's code about to expire).
    assert counts(app) == after_first == (2, 26, 3, 2)


def test_users_create_makes_a_local_account_that_can_sign_in(app, client):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "--email", "Mette@Kommune.dk", "--name", "Mette", "--team", "Team Vest"],
        input="a long enough password\na long enough password\n",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == "mette@kommune.dk"))
        assert user.password_hash.startswith("$argon2id$")
        assert user.team.name == "Team Vest"
    token = csrf_token(client, "/staff/login")
    response = client.post(
        "/staff/login", data={"csrf_token": token, "email": "mette@kommune.dk", "password": "a long enough password"}
    )
    # The password is right; a new account then sets up its authenticator app before it is signed in.
    assert response.headers["Location"] == "/staff/login/set-up"
    assert client.get("/staff/login/set-up").status_code == 200


def test_users_create_refuses_short_passwords_and_duplicates(app):
    runner = app.test_cli_runner()
    short = runner.invoke(args=["users", "create", "--email", "a@b.dk", "--name", "A"], input="short\nshort\n")
    assert short.exit_code != 0
    ok = runner.invoke(
        args=["users", "create", "--email", "a@b.dk", "--name", "A"], input="x" * 12 + "\n" + "x" * 12 + "\n"
    )
    assert ok.exit_code == 0
    again = runner.invoke(
        args=["users", "create", "--email", "a@b.dk", "--name", "A"], input="x" * 12 + "\n" + "x" * 12 + "\n"
    )
    assert again.exit_code != 0 and "already exists" in again.output
