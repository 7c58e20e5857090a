"""Sign-in pages. Failures are answered calmly and never say which part (code or date) was wrong."""

from datetime import date

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import select

from ..access import INVITATION_SESSION, public
from ..extensions import db, limiter
from ..models import Citizen, Invitation, StaffUser, utcnow
from ..preparation.flow import landing_for
from ..rules import invitations, lockout
from ..sessions import end_sessions_of
from . import bp, oidc
from .forms import InvitationSignInForm, StaffLoginForm
from .passwords import verify_password
from .signin import safe_next, sign_in, sign_out


def _signin_limit() -> str:
    return current_app.config["RATELIMIT_SIGNIN"]


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
@limiter.limit(_signin_limit)
def citizen_callback():
    target = session.get("next")
    try:
        identity = oidc.finish("citizen")
    except oidc.SignInRefused as refused:
        return redirect(url_for("auth.login", error=refused.reason))
    citizen = db.session.scalar(
        select(Citizen).where(Citizen.oidc_issuer == identity.issuer, Citizen.oidc_subject == identity.subject)
    )
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
    return redirect(safe_next(target, landing_for(citizen)))


@bp.route("/login/code", methods=["GET", "POST"])
@public
@limiter.limit(_signin_limit, methods=["POST"])
def invitation_login():
    form = InvitationSignInForm()
    failed = False
    if form.validate_on_submit():
        invitation = db.session.scalar(
            select(Invitation).where(Invitation.code_hash == invitations.code_hash(form.code.data))
        )
        now = utcnow()
        usable = invitation is not None and invitations.is_usable(
            invitation.expires_at, invitation.revoked_at, invitation.failed_attempts, now
        )
        if usable and invitations.birth_date_matches(invitation.citizen.birth_date, form.birth_date()):
            invitation.last_used_at = now
            invitation.failed_attempts = 0
            db.session.commit()
            sign_in(invitation.citizen, INVITATION_SESSION)
            return redirect(landing_for(invitation.citizen))
        if usable:
            invitation.failed_attempts += 1
            db.session.commit()
        failed = True
    status = 400 if (failed or form.errors) else 200
    return render_template("auth/invitation.html", form=form, failed=failed), status


@bp.route("/staff/login", methods=["GET", "POST"])
@public
@limiter.limit(_signin_limit, methods=["POST"])
def staff_login():
    form = StaffLoginForm()
    failed = locked = False
    if request.method == "GET":
        session["next"] = safe_next(request.args.get("next"), url_for("caseworker.citizens"))
    if form.validate_on_submit():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == form.email.data.strip().lower()))
        if user is not None and user.locked_at is not None:
            locked = True
        elif user is not None and user.password_hash and verify_password(user.password_hash, form.password.data):
            user.failed_logins = 0
            db.session.commit()
            target = session.get("next")
            sign_in(user, "password")
            return redirect(safe_next(target, url_for("caseworker.citizens")))
        elif user is not None:
            user.failed_logins, lock = lockout.after_failed_attempt(
                user.failed_logins, current_app.config["STAFF_LOCKOUT_ATTEMPTS"]
            )
            if lock:
                user.locked_at = utcnow()
                end_sessions_of(user.get_id())
                locked = True
            db.session.commit()
        failed = not locked
    status = 400 if (failed or locked) else 200
    return render_template(
        "auth/staff_login.html", form=form, failed=failed, locked=locked, sso=oidc.is_configured("staff")
    ), status


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
@limiter.limit(_signin_limit)
def staff_callback():
    target = session.get("next") or url_for("caseworker.citizens")
    try:
        identity = oidc.finish("staff")
    except oidc.SignInRefused:
        return render_template("auth/staff_login.html", form=StaffLoginForm(), sso_failed=True, sso=True), 400
    user = db.session.scalar(
        select(StaffUser).where(StaffUser.oidc_issuer == identity.issuer, StaffUser.oidc_subject == identity.subject)
    )
    if user is None or not user.is_active:
        # Staff accounts are created by an administrator, never on first sign-in.
        return render_template("auth/staff_login.html", form=StaffLoginForm(), unknown=True, sso=True), 403
    sign_in(user, "sso")
    return redirect(safe_next(target, url_for("caseworker.citizens")))


@bp.post("/logout")
@public
def logout():
    was_staff = current_user.is_authenticated and current_user.is_staff
    sign_out()
    from ..i18n_web import current_language

    response = redirect(url_for("auth.signed_out", lang=current_language(), staff=1 if was_staff else None))
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


@bp.get("/signed-out")
@public
def signed_out():
    reason = "timeout" if request.args.get("reason") == "timeout" else "signout"
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
