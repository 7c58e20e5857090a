"""Sign-in pages for citizens (MitID, invitation code), staff sign-in through the municipality, and sign-out.

Failures are answered calmly and never say which part (code or date) was wrong. The local staff sign-in with a
password and a second factor lives in staff.py.
"""

from datetime import date

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import select

from .. import securitylog
from ..access import INVITATION_SESSION, public
from ..citizen import store as citizens
from ..extensions import db, limiter
from ..models import Citizen, StaffUser, utcnow
from ..preparation.flow import landing_for
from ..rules import invitations
from . import attempts, bp, oidc
from .forms import InvitationSignInForm, StaffLoginForm
from .limits import invitation_code_key, signin_limit
from .signin import safe_next, sign_in, sign_out

# Why the signed-out page was shown: fixed words only, anything else is an ordinary sign-out.
SIGNED_OUT_REASONS = ("timeout", "code")


@bp.get("/login")
@public
def login():
    session["next"] = safe_next(request.args.get("next"), "")
    return render_template("auth/login.html", mitid=oidc.is_configured("citizen"), error=request.args.get("error"))


@bp.get("/login/mitid")
@public
def citizen_start():
    if not oidc.is_configured("citizen"):
        abort(404)
    try:
        return oidc.start("citizen")
    except oidc.SignInRefused as refused:
        return redirect(url_for("auth.login", error=refused.reason))


@bp.get("/login/callback")
@public
@limiter.limit(signin_limit)
def citizen_callback():
    target = session.get("next")
    try:
        identity = oidc.finish("citizen")
    except oidc.SignInRefused as refused:
        securitylog.event("signin.failure", refused.reason, way="mitid")
        return redirect(url_for("auth.login", error=refused.reason))
    citizen = citizens.by_identity(identity.issuer, identity.subject)
    if citizen is None:
        # Known to MitID but not yet to the jobcentre: a record of their own, not yet placed with a team.
        citizen = Citizen(oidc_issuer=identity.issuer, oidc_subject=identity.subject, name=identity.name or "")
        if identity.birthdate:
            try:
                citizen.birth_date = date.fromisoformat(identity.birthdate)
            except ValueError:
                citizen.birth_date = None
        db.session.add(citizen)
        db.session.commit()
    sign_in(citizen, "mitid")
    securitylog.event("signin.success", "ok", way="mitid", actor=citizen.get_id())
    return redirect(safe_next(target, landing_for(citizen)))


@bp.route("/login/code", methods=["GET", "POST"])
@public
@limiter.limit(signin_limit, methods=["POST"])
@limiter.limit(signin_limit, key_func=invitation_code_key, methods=["POST"])
def invitation_login():
    form = InvitationSignInForm()
    failed = False
    if form.validate_on_submit():
        invitation = citizens.invitation_by_code(form.code.data or "")
        now = utcnow()
        if invitation is None:
            securitylog.event("signin.failure", "wrong_code", way="invitation")
        elif invitations.birth_date_matches(invitation.citizen.birth_date, form.birth_date()):
            if attempts.use_invitation(invitation.id, now):
                db.session.commit()
                sign_in(invitation.citizen, INVITATION_SESSION)
                # Checked on every request (auth/code_sessions.py): the session lives only as long
                # as the code does.
                session["invitation_id"] = invitation.id
                securitylog.event("signin.success", "ok", way="invitation", actor=invitation.citizen.get_id())
                return redirect(landing_for(invitation.citizen))
            db.session.commit()
            securitylog.event("signin.failure", "code_unusable", way="invitation")
        else:
            count = attempts.count_wrong_birth_date(invitation.id, now)
            db.session.commit()
            if count is None:
                securitylog.event("signin.failure", "code_unusable", way="invitation")
            else:
                securitylog.event("signin.failure", "wrong_birth_date", way="invitation", attempts=count)
                if invitations.is_lock(count):
                    securitylog.event("invitation.locked", "locked", attempts=count)
        failed = True
    status = 400 if (failed or form.errors) else 200
    return render_template("auth/invitation.html", form=form, failed=failed), status


@bp.get("/staff/login/sso")
@public
def staff_start():
    if not oidc.is_configured("staff"):
        abort(404)
    try:
        return oidc.start("staff")
    except oidc.SignInRefused:
        return render_template("auth/staff_login.html", form=StaffLoginForm(), sso_failed=True, sso=True), 503


@bp.get("/staff/login/callback")
@public
@limiter.limit(signin_limit)
def staff_callback():
    target = session.get("next") or url_for("caseworker.today")
    try:
        identity = oidc.finish("staff")
    except oidc.SignInRefused as refused:
        securitylog.event("signin.failure", refused.reason, way="sso")
        return render_template("auth/staff_login.html", form=StaffLoginForm(), sso_failed=True, sso=True), 400
    user = db.session.scalar(
        select(StaffUser).where(StaffUser.oidc_issuer == identity.issuer, StaffUser.oidc_subject == identity.subject)
    )
    if user is None or not user.is_active:
        # Staff accounts are created by an administrator, never on first sign-in.
        outcome = "unknown_account" if user is None else "locked"
        securitylog.event("signin.failure", outcome, way="sso", actor=user.get_id() if user else None)
        return render_template("auth/staff_login.html", form=StaffLoginForm(), unknown=True, sso=True), 403
    # No second factor here: the municipality's identity provider has already asked for one.
    sign_in(user, "sso")
    securitylog.event("signin.success", "ok", way="sso", actor=user.get_id())
    return redirect(safe_next(target, url_for("caseworker.today")))


@bp.post("/logout")
@public
def logout():
    was_staff = current_user.is_authenticated and current_user.is_staff
    if current_user.is_authenticated:
        securitylog.event("session.ended", "ended", reason="signout")
    sign_out()
    from ..i18n_web import current_language

    response = redirect(url_for("auth.signed_out", lang=current_language(), staff=1 if was_staff else None))
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@bp.get("/signed-out")
@public
def signed_out():
    reason = request.args.get("reason")
    reason = reason if reason in SIGNED_OUT_REASONS else "signout"
    return render_template("auth/signed_out.html", reason=reason, staff=bool(request.args.get("staff")))


@bp.post("/session/keepalive")
@public
def keepalive():
    """Called by the timeout dialog's "stay signed in": any request touches the session; this one says so."""
    if not current_user.is_authenticated:
        return {"signed_in": False}, 401
    session.modified = True
    return {
        "signed_in": True,
        "idle_seconds": int(current_app.config["SESSION_IDLE_TIMEOUT"].total_seconds()),
    }
