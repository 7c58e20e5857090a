"""Browser fixtures: Debian's chromium driven by Playwright (no browser download), against the live server."""

import pytest

from tests.helpers import new_session

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
    """The session record a sign-in writes (sign-in itself is tested end to end elsewhere), as a browser cookie."""
    return {"name": app.config["SESSION_COOKIE_NAME"], "value": new_session(app, user_key, method), "url": live_server}
