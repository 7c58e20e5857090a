"""Sign-in rate limits count per person, not per proxy, and per account too (security review F4)."""

import pytest

from selfservice.config import TestConfig
from tests.conftest import CheckingClient
from tests.helpers import build_app, csrf_token

pytestmark = pytest.mark.db

LOW = "3 per minute"


@pytest.fixture
def behind_proxy(test_config, app):
    """The same database, served as the README deploys it: behind one TLS proxy that sets X-Forwarded-For."""
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = test_config.SQLALCHEMY_DATABASE_URI
    config.INSTANCE_PATH = test_config.INSTANCE_PATH
    config.TRUSTED_PROXIES = 1
    config.RATELIMIT_SIGNIN = LOW
    proxied = build_app(config)
    proxied.test_client_class = CheckingClient
    yield proxied
    from selfservice.extensions import limiter

    limiter.init_app(app)  # one Limiter object: its storage goes back to the test app


def attempt(client, path, address, **data):
    token = csrf_token(client, path)
    headers = {"X-Forwarded-For": address} if address else {}
    return client.post(path, data={"csrf_token": token, **data}, headers=headers, check=False).status_code


def test_behind_the_proxy_one_person_cannot_block_sign_in_for_everyone(behind_proxy):
    attacker, neighbour = behind_proxy.test_client(), behind_proxy.test_client()
    codes = [f"AAAA-BBBB-CC{n}{n}" for n in range(4)]
    statuses = [attempt(attacker, "/login/code", "203.0.113.7", code=code) for code in codes]
    assert statuses[-1] == 429
    assert attempt(neighbour, "/login/code", "198.51.100.9", code="DDDD-EEEE-FFFF") != 429


def test_without_a_trusted_proxy_a_made_up_x_forwarded_for_changes_nothing(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_SIGNIN", LOW)
    statuses = [attempt(client, "/login/code", f"192.0.2.{n}", code=f"AAAA-BBBB-CC{n}{n}") for n in range(4)]
    assert statuses[-1] == 429


def test_guesses_at_one_staff_account_from_many_addresses_are_limited(behind_proxy):
    client = behind_proxy.test_client()
    email = "karen.holm@demokommune.dk"
    statuses = [attempt(client, "/staff/login", f"203.0.113.{n}", email=email, password=f"wrong-{n}") for n in range(4)]
    assert statuses[:3] == [400, 400, 400] and statuses[3] == 429
    # Someone else's account, from a fresh address, is not affected.
    assert attempt(client, "/staff/login", "203.0.113.99", email="peter.lund@demokommune.dk", password="x") == 400


def test_guesses_at_one_invitation_code_from_many_addresses_are_limited(behind_proxy):
    client = behind_proxy.test_client()
    statuses = [attempt(client, "/login/code", f"203.0.113.{n}", code="AAAA-BBBB-CCCC") for n in range(4)]
    assert statuses[3] == 429
    assert attempt(client, "/login/code", "203.0.113.99", code="DDDD-EEEE-FFFF") != 429
