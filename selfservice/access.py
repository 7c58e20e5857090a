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
    view.access_rule = rule
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


def end_sessions_of_unusable_codes():
    """A session opened with an invitation code lives only as long as the code (security review F9).

    When a caseworker revokes or replaces the code, when it expires, or when it is locked by wrong dates of birth,
    the next request from that session ends it and explains why. A code session without a code id (opened before
    the id was kept) is ended too: signing in again costs the citizen a minute, and nothing saved is lost.
    """
    if session.get("auth_method") != INVITATION_SESSION or request.endpoint in ("static", "pages.healthz"):
        return None
    invitation_id = session.get("invitation_id")
    from . import securitylog
    from .auth.signin import sign_out
    from .extensions import db
    from .models import Invitation, utcnow
    from .rules import invitations

    invitation = db.session.get(Invitation, invitation_id) if isinstance(invitation_id, int) else None
    if invitation is None:
        why = "revoked"  # deleted, for example by the retention job
    else:
        why = invitations.why_unusable(
            invitation.expires_at, invitation.revoked_at, invitation.failed_attempts, utcnow()
        )
    if why is None:
        return None
    securitylog.event("session.ended", "ended", reason=f"code_{why}")
    sign_out()
    return redirect(url_for("auth.signed_out", reason="code"))


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

    app.before_request(end_sessions_of_unusable_codes)
