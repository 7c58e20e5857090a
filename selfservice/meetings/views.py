"""The citizen's meetings. Every request about a meeting is an explicit step: a page that says what will happen,
a button, and a receipt; the request stays visible with its status until a caseworker has handled it."""

from flask import Response, abort, redirect, render_template, url_for
from flask_login import current_user
from markupsafe import Markup

from .. import labels
from ..access import citizen_required
from ..models import Meeting, utcnow
from ..rules import meetings as rules
from . import bp, store
from .calendar import meeting_calendar
from .checkin_code import qr_svg
from .forms import CancelForm, ConfirmForm, MoveForm

FORMS: dict[str, type[ConfirmForm | MoveForm | CancelForm]] = {
    "confirm": ConfirmForm,
    "move": MoveForm,
    "cancel": CancelForm,
}


def own_meeting(public_id: str) -> Meeting:
    meeting = store.by_public_id(public_id)
    if meeting is None or meeting.citizen_id != current_user.id:
        abort(404)
    return meeting


@bp.get("/")
@citizen_required()
def index():
    now = utcnow()
    meetings = store.of_citizen(current_user.id)
    upcoming = [m for m in meetings if rules.is_upcoming(m.status, m.starts_at, m.duration_minutes, now)]
    past = [m for m in reversed(meetings) if m not in upcoming]
    return render_template("meetings/index.html", upcoming=upcoming, past=past, labels=labels.now())


@bp.get("/<public_id>")
@citizen_required()
def detail(public_id: str):
    meeting = own_meeting(public_id)
    now = utcnow()
    return render_template(
        "meetings/detail.html",
        meeting=meeting,
        labels=labels.now(),
        video_link=rules.video_link_visible(meeting.kind, meeting.starts_at, meeting.duration_minutes, now),
        may_request=rules.may_request("move", meeting.status, meeting.starts_at, now),
        check_in_qr=Markup(qr_svg(meeting)) if shows_check_in(meeting, now) else None,  # noqa: S704 - our own SVG
    )


def shows_check_in(meeting, now) -> bool:
    """Meetings at the jobcentre, still ahead: the kiosk in the lobby can check the citizen in."""
    return meeting.kind in ("in_person", "team") and rules.is_upcoming(
        meeting.status, meeting.starts_at, meeting.duration_minutes, now
    )


@bp.get("/<public_id>/calendar.ics")
@citizen_required()
def calendar_file(public_id: str):
    meeting = own_meeting(public_id)
    return Response(
        meeting_calendar(meeting),
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="meeting-{meeting.booking_ref}.ics"'},
    )


@bp.route("/<public_id>/<any(confirm, move, cancel):action>", methods=["GET", "POST"])
@citizen_required()
def request_page(public_id: str, action: str):
    meeting = own_meeting(public_id)
    if not rules.may_request(action, meeting.status, meeting.starts_at, utcnow()):
        return redirect(url_for("meetings.detail", public_id=public_id))
    form = FORMS[action]()
    if form.validate_on_submit():
        kind = form.kind.data if isinstance(form, CancelForm) else action
        sent = store.ask(
            meeting,
            kind,
            reason=form.reason.data if isinstance(form, MoveForm | CancelForm) else None,
            preferred_times=form.preferred_times.data if isinstance(form, MoveForm) else None,
        )
        return redirect(url_for("meetings.receipt", public_id=sent.public_id))
    status = 400 if form.errors else 200
    return render_template(f"meetings/{action}.html", meeting=meeting, form=form, labels=labels.now()), status


@bp.get("/requests/<public_id>")
@citizen_required()
def receipt(public_id: str):
    request_ = store.request_by_public_id(public_id)
    if request_ is None or request_.meeting.citizen_id != current_user.id:
        abort(404)
    return render_template("meetings/receipt.html", request_=request_, meeting=request_.meeting, labels=labels.now())
