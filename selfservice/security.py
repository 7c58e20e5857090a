"""Security headers on every response, what may be cached, and which stored addresses may become links.

Why nonces: a strict Content-Security-Policy without 'unsafe-inline' stops injected scripts, while our few
progressive-enhancement scripts still run because each carries this request's nonce.
"""

import re
import secrets

from flask import Flask, g, request, session
from flask_login import current_user

# A link the pages make from stored data: http(s) with a host, and nothing a browser would strip or reinterpret.
_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f/?#\\]+[^\s\x00-\x1f\x7f-\x9f]*\Z", re.IGNORECASE)


def is_web_address(value) -> bool:
    """`{% if url is web_address %}`: only then is a stored address shown as a link.

    Why in the templates as well as at the door: the case-system API took any scheme until December 2026
    (javascript: included), and rows stored then are still in the database. The CSP would stop the script; this
    keeps such a row from becoming a link at all.
    """
    return isinstance(value, str) and _WEB_ADDRESS.match(value) is not None


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.jinja_env.tests["web_address"] = is_web_address

    @app.after_request
    def set_security_headers(response):
        nonce = csp_nonce()
        response.headers["Content-Security-Policy"] = "; ".join(
            [
                "default-src 'self'",
                f"script-src 'self' 'nonce-{nonce}'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                "form-action 'self'" + _form_action_extra(app),
                "object-src 'none'",
                "base-uri 'none'",
                "frame-ancestors 'none'",
            ]
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        if app.config.get("HSTS"):
            response.headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
        if _is_personal(response):
            response.headers["Cache-Control"] = "no-store"
            response.headers["Pragma"] = "no-cache"
        return response


def _form_action_extra(app: Flask) -> str:
    """Sign-in forms post to our own app, but the identity provider's redirect must be allowed as a target."""
    extra = [app.config.get("OIDC_CITIZEN_ISSUER"), app.config.get("OIDC_STAFF_ISSUER")]
    return "".join(f" {url}" for url in extra if url and not url.startswith(app.config["BASE_URL"]))


def _is_personal(response) -> bool:
    """Whether the response may hold something of one person's, so that no browser or proxy may keep it.

    A shared library PC's back button or disk cache must not show the next person what the last one saw, and that
    is not only a matter of being signed in: an anonymous visitor's self-check answers (a date of birth) and
    assistant conversation live in the server-side session too. So the rule is general rather than a list of
    paths, and it errs towards no-store:

    - anyone signed in;
    - any JSON (the /api/ answers, the assistant's JSON, autosave): data computed for one caller or token;
    - any response while the visitor has a server-side session with anything in it — answers, a conversation, a
      sign-in, or just the CSRF token its forms carry. A page built while the session holds something may have
      been built from it; a new feature that keeps something in the session is covered without anyone
      remembering to add its path. Visitors who only read (the guides, the landing page) have no session, so
      those pages stay cacheable. (Not "the session was read": every page reads it, to see who is signed in.)

    Kiosks are never cached at all (see kiosk/device.py).
    """
    if request.path.startswith("/static/"):
        return False
    if getattr(current_user, "is_authenticated", False) or response.is_json:
        return True
    return bool(session)
