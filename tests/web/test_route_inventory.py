"""Every protected route against the two weaker kinds of browser (December 2026 review, F2 and F18).

A kiosk is a lobby screen strangers share, and an invitation-code session (a code and a date of birth) opens the
preparation form only. Rather than a list of paths to try, the tests walk the URL map: every route whose access
rule is CITIZEN, INVITED, STAFF or ADMIN is tried with each of its methods, so a new route is covered the day it is
added. The assistant's routes are public, so they are asked what they answer instead.
"""

import hashlib
import re

import pytest

from selfservice.access import ADMIN, CITIZEN, INVITED, STAFF
from selfservice.extensions import db
from selfservice.models import WebSession
from tests.helpers import citizen, csrf_token, page, sign_in_as
from tests.web.test_assistant import OWN_CASE_DATA, OWN_CASE_QUESTIONS
from tests.web.test_kiosk import activate

pytestmark = pytest.mark.db
PROTECTED = {CITIZEN, INVITED, STAFF, ADMIN}


def requests_for(app, rules: set[str]) -> list[tuple[str, str]]:
    """(method, path) for every route with one of these access rules; any value fills a `<public_id>`."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or getattr(app.view_functions[rule.endpoint], "access_rule", None) not in rules:
            continue
        path = re.sub(r"<any\(([^,)]+)[^>]*>", r"\1", rule.rule)  # <any(confirm, move, cancel):action> → confirm
        path = re.sub(r"<[^>]+>", "x1", path)
        found += [(method, path) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


@pytest.fixture
def without_csrf(app, monkeypatch):
    """The access rules are the question here, not CSRF (proved in test_security), which would answer a POST first."""
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)


def session_exists(app, sid: str) -> bool:
    with app.app_context():
        return db.session.get(WebSession, hashlib.sha256(sid.encode()).hexdigest()) is not None


def test_the_walk_covers_the_protected_routes(app):
    walked = requests_for(app, PROTECTED)
    assert len(walked) > 60
    assert ("GET", "/me/meetings/x1") in walked and ("POST", "/me/meetings/x1/confirm") in walked
    assert ("GET", "/staff/kiosks") in walked and ("GET", "/me/form/") in walked


def test_a_kiosk_is_sent_back_to_its_start_screen_from_every_protected_route(app, people, without_csrf):
    kiosk = app.test_client()
    activate(app, kiosk)
    for method, path in requests_for(app, PROTECTED):
        response = kiosk.open(path, method=method)
        assert response.status_code == 404 or response.headers.get("Location") == "/kiosk/", (method, path)


def test_a_kiosk_with_a_citizens_cookie_is_still_sent_back_and_the_session_ends(app, people, without_csrf):
    kiosk = app.test_client()
    activate(app, kiosk)
    for method, path in requests_for(app, PROTECTED):
        sid = sign_in_as(kiosk, app, citizen(people, "jens"))
        response = kiosk.open(path, method=method)
        assert response.status_code == 404 or response.headers.get("Location") == "/kiosk/", (method, path)
        assert not session_exists(app, sid), (method, path)


def test_a_kiosk_with_a_citizens_cookie_gets_the_assistant_as_anyone_does(app, people):
    kiosk = app.test_client()
    activate(app, kiosk)
    for question in OWN_CASE_QUESTIONS:
        sign_in_as(kiosk, app, citizen(people, "jens"))
        token = csrf_token(kiosk, "/assistant")
        kiosk.post("/assistant?lang=en", data={"csrf_token": token, "message": question})
        text = page(kiosk.get("/assistant?lang=en")).select("li.chat-turn")[-1].get_text(" ")
        sign_in_as(kiosk, app, citizen(people, "jens"))
        body = kiosk.post("/api/assistant", json={"message": question, "lang": "en"}).get_json()
        for answer in (text, body["text"]):
            assert not [fact for fact in OWN_CASE_DATA if fact in answer], question


def test_a_code_session_is_refused_every_citizen_route(app, people, without_csrf):
    browser = app.test_client()
    sign_in_as(browser, app, citizen(people, "reza"), method="invitation")
    for method, path in requests_for(app, {CITIZEN}):
        assert browser.open(path, method=method).status_code == 403, (method, path)
    assert browser.get("/me/form/").status_code == 200  # what the code is for still opens


def test_a_code_session_gets_no_own_case_answer_from_the_assistant(app, people):
    browser = app.test_client()
    sign_in_as(browser, app, citizen(people, "reza"), method="invitation")
    token = csrf_token(browser, "/assistant")
    for question in OWN_CASE_QUESTIONS:
        browser.post("/assistant?lang=en", data={"csrf_token": token, "message": question})
        turn = page(browser.get("/assistant?lang=en")).select("li.chat-turn")[-1].get_text(" ")
        body = browser.post(
            "/api/assistant", json={"message": question, "lang": "en"}, headers={"X-CSRFToken": token}
        ).get_json()
        for answer in (turn, body["text"], body.get("html", "")):
            assert not [fact for fact in OWN_CASE_DATA if fact in answer], question
        assert body["kind"] == "own_case" and "MitID" in body["text"], question
