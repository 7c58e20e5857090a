"""Access rules: every view declares who may reach it.

Why a declaration on every view: the route-inventory test walks the URL map and fails for any view without one,
so a new page cannot be published without someone deciding who may see it.
"""

from collections.abc import Callable
from functools import wraps

from flask import Flask, abort, current_app, redirect, request, session, url_for
from flask_login import current_user

PUBLIC = "public"
CITIZEN = "citizen"  # signed in with MitID
INVITED = "invited"  # signed in with MitID or an invitation code (the preparation form only)
STAFF = "staff"  # any caseworker or admin
ADMIN = "admin"
DEMO = "demo"  # the development identity provider; registered only in demo mode

INVITATION_SESSION = "invitation"


def _mark(view: Callable, rule: str) -> Callable:
    vars(view)["access_rule"] = rule  # a function attribute, which mypy does not model; read with getattr
    return view


def public(view: Callable) -> Callable:
    return _mark(view, PUBLIC)


def demo_only(view: Callable) -> Callable:
    return _mark(view, DEMO)


def signed_in_with_invitation() -> bool:
    return session.get("auth_method") == INVITATION_SESSION


def citizen_required(allow_invitation: bool = False) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(url_for("auth.login", next=request.path))
            if not current_user.is_citizen:
                abort(403)
            if signed_in_with_invitation() and not allow_invitation:
                abort(403)
            return view(*args, **kwargs)

        return _mark(wrapped, INVITED if allow_invitation else CITIZEN)

    return decorator


def staff_required(admin: bool = False) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(url_for("auth.staff_login", next=request.path))
            if not current_user.is_staff or (admin and not current_user.is_admin):
                abort(403)
            return view(*args, **kwargs)

        return _mark(wrapped, ADMIN if admin else STAFF)

    return decorator


def init_app(app: Flask) -> None:
    @app.before_request
    def database_unavailable():
        """A session that could not be read: say the service is down, rather than "please sign in"."""
        if getattr(session, "unavailable", False) and request.endpoint not in ("pages.healthz", "static"):
            from .errors import render_error

            return render_error(503)
        return None

    @app.before_request
    def explain_timeouts():
        """A session the server ended for inactivity: say so, rather than a bare sign-in page."""
        if not getattr(session, "expired", False) or request.endpoint is None:
            return None
        view = current_app.view_functions.get(request.endpoint)
        if getattr(view, "access_rule", PUBLIC) in (PUBLIC, DEMO):
            return None
        return redirect(url_for("auth.signed_out", reason="timeout"))
