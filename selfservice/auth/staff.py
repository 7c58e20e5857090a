"""Sign-in with a local staff account: password, then a one-time code from an authenticator app.

Why two steps: these accounts are the fallback for when the municipality's identity provider is down, and an e-mail
and a password alone must not open citizens' data (security review F6). A correct password does not sign anyone
in; it only puts a short-lived "pending" mark in the server-side session. The person is signed in after the second
step: the 6-digit code (or a one-time recovery code), or, the first time, setting up an authenticator app.

Every wrong password or code counts towards the same lockout, through atomic updates (see attempts.py).
"""

import time

from flask import current_app, redirect, render_template, request, session, url_for
from flask_login import current_user, logout_user
from sqlalchemy import select

from .. import securitylog
from ..access import public
from ..extensions import db, limiter
from ..models import StaffUser
from ..rules import lockout
from ..sessions import current_session, end_sessions_of
from . import attempts, bp, oidc, totp
from .forms import OneTimeCodeForm, RecoveryCodeForm, StaffLoginForm
from .limits import signin_limit, staff_account_key
from .passwords import verify_password_or_dummy
from .signin import safe_next, sign_in

# How long the step between a correct password and the second factor may take. Setting up an app takes a while.
PENDING_SECONDS = 10 * 60
PENDING = "pending_staff"


def _limit() -> int:
    return current_app.config["STAFF_LOCKOUT_ATTEMPTS"]


def _home() -> str:
    return url_for("caseworker.today")


@bp.route("/staff/login", methods=["GET", "POST"])
@public
@limiter.limit(signin_limit, methods=["POST"])
@limiter.limit(signin_limit, key_func=staff_account_key, methods=["POST"])
def staff_login():
    form = StaffLoginForm()
    failed = locked = False
    if request.method == "GET":
        session["next"] = safe_next(request.args.get("next"), _home())
    if form.validate_on_submit():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == (form.email.data or "").strip().lower()))
        password_hash = user.password_hash if user is not None else None
        # Always one argon2 verification, also for unknown e-mails, so timing does not tell which accounts exist.
        correct = verify_password_or_dummy(password_hash, form.password.data or "")
        if user is None or not password_hash:
            # No password account to count against: an account that signs in only through the municipality
            # cannot be locked by someone guessing here.
            securitylog.event("signin.failure", "unknown_account", way="password")
        elif user.locked_at is not None:
            securitylog.event("signin.failure", "locked", way="password", actor=user.get_id())
            locked = True
        elif correct and attempts.staff_may_continue(user.id, _limit()):
            return _begin_second_factor(user)
        elif correct:
            securitylog.event("signin.failure", "locked", way="password", actor=user.get_id())
            locked = True
        else:
            locked = _count_wrong(user, way="password", outcome="wrong_password")
        failed = not locked
    status = 400 if (failed or locked) else 200
    return render_template(
        "auth/staff_login.html",
        form=form,
        failed=failed,
        locked=locked,
        sso=oidc.is_configured("staff"),
        expired=request.args.get("reason") == "expired",
    ), status


def _count_wrong(user: StaffUser, *, way: str, outcome: str) -> bool:
    """Count a wrong password or code; lock the account (once) at the limit. Returns whether it is now locked."""
    count, locked_now = attempts.count_wrong_staff_attempt(user.id, _limit())
    db.session.commit()
    securitylog.event(
        "signin.failure", outcome if count is not None else "locked", way=way, actor=user.get_id(), attempts=count
    )
    if locked_now:
        securitylog.event("account.locked", "locked", way=way, actor=user.get_id(), attempts=count, limit=_limit())
        end_sessions_of(user.get_id())
        securitylog.event("session.ended", "ended", reason="account_locked", actor=user.get_id())
    return count is None or lockout.is_lock(count, _limit())


def _begin_second_factor(user: StaffUser):
    """Password accepted: not signed in yet, only marked as pending in a fresh session."""
    db.session.commit()  # end the reading transaction
    target = session.get("next")
    logout_user()
    session.clear()
    # Whoever planted a session id must not see the set-up page's key or finish the sign-in.
    current_session().regenerate()
    session[PENDING] = {"id": user.id, "until": time.time() + PENDING_SECONDS, "next": target}
    securitylog.event("signin.password_accepted", "ok", way="password", actor=user.get_id())
    if user.totp_confirmed_at is None:
        return redirect(url_for("auth.staff_set_up"))
    return redirect(url_for("auth.staff_second_factor"))


def _pending() -> tuple[StaffUser | None, dict]:
    """The account whose password was accepted in this session, while the short time for the next step lasts."""
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or not isinstance(pending.get("id"), int):
        return None, {}
    if time.time() > float(pending.get("until") or 0):
        return None, {}
    user = db.session.get(StaffUser, pending["id"])
    if user is None or user.locked_at is not None or not user.password_hash:
        return None, {}
    return user, pending


def _start_again(expired: bool):
    """No (or an expired) password step: back to the start, or on to work for someone already signed in."""
    if current_user.is_authenticated and current_user.is_staff:
        return redirect(_home())
    session.pop(PENDING, None)
    return redirect(url_for("auth.staff_login", reason="expired" if expired else None))


def _finish(user: StaffUser, way: str) -> None:
    sign_in(user, "password")
    session["second_factor"] = way
    securitylog.event("signin.success", "ok", way=way, actor=user.get_id())


@bp.route("/staff/login/code", methods=["GET", "POST"])
@public
@limiter.limit(signin_limit, methods=["POST"])
def staff_second_factor():
    if PENDING not in session:
        return _start_again(expired=False)
    user, pending = _pending()
    if user is None:
        return _start_again(expired=True)
    if user.totp_confirmed_at is None:
        return redirect(url_for("auth.staff_set_up"))
    assert user.totp_secret is not None  # stored together with totp_confirmed_at (attempts.confirm_enrolment)
    recovery = request.args.get("with") == "recovery"
    form = RecoveryCodeForm() if recovery else OneTimeCodeForm()
    failed = locked = False
    if form.validate_on_submit():
        if isinstance(form, RecoveryCodeForm):
            way, signed_in = "recovery_code", _use_recovery_code(user, form.recovery_code.data or "")
        else:
            step = totp.matching_step(user.totp_secret, form.code.data or "", user.totp_last_step)
            way = "totp"
            signed_in = step is not None and attempts.complete_with_code(user.id, _limit(), step)
        if signed_in:
            db.session.commit()
            _finish(user, way)
            return redirect(safe_next(pending.get("next"), _home()))
        locked = _count_wrong(user, way=way, outcome="wrong_recovery_code" if recovery else "wrong_code")
        if locked:
            session.pop(PENDING, None)
        failed = not locked
    status = 400 if (failed or locked) else 200
    return render_template(
        "auth/staff_second_factor.html", form=form, recovery=recovery, failed=failed, locked=locked
    ), status


def _use_recovery_code(user: StaffUser, typed: str) -> bool:
    """Use up one recovery code. Tries again when another request changed the list at the same moment."""
    for _ in range(3):
        stored = attempts.stored_recovery_codes(user.id)
        if stored is None:
            return False
        raw, hashes = stored
        remaining = totp.remaining_after_use(hashes, typed)
        if remaining is None:
            return False
        if attempts.complete_with_recovery_code(user.id, _limit(), raw, remaining):
            return True
        db.session.rollback()
        if not attempts.staff_may_continue(user.id, _limit()):
            return False
    return False


@bp.route("/staff/login/set-up", methods=["GET", "POST"])
@public
@limiter.limit(signin_limit, methods=["POST"])
def staff_set_up():
    """First sign-in with a password: connect an authenticator app, then show the recovery codes once."""
    if PENDING not in session:
        return _start_again(expired=False)
    user, pending = _pending()
    if user is None:
        return _start_again(expired=True)
    if user.totp_confirmed_at is not None:
        return redirect(url_for("auth.staff_second_factor"))
    secret = pending.get("secret")
    if not isinstance(secret, str) or not secret:
        # Kept in this pending session until confirmed, so each attempt at setting up has its own key.
        secret = totp.new_secret()
        session[PENDING] = pending | {"secret": secret}
    form = OneTimeCodeForm()
    failed = locked = False
    if form.validate_on_submit():
        step = totp.matching_step(secret, form.code.data or "", None)
        if step is not None:
            codes = totp.new_recovery_codes()
            hashes = [totp.recovery_code_hash(code) for code in codes]
            if attempts.confirm_enrolment(user.id, _limit(), secret, step, hashes):
                db.session.commit()
                securitylog.event("mfa.enrolled", "ok", way="totp", actor=user.get_id())
                _finish(user, "totp")
                # Shown in this response only; only their hashes are kept.
                return render_template(
                    "auth/staff_recovery_codes.html", codes=codes, next_url=safe_next(pending.get("next"), _home())
                )
            db.session.rollback()
        locked = _count_wrong(user, way="totp", outcome="wrong_code")
        if locked:
            session.pop(PENDING, None)
        failed = not locked
    uri = totp.provisioning_uri(secret, user.email, current_app.config["JOBCENTRE_NAME"])
    status = 400 if (failed or locked) else 200
    return render_template(
        "auth/staff_set_up.html",
        form=form,
        key=totp.grouped(secret),
        qr=totp.qr_data_uri(uri),
        failed=failed,
        locked=locked,
    ), status
