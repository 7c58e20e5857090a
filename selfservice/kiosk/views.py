"""The kiosk's pages: languages, the menu, check-in, help from staff, and finishing the visit.

Every page is served only to a registered kiosk device (see device.py); every visit ends by a button or by the
idle timer, which destroys the server-side session, the assistant conversation and the browser's stored data — and
at the latest when the start screen is opened, which begins the next visit on the server whatever the browser did.
"""

from flask import abort, current_app, g, redirect, render_template, request, session, url_for
from flask_login import logout_user
from sqlalchemy import select

from .. import securitylog
from ..access import public
from ..assistant import store as assistant_store
from ..extensions import db, limiter
from ..i18n import LANGUAGES
from ..i18n_web import current_language
from ..meetings import store as meetings
from ..models import Kiosk, KioskHelpRequest, Meeting, utcnow
from ..rules import kiosk as rules
from ..rules.meetings import to_local
from ..sessions import current_session
from . import bp, checkin
from .device import DEVICE_COOKIE, FIVE_YEARS, LANGUAGE_KEY, current_kiosk, new_token, new_visit, token_hash, touch
from .forms import CheckInForm, ScanForm

CHECKED_IN_KEY = "kiosk_checked_in"


def _kiosk_or_refuse() -> Kiosk:
    kiosk = current_kiosk()
    if kiosk is None:
        abort(403 if g.get("kiosk_revoked") else 404)
    return kiosk


def _check_in_limit() -> str:
    return current_app.config["KIOSK_CHECK_IN_LIMIT"]


def _per_kiosk() -> str:
    kiosk = current_kiosk()
    return f"kiosk:{kiosk.public_id}" if kiosk else (request.remote_addr or "unknown")


@bp.get("/")
@public
def start():
    """The start screen begins a new visit: whatever the last visitor left (a check-in, a conversation, a
    language) is ended here on the server, so it does not depend on the Finish button or the idle timer's
    JavaScript."""
    if g.get("kiosk_revoked"):
        return render_template("kiosk/revoked.html"), 403
    kiosk = _kiosk_or_refuse()
    _end_visit()
    touch(kiosk)  # the start screen after every visit: "last used" on the admin page
    return render_template("kiosk/start.html")


def _end_visit() -> None:
    assistant_store.forget()
    new_visit()


@bp.get("/language/<code>")
@public
def choose_language(code: str):
    _kiosk_or_refuse()
    if code not in LANGUAGES:
        abort(404)
    session[LANGUAGE_KEY] = code
    return redirect(url_for("kiosk.menu"))


@bp.get("/menu")
@public
def menu():
    _kiosk_or_refuse()
    return render_template("kiosk/menu.html")


def _outcome_page(form, outcome: str, meeting: Meeting | None, template: str):
    if meeting is not None and outcome in (rules.OK, rules.ALREADY):  # (both come only with a meeting)
        if outcome == rules.OK:
            checkin.mark_arrived(meeting)
        session[CHECKED_IN_KEY] = meeting.public_id
        return redirect(url_for("kiosk.checked_in"))
    return render_template(template, form=form, outcome=outcome), 422


@bp.route("/check-in", methods=["GET", "POST"])
@public
@limiter.limit(_check_in_limit, key_func=_per_kiosk, methods=["POST"])
def check_in():
    _kiosk_or_refuse()
    form = CheckInForm()
    if form.validate_on_submit():
        outcome, meeting = checkin.by_reference(form.reference.data or "", form.birth_day.data, form.birth_month.data)
        return _outcome_page(form, outcome, meeting, "kiosk/check_in.html")
    return render_template("kiosk/check_in.html", form=form, outcome=None), (422 if form.errors else 200)


@bp.route("/check-in/scan", methods=["GET", "POST"])
@public
@limiter.limit(_check_in_limit, key_func=_per_kiosk, methods=["POST"])
def scan():
    _kiosk_or_refuse()
    form = ScanForm()
    if form.validate_on_submit():
        outcome, meeting = checkin.by_code(form.code.data or "")
        return _outcome_page(form, outcome, meeting, "kiosk/scan.html")
    return render_template("kiosk/scan.html", form=form, outcome=None), (422 if form.errors else 200)


@bp.get("/check-in/done")
@public
def checked_in():
    kiosk = _kiosk_or_refuse()
    meeting = meetings.by_public_id(session.get(CHECKED_IN_KEY, ""))
    if meeting is None:
        return redirect(url_for("kiosk.start"))
    return render_template(
        "kiosk/checked_in.html",
        starts=to_local(meeting.starts_at),
        place=meeting.place,
        waiting_area=kiosk.waiting_area,
    )


@bp.post("/help")
@public
def help_from_staff():
    kiosk = _kiosk_or_refuse()
    db.session.add(KioskHelpRequest(kiosk_id=kiosk.id, lang=current_language()))
    db.session.commit()
    return redirect(url_for("kiosk.help_called"))


@bp.get("/help")
@public
def help_called():
    _kiosk_or_refuse()
    return render_template("kiosk/help.html")


@bp.post("/finish")
@public
def finish():
    """The Finish button and the idle timer: nothing of the visit survives."""
    _kiosk_or_refuse()
    _end_visit()
    response = redirect(url_for("kiosk.start"))
    # Not "cookies": that would also delete the device binding. Ending the visit above removes the session cookie.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@bp.route("/activate/<token>", methods=["GET", "POST"])
@public
def activate(token: str):
    """Binding this browser as the kiosk also ends whatever session it had: a citizen or caseworker signed in
    here before must not stay signed in on a screen strangers use."""
    kiosk = db.session.scalar(select(Kiosk).where(Kiosk.activation_token_hash == token_hash(token)))
    if kiosk is None or kiosk.revoked_at is not None:
        securitylog.event("kiosk.activated", "refused", reason="invalid_link")
        return render_template("kiosk/activation_invalid.html"), 404
    if request.method == "GET":
        return render_template("kiosk/activate.html", kiosk=kiosk)
    device_token = new_token()
    kiosk.device_token_hash = token_hash(device_token)
    kiosk.activation_token_hash = None
    kiosk.activated_at = utcnow()
    db.session.commit()
    securitylog.event("kiosk.activated", "ok", target=f"kiosk:{kiosk.public_id}")
    logout_user()
    current_session().end()
    response = redirect(url_for("kiosk.start"))
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    response.set_cookie(
        DEVICE_COOKIE,
        device_token,
        max_age=FIVE_YEARS,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response
