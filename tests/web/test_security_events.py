"""Security events are logged as one JSON line each, for operators, and never carry personal data (review F5)."""

import json
import logging
from datetime import timedelta

import pytest

from tests.helpers import citizen, csrf_token, security_events, sign_in_as
from tests.web.test_sessions import age_session

pytestmark = pytest.mark.db


@pytest.fixture
def events(caplog):
    caplog.set_level(logging.INFO, logger="selfservice.security")

    return lambda: security_events(caplog)


def test_a_citizen_trying_a_staff_page_is_logged_with_the_route_pattern_and_no_ids(app, client, people, events):
    sign_in_as(client, app, citizen(people, "amira"))
    client.get("/staff/citizens/abc123")
    denied = [e for e in events() if e["event"] == "access.denied"]
    assert denied == [
        {
            "event": "access.denied",
            "outcome": "refused",
            "route": "/staff/citizens/<public_id>",
            "method": "GET",
            "actor": f"citizen:{people['amira']}",
            "status": 403,
        }
    ]


def test_a_forged_form_post_is_logged_as_a_csrf_failure_without_the_token(app, client, people, events):
    csrf_token(client, "/login/code")
    client.post("/login/code", data={"csrf_token": "forged-token-value", "code": "ABCD-EFGH-JKLM"})
    failures = [e for e in events() if e["event"] == "csrf.failure"]
    assert len(failures) == 1 and failures[0]["route"] == "/login/code"
    assert "forged-token-value" not in json.dumps(events()) and "ABCD" not in json.dumps(events())


def test_hitting_a_rate_limit_is_logged(app, client, people, events, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_SIGNIN", "2 per minute")
    for _ in range(3):
        token = csrf_token(client, "/login/code")
        client.post("/login/code", data={"csrf_token": token, "code": "AAAA-BBBB-CCCC"}, check=False)
    hits = [e for e in events() if e["event"] == "ratelimit.hit"]
    assert len(hits) == 1 and hits[0]["status"] == 429 and hits[0]["limit"] == "2 per 1 minute"


def test_a_session_ended_for_inactivity_is_logged(app, client, people, events):
    sid = sign_in_as(client, app, citizen(people, "jens"))
    age_session(app, sid, idle=timedelta(minutes=31))
    client.get("/me/")
    ended = [e for e in events() if e["event"] == "session.ended"]
    assert ended and ended[0]["outcome"] == "expired" and ended[0]["reason"] == "idle"
    assert ended[0]["actor"] == f"citizen:{people['jens']}"


def test_an_unknown_api_token_is_logged(app, client, events):
    client.get("/api/v1/preparation-forms", headers={"Authorization": "Bearer ss_not-a-token"})
    assert [e["event"] for e in events()] == ["api.unauthorized"]
    assert "ss_not-a-token" not in json.dumps(events())


def test_no_event_ever_carries_names_e_mails_or_free_text(app, client, people, events):
    """The logger refuses fields outside its short list, so a careless caller cannot add a name."""
    from selfservice import securitylog

    with app.test_request_context("/"), pytest.raises(ValueError):
        securitylog.event("signin.failure", "refused", email="karen.holm@demokommune.dk")
