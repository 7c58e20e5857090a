"""Security headers on every response.

Why nonces: a strict Content-Security-Policy without 'unsafe-inline' stops injected scripts, while our few
progressive-enhancement scripts still run because each carries this request's nonce.
"""

import secrets

from flask import Flask, g, request
from flask_login import current_user


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csp_nonce"] = csp_nonce

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
    """Signed-in pages must never sit in a shared browser's or a proxy's cache."""
    if request.path.startswith("/static/"):
        return False
    return bool(getattr(current_user, "is_authenticated", False))
