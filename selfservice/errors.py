"""Error pages in the citizen's language, calm, with a way forward, and never a stack trace."""

from flask import Flask, jsonify, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_limiter import RateLimitExceeded
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from . import securitylog
from .extensions import db

# Refusals that operators must see (brute force, probing, forged requests); 404 is left out on purpose: a page
# that does not exist for this person looks the same as one that does not exist at all, and is mostly noise.
LOGGED_REFUSALS = {401: "access.unauthenticated", 403: "access.denied", 429: "ratelimit.hit"}

MESSAGES = {
    400: (
        _l("Something went wrong with the form"),
        _l("Your page may have been open for a long time. Go back, reload the page and try again."),
    ),
    403: (
        _l("You do not have access to this page"),
        _l("If you think you should have access, contact the jobcentre."),
    ),
    404: (_l("We cannot find the page"), _l("The address may be wrong, or the page may have moved.")),
    405: (_l("We cannot find the page"), _l("The address may be wrong, or the page may have moved.")),
    429: (
        _l("Too many attempts"),
        _l("For your safety you must wait a little before you try again. Wait a few minutes."),
    ),
    500: (
        _l("Sorry, something went wrong on our side"),
        _l("Nothing you saved has been lost. Please try again in a few minutes."),
    ),
    503: (
        _l("The service is not available right now"),
        _l("Nothing you saved has been lost. Please try again in a few minutes."),
    ),
}


def _retry_after() -> int:
    """Seconds until the client's current rate-limit window opens again (at least one)."""
    import time

    from .extensions import limiter

    current = limiter.current_limit
    return max(1, int(current.reset_at - time.time())) if current else 60


def render_error(code: int):
    if request.path.startswith("/api/"):
        if code == 429:
            retry = _retry_after()
            response = jsonify(
                error="too many requests",
                message=f"Too many requests from this client. Try again in {retry} seconds.",
                retry_after=retry,
            )
            response.headers["Retry-After"] = str(retry)
            return response, code
        return jsonify(error=HTTP_STATUS_CODES.get(code, "error").lower()), code
    title, text = MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", code=code, title=title, text=text), code


def _csrf_reason(error: CSRFError) -> str:
    """Flask-WTF's reason as a fixed word (missing, expired, invalid or referrer), never the token itself."""
    text = str(error.description).lower()
    for word in ("missing", "expired", "referrer", "do not match", "invalid"):
        if word in text:
            return word.replace(" ", "_")
    return "other"


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_failed(error: CSRFError):
        """Signing out of a session the server already ended is not an error: just say they are signed out."""
        if request.endpoint == "auth.logout" and not current_user.is_authenticated:
            return redirect(url_for("auth.signed_out"))
        securitylog.event("csrf.failure", "refused", reason=_csrf_reason(error))
        return render_error(400)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code or 500
        if code in LOGGED_REFUSALS:
            limit = str(error.limit.limit) if isinstance(error, RateLimitExceeded) else None
            securitylog.event(LOGGED_REFUSALS[code], "refused", status=code, limit=limit)
        if code not in MESSAGES and not request.path.startswith("/api/"):
            return error
        response, status = render_error(code)
        return response, status

    @app.errorhandler(OperationalError)
    def database_unavailable(error: OperationalError):
        db.session.rollback()
        app.logger.error("database unavailable: %s", type(error.orig).__name__)
        return render_error(503)

    @app.errorhandler(InternalServerError)
    def internal_error(error: InternalServerError):
        db.session.rollback()
        if isinstance(getattr(error, "original_exception", None), OperationalError):
            return render_error(503)
        return render_error(500)
