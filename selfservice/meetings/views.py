"""The citizen's meetings. Every request about a meeting is an explicit step: a page that says what will happen,
a button, and a receipt; the request stays visible with its status until a caseworker has handled it."""

from flask import Response, abort, redirect, render_template, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from .. import labels
from ..access import citizen_required
from ..extensions import db
from ..kiosk.checkin import qr_svg
from ..models import Meeting, MeetingRequest, utcnow
from ..rules import meetings as rules
from . import bp
from .calendar import meeting_calendar
from .forms import CancelForm, ConfirmForm, MoveForm

FORMS = {"confirm": ConfirmForm, "move": MoveForm, "cancel": CancelForm}


def own_meeting(public_id: str) -> Meeting:
    meeting = db.session.scalar(select(Meeting).where(Meeting.public_id == public_id))
    if meeting is None or meeting.citizen_id != current_user.id:
        abort(404)
    return meeting


@bp.get("/")
@citizen_required()
def index():
    now = utcnow()
    meetings = db.session.scalars(
        select(Meeting).where(Meeting.citizen_id == current_user.id).order_by(Meeting.starts_at)
    ).all()
    upcoming = [m for m in meetings if rules.is_upcoming(m.status, m.starts_at, m.duration_minutes, now)]
    past = [m for m in reversed(meetings) if m not in upcoming]
    return render_template("meetings/index.html", upcoming=upcoming, past=past, labels=labels)


@bp.get("/<public_id>")
@citizen_required()
def detail(public_id: str):
    meeting = own_meeting(public_id)
    now = utcnow()
    return render_template(
        "meetings/detail.html",
        meeting=meeting,
        labels=labels,
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
        kind = form.kind.data if action == "cancel" else action
        # Pressing twice, or going back and sending again, must not make two requests.
        existing = db.session.scalar(
            select(MeetingRequest).where(
                MeetingRequest.meeting_id == meeting.id, MeetingRequest.kind == kind, MeetingRequest.status == "open"
            )
        )
        if existing is None:
            existing = MeetingRequest(
                meeting_id=meeting.id,
                kind=kind,
                reason=getattr(form, "reason", None) and form.reason.data,
                preferred_times=getattr(form, "preferred_times", None) and form.preferred_times.data,
            )
            db.session.add(existing)
            db.session.commit()
        return redirect(url_for("meetings.receipt", public_id=existing.public_id))
    status = 400 if form.errors else 200
    return render_template(f"meetings/{action}.html", meeting=meeting, form=form, labels=labels), status


@bp.get("/requests/<public_id>")
@citizen_required()
def receipt(public_id: str):
    request_ = db.session.scalar(select(MeetingRequest).where(MeetingRequest.public_id == public_id))
    if request_ is None or request_.meeting.citizen_id != current_user.id:
        abort(404)
    return render_template("meetings/receipt.html", request_=request_, meeting=request_.meeting, labels=labels)
