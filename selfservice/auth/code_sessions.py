"""Sessions opened with an invitation code end with the code (security review F9)."""

from flask import redirect, request, session, url_for

from .. import securitylog
from ..access import INVITATION_SESSION
from ..extensions import db
from ..models import Invitation, utcnow
from ..rules import invitations
from . import bp
from .signin import sign_out


@bp.before_app_request
def end_sessions_of_unusable_codes():
    """A session opened with an invitation code lives only as long as the code (security review F9).

    When a caseworker revokes or replaces the code, when it expires, or when it is locked by wrong dates of birth,
    the next request from that session ends it and explains why. A code session without a code id (opened before
    the id was kept) is ended too: signing in again costs the citizen a minute, and nothing saved is lost.
    """
    if session.get("auth_method") != INVITATION_SESSION or request.endpoint in ("static", "pages.healthz"):
        return None
    invitation_id = session.get("invitation_id")
    invitation = db.session.get(Invitation, invitation_id) if isinstance(invitation_id, int) else None
    why: str | None
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
