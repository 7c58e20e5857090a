"""The lockout counters hold when wrong guesses arrive at the same moment (security review F3).

Each guesser is a separate browser (its own session and CSRF token) against the app served over HTTP on loopback;
a barrier releases all their requests together, as a script firing in parallel would.
"""

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from sqlalchemy import select

from selfservice.demo import DEMO_CODE, DEMO_STAFF_PASSWORD
from selfservice.extensions import db
from selfservice.models import Invitation, StaffUser, WebSession
from selfservice.rules import invitations
from selfservice.rules.invitations import code_hash
from tests.helpers import new_session, security_events, seed_people
from tests.second_factor import hidden_fields

pytestmark = pytest.mark.db

PETER = "peter.lund@demokommune.dk"


@pytest.fixture
def no_rate_limit_in_the_way(app, monkeypatch):
    """The sign-in rate limit (read on every request) would refuse most of the burst before the counter is reached."""
    monkeypatch.setitem(app.config, "RATELIMIT_SIGNIN", "100000 per minute")


def browsers_on(url: str, count: int) -> list[tuple[requests.Session, dict]]:
    """Separate browsers that have each opened the sign-in form (so each has its own session and token)."""
    ready = []
    for _ in range(count):
        browser = requests.Session()
        ready.append((browser, hidden_fields(browser.get(url, timeout=30).text)))
    return ready


def all_at_once(browsers, url: str, data: dict) -> list[int]:
    barrier = threading.Barrier(len(browsers))

    def post(pair):
        browser, fields = pair
        barrier.wait(timeout=30)
        return browser.post(url, data=fields | data, timeout=60, allow_redirects=False).status_code

    with ThreadPoolExecutor(max_workers=len(browsers)) as pool:
        statuses = list(pool.map(post, browsers))
    for browser, _ in browsers:
        browser.close()
    return statuses


def test_sixteen_wrong_dates_at_once_lock_the_code_and_the_right_date_then_no_longer_works(
    live_server, app, no_rate_limit_in_the_way
):
    seed_people(app)
    url = live_server + "/login/code?lang=en"
    wrong = {"code": DEMO_CODE, "birth_day": 15, "birth_month": 2, "birth_year": 1995}
    statuses = all_at_once(browsers_on(url, 16), url, wrong)
    assert statuses == [400] * 16
    with app.app_context():
        invitation = db.session.scalar(select(Invitation).where(Invitation.code_hash == code_hash(DEMO_CODE)))
        assert invitation.failed_attempts == invitations.MAX_FAILED_ATTEMPTS
    with requests.Session() as reza:
        form = hidden_fields(reza.get(url, timeout=30).text)
        right = reza.post(url, data=form | wrong | {"birth_day": 14}, timeout=30)
        assert right.status_code == 400
        assert "do not match" in right.text
        assert reza.get(live_server + "/me/", allow_redirects=False).status_code == 302


def test_thirty_wrong_passwords_at_once_lock_the_account_once_and_end_its_sessions(
    live_server, app, no_rate_limit_in_the_way, caplog
):
    people = seed_people(app)
    limit = app.config["STAFF_LOCKOUT_ATTEMPTS"]
    new_session(app, f"staff:{people['peter']}", "sso")  # Peter is signed in elsewhere
    url = live_server + "/staff/login?lang=en"
    statuses = all_at_once(browsers_on(url, 30), url, {"email": PETER, "password": "not the password"})
    assert statuses == [400] * 30
    with app.app_context():
        peter = db.session.scalar(select(StaffUser).where(StaffUser.email == PETER))
        assert peter.locked_at is not None
        assert peter.failed_logins == limit
        assert db.session.scalar(select(WebSession).where(WebSession.user_key == peter.get_id())) is None
    with requests.Session() as browser:
        form = hidden_fields(browser.get(url, timeout=30).text)
        right = browser.post(url, data=form | {"email": PETER, "password": DEMO_STAFF_PASSWORD}, timeout=30)
    assert right.status_code == 400
    assert "locked" in right.text
    events = security_events(caplog)
    assert [e["attempts"] for e in events if e["event"] == "account.locked"] == [limit]
    assert all(PETER not in json.dumps(e) for e in events)
