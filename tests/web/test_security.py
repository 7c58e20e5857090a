"""Security headers, CSRF, cookies, and the route inventory: every route has an access rule."""

import re

import pytest

from selfservice.access import ADMIN, CITIZEN, DEMO, INVITED, PUBLIC, STAFF
from selfservice.api.auth import API
from tests.helpers import citizen, csrf_token, seed_people, sign_in_as

pytestmark = pytest.mark.db

FORM_PAGES = ["/", "/continue", "/check", "/submit", "/receipt", "/saved", "/note", "/<slug>", "/<slug>/autosave"]
# A snapshot of the route list, so that a route cannot vanish (or appear) unnoticed.
EXPECTED_ROUTES = {
    ("/", PUBLIC),
    ("/accessibility", PUBLIC),
    ("/privacy", PUBLIC),
    ("/contact", PUBLIC),
    ("/healthz", PUBLIC),
    ("/login", PUBLIC),
    ("/login/mitid", PUBLIC),
    ("/login/callback", PUBLIC),
    ("/login/code", PUBLIC),
    ("/staff/login", PUBLIC),
    ("/staff/login/sso", PUBLIC),
    ("/staff/login/callback", PUBLIC),
    ("/staff/login/code", PUBLIC),
    ("/staff/login/set-up", PUBLIC),
    ("/logout", PUBLIC),
    ("/signed-out", PUBLIC),
    ("/session/keepalive", PUBLIC),
    ("/me/", INVITED),
    ("/me/access-log", CITIZEN),
    ("/me/what-applies", CITIZEN),
    ("/me/what-applies/change", CITIZEN),
    ("/me/what-applies/ask/<key>", CITIZEN),
    ("/me/what-applies/asked", CITIZEN),
    ("/what-applies", PUBLIC),
    ("/what-applies/restart", PUBLIC),
    ("/what-applies/<key>", PUBLIC),
    ("/what-applies/result", PUBLIC),
    ("/staff/", STAFF),
    ("/staff/citizens", STAFF),
    ("/staff/citizens/new", STAFF),
    ("/staff/citizens/<public_id>/team-meetings/new", STAFF),
    ("/staff/team-meetings/<public_id>", STAFF),
    ("/staff/team-meetings/<public_id>/notes", STAFF),
    ("/staff/team-meetings/<public_id>/record", STAFF),
    ("/staff/team-meetings/<public_id>/minutes", STAFF),
    ("/staff/citizens/<public_id>", STAFF),
    ("/staff/citizens/<public_id>/invitation", STAFF),
    ("/staff/forms", STAFF),
    ("/staff/forms/<reference>", STAFF),
    ("/staff/forms/<reference>/status", STAFF),
    ("/staff/forms/<reference>/notes", STAFF),
    ("/staff/forms/<reference>/print", STAFF),
    *[(f"/me/form{path}", INVITED) for path in FORM_PAGES],
    *[(f"/staff/citizens/<public_id>/form{path}", STAFF) for path in FORM_PAGES if path != "/note"],
    ("/me/form/together", INVITED),  # the citizen shows a code to fill in together
    ("/staff/citizens/<public_id>/form/join", STAFF),  # the caseworker types it
    ("/me/meetings/", CITIZEN),
    ("/me/meetings/<public_id>", CITIZEN),
    ("/me/meetings/<public_id>/calendar.ics", CITIZEN),
    ("/me/meetings/<public_id>/<any(confirm, move, cancel):action>", CITIZEN),
    ("/me/meetings/requests/<public_id>", CITIZEN),
    ("/staff/inbox", STAFF),
    ("/staff/requests/<public_id>/handle", STAFF),
    ("/staff/citizens/<public_id>/meetings/new", STAFF),
    ("/staff/meetings/<public_id>/edit", STAFF),
    ("/staff/meetings/<public_id>/cancel", STAFF),
    ("/me/plan/", CITIZEN),
    ("/me/plan/print", CITIZEN),
    ("/me/plan/history", CITIZEN),
    ("/me/plan/minutes/<public_id>", CITIZEN),
    ("/staff/citizens/<public_id>/plan", STAFF),
    ("/staff/citizens/<public_id>/plan/goal", STAFF),
    ("/staff/citizens/<public_id>/plan/activities/new", STAFF),
    ("/staff/plan/activities/<public_id>/edit", STAFF),
    ("/staff/citizens/<public_id>/plan/publish", STAFF),
    ("/staff/citizens/<public_id>/minutes/new", STAFF),
    ("/me/consents", CITIZEN),
    ("/me/settings", CITIZEN),
    ("/me/settings/calendar", CITIZEN),
    ("/me/calendar/<token>.ics", PUBLIC),
    ("/me/messages/", CITIZEN),
    ("/me/messages/draft", CITIZEN),
    ("/staff/citizens/<public_id>/messages", STAFF),
    ("/staff/citizens/<public_id>/messages/draft", STAFF),
    ("/api/v1/openapi.json", PUBLIC),
    ("/api/v1/citizens/<external_id>", API),
    ("/api/v1/citizens/<external_id>/plan", API),
    ("/api/v1/meetings/<external_id>", API),
    ("/api/v1/meetings/<external_id>/cancel", API),
    ("/api/v1/preparation-forms", API),
    ("/api/v1/preparation-forms/<reference>", API),
    ("/api/v1/preparation-forms/<reference>/acknowledge", API),
    ("/dev-idp/.well-known/openid-configuration", DEMO),
    ("/dev-idp/jwks", DEMO),
    ("/dev-idp/authorize", DEMO),
    ("/dev-idp/token", DEMO),
    ("/dev-idp/userinfo", DEMO),
    ("/guides", PUBLIC),
    ("/guides/<slug>", PUBLIC),
    ("/staff/content", ADMIN),
    ("/staff/content/<slug>/review", ADMIN),
    ("/self-checks/<name>", PUBLIC),
    ("/self-checks/<name>/restart", PUBLIC),
    ("/self-checks/<name>/<key>", PUBLIC),
    ("/self-checks/<name>/result", PUBLIC),
    ("/assistant", PUBLIC),
    ("/assistant/turns/<public_id>/feedback", PUBLIC),
    ("/assistant/turns/<public_id>/send", CITIZEN),
    ("/assistant/delete", PUBLIC),
    ("/api/assistant", PUBLIC),
    ("/api/assistant/openapi.json", PUBLIC),
    ("/staff/assistant", ADMIN),
    ("/kiosk/", PUBLIC),
    ("/kiosk/language/<code>", PUBLIC),
    ("/kiosk/menu", PUBLIC),
    ("/kiosk/check-in", PUBLIC),
    ("/kiosk/check-in/scan", PUBLIC),
    ("/kiosk/check-in/done", PUBLIC),
    ("/kiosk/help", PUBLIC),
    ("/kiosk/finish", PUBLIC),
    ("/kiosk/activate/<token>", PUBLIC),
    ("/staff/kiosks", ADMIN),
    ("/staff/kiosks/<public_id>/revoke", ADMIN),
    ("/staff/kiosks/<public_id>/activation", ADMIN),
    ("/staff/front-desk", STAFF),
    ("/staff/front-desk/<public_id>/handled", STAFF),
    ("/staff/today", STAFF),
}


def test_every_route_declares_who_may_reach_it(app):
    missing = [
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        and getattr(app.view_functions[rule.endpoint], "access_rule", None)
        not in {PUBLIC, CITIZEN, INVITED, STAFF, ADMIN, DEMO, API}
    ]
    assert missing == []


def test_the_route_list_matches_the_snapshot(app):
    routes = {
        (rule.rule, app.view_functions[rule.endpoint].access_rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
    }
    assert routes == EXPECTED_ROUTES


def test_every_route_sends_the_security_headers(app, client):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or "<" in rule.rule:
            continue
        response = client.get(rule.rule, check=False)
        csp = response.headers.get("Content-Security-Policy", "")
        assert "object-src 'none'" in csp, rule.rule
        assert "base-uri 'none'" in csp and "frame-ancestors 'none'" in csp, rule.rule
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, rule.rule
        assert response.headers["X-Content-Type-Options"] == "nosniff", rule.rule
        assert response.headers["Referrer-Policy"], rule.rule


def test_scripts_run_only_with_a_fresh_nonce_per_response(app, client):
    people = seed_people(app)
    sign_in_as(client, app, citizen(people, "jens"))
    first = client.get("/me/")
    second = client.get("/me/")
    nonce = re.search(r"'nonce-([^']+)'", first.headers["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in first.get_data(as_text=True)
    assert nonce not in second.headers["Content-Security-Policy"]


def test_a_form_post_without_a_csrf_token_is_refused(app, client):
    response = client.post("/staff/login", data={"email": "karen.holm@demokommune.dk", "password": "x"})
    assert response.status_code == 400


def test_signed_in_pages_are_never_cached(app, client):
    people = seed_people(app)
    sign_in_as(client, app, citizen(people, "jens"))
    assert client.get("/me/").headers["Cache-Control"] == "no-store"


def test_the_session_cookie_is_httponly_and_samesite_lax(app, client):
    seed_people(app)
    token = csrf_token(client, "/staff/login")
    assert token
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    assert cookie.http_only
    assert cookie.same_site == "Lax"


@pytest.fixture
def restore_limiter(app):
    """Flask-Limiter keeps one storage per Limiter object: give it back to the test app after another app."""
    yield
    from selfservice.extensions import limiter

    limiter.init_app(app)


def test_production_cookies_are_secure_and_host_prefixed_and_hsts_is_sent(test_config, monkeypatch, restore_limiter):
    from selfservice.config import ProductionConfig
    from tests.helpers import build_app

    monkeypatch.setenv("SELFSERVICE_SECRET_KEY", "p" * 40)
    monkeypatch.setenv("SELFSERVICE_BASE_URL", "https://selvbetjening.example")
    monkeypatch.setenv("SELFSERVICE_RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("SELFSERVICE_DATABASE_URL", test_config.SQLALCHEMY_DATABASE_URI)
    monkeypatch.setenv("SELFSERVICE_INSTANCE_PATH", test_config.INSTANCE_PATH)
    monkeypatch.delenv("SELFSERVICE_DEMO_MODE", raising=False)
    app = build_app(ProductionConfig())
    client = app.test_client()
    response = client.get("/staff/login", base_url="https://selvbetjening.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    set_cookie = response.headers["Set-Cookie"]
    assert set_cookie.startswith("__Host-selfservice_session=")
    assert "Secure" in set_cookie and "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie
    assert "/dev-idp/jwks" not in {rule.rule for rule in app.url_map.iter_rules()}


def test_reading_without_a_session_may_be_cached_but_nothing_built_from_one(app, client):
    """The rule in security._is_personal: no session, nothing personal; a session with anything in it, no-store."""
    for path in ["/", "/guides", "/guides/bisidder"]:
        response = client.get(path)
        assert "Set-Cookie" not in response.headers, path  # these pages start no session
        assert response.headers.get("Cache-Control") != "no-store", path
    token = csrf_token(client, "/assistant")  # a form: the session now holds its CSRF token
    assert token and client.get("/assistant").headers["Cache-Control"] == "no-store"


def test_static_files_are_sent_with_nosniff_and_a_policy_of_their_own(client):
    """Review F19: static files never pass Flask's after_request, so WhiteNoise adds these."""
    from selfservice.assets import load_manifest

    with client.get("/static/" + load_manifest()["css/site.css"]) as response:  # closes the file WhiteNoise opened
        assert response.status_code == 200
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
