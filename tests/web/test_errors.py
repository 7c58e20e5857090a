"""Errors never show a stack trace, and a database outage gives a friendly 503."""

import pytest
from bs4 import BeautifulSoup

from selfservice.config import TestConfig
from tests.helpers import build_app, csrf_token

pytestmark = pytest.mark.db


def test_a_crash_shows_a_calm_500_page_without_a_stack_trace(test_config):
    app = build_app(test_config)
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom?lang=so")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Traceback" not in body and "secret internals" not in body and "RuntimeError" not in body
    assert BeautifulSoup(body, "html.parser").find("html")["lang"] == "so"


def test_an_unreachable_database_gives_503_on_healthz_and_pages(tmp_path):
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path}/missing-dir/db.sqlite"
    config.INSTANCE_PATH = str(tmp_path / "instance")
    app = build_app(config)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.get_json()["db"] == "unreachable"
    client.set_cookie(app.config["SESSION_COOKIE_NAME"], "some-old-session")
    page = client.get("/login?lang=da")
    assert page.status_code == 503
    assert "Traceback" not in page.get_data(as_text=True)


def test_too_many_sign_in_attempts_give_a_429_page_in_the_citizens_language(client):
    token = csrf_token(client, "/login/code")
    guess = {"csrf_token": token, "code": "AAAA-BBBB-CCCC", "birth_day": 1, "birth_month": 1, "birth_year": 1990}
    responses = [client.post("/login/code?lang=tr", data=guess, check=False) for _ in range(12)]
    assert responses[0].status_code == 400  # a wrong code: answered, and counted
    assert responses[-1].status_code == 429
    page = BeautifulSoup(responses[-1].get_data(as_text=True), "html.parser")
    assert page.find("html")["lang"] == "tr"
