"""Browser fixtures: Debian's chromium driven by Playwright (no browser download), against the live server."""

import hashlib
import json
import secrets

import pytest

from selfservice.extensions import db
from selfservice.models import WebSession

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_context(chromium, live_server):
    contexts = []

    def make(**kwargs):
        options = {"base_url": live_server, "viewport": {"width": 360, "height": 740}} | kwargs
        context = chromium.new_context(**options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


def signed_in_cookie(app, live_server, user_key: str, method: str = "mitid") -> dict:
    """The session record a sign-in writes (sign-in itself is tested end to end elsewhere)."""
    sid = secrets.token_urlsafe(32)
    with app.app_context():
        db.session.add(
            WebSession(
                id_hash=hashlib.sha256(sid.encode()).hexdigest(),
                data=json.dumps({"_user_id": user_key, "_fresh": True, "auth_method": method}),
                user_key=user_key,
            )
        )
        db.session.commit()
    return {"name": app.config["SESSION_COOKIE_NAME"], "value": sid, "url": live_server}
