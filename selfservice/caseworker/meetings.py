"""The caseworker's side of meetings: the inbox of citizens' requests, and planning, changing and cancelling."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import URL, Length, NumberRange, Optional

from .. import audit, labels
from ..access import staff_required
from ..extensions import db
from ..forms import options
from ..meetings import store
from ..messages.thread import threads_waiting
from ..models import Meeting
from ..rules import meetings as rules
from ..rules.meetings import RequestStatus
from ..scope import own_citizen
from . import bp
from .forms import meeting_date_field, meeting_start, meeting_time_field


class MeetingForm(FlaskForm):
    date = meeting_date_field()
    time = meeting_time_field()
    duration_minutes = IntegerField(_l("Length in minutes"), default=60, validators=[NumberRange(10, 480)])
    kind = SelectField(_l("Type"), choices=options(labels.MEETING_KINDS.items()))
    place = StringField(_l("Place"), validators=[Optional(), Length(max=200)])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=300)])
    participants = StringField(_l("Who takes part"), validators=[Optional(), Length(max=500)])
    bring = TextAreaField(_l("What to bring"), validators=[Optional(), Length(max=1000)])
    video_url = StringField(
        _l("Video link"), validators=[Optional(), URL(message=_l("Enter a full web address")), Length(max=500)]
    )


class HandleForm(FlaskForm):
    response = TextAreaField(_l("Answer to the citizen"), validators=[Optional(), Length(max=2000)])


def own_meeting(public_id: str) -> Meeting:
    meeting = store.by_public_id(public_id)
    if meeting is None or current_user.team_id is None or meeting.citizen.team_id != current_user.team_id:
        abort(404)
    audit.touch(meeting.citizen, "meeting")
    return meeting


@bp.get("/inbox")
@staff_required()
def inbox():
    """New messages and meeting requests: "waiting for us", "waiting for the citizen" and "handled"."""
    show = request.args.get("show", "")
    if show not in ("citizen", "handled"):
        show = "open"
    team_id = current_user.team_id
    threads = threads_waiting(team_id, for_us=show == "open") if show != "handled" and team_id is not None else []
    requests_ = []
    if show != "citizen" and team_id is not None:  # staff without a team see no one (never "team IS NULL")
        requests_ = store.requests_of_team(team_id, RequestStatus(show), newest_first=show == "handled")
    # One small form per request, prefixed so that every field id on the page is unique.
    forms = {r.public_id: HandleForm(prefix=r.public_id) for r in requests_}
    page = render_template(
        "caseworker/inbox.html", requests_=requests_, show=show, labels=labels.now(), forms=forms, threads=threads
    )
    # After rendering (a commit expires what the page reads): each citizen shown, in their access log.
    audit.record_many([c for c, _m in threads], audit.READ, "messages", "inbox", once_per=audit.LIST_WINDOW)
    shown = [r.meeting.citizen for r in requests_]
    audit.record_many(shown, audit.READ, "meeting", "inbox", once_per=audit.LIST_WINDOW)
    db.session.commit()
    return page


@bp.post("/requests/<public_id>/handle")
@staff_required()
def handle_request(public_id: str):
    request_ = store.request_by_public_id(public_id)
    if request_ is None:
        abort(404)
    own_meeting(request_.meeting.public_id)
    form = HandleForm(prefix=public_id)
    if not form.validate_on_submit():
        abort(400)
    store.handle(request_, current_user.id, form.response.data)
    return redirect(url_for("caseworker.inbox"))


def _save(form: MeetingForm, meeting: Meeting) -> None:
    """Called only after form.validate_on_submit(): the date and the time are required and checked."""
    assert form.date.data is not None and form.time.data is not None
    fields = {name: getattr(form, name).data for name in store.FIELDS}
    starts_at = meeting_start(form.date.data, form.time.data)
    store.save(meeting, starts_at, fields, store.casework(current_user.id), plan_again=False)


@bp.route("/citizens/<public_id>/meetings/new", methods=["GET", "POST"])
@staff_required()
def new_meeting(public_id: str):
    citizen = own_citizen(public_id)
    form = MeetingForm()
    if form.validate_on_submit():
        _save(form, Meeting(citizen_id=citizen.id, citizen=citizen))
        return redirect(url_for("caseworker.citizen", public_id=public_id))
    return render_template("caseworker/meeting_form.html", form=form, citizen=citizen, meeting=None), (
        400 if form.errors else 200
    )


@bp.route("/meetings/<public_id>/edit", methods=["GET", "POST"])
@staff_required()
def edit_meeting(public_id: str):
    meeting = own_meeting(public_id)
    form = MeetingForm(obj=meeting)
    if request.method == "GET":
        local = rules.to_local(meeting.starts_at)
        form.date.data, form.time.data = local.date(), local.strftime("%H:%M")
    if form.validate_on_submit():
        _save(form, meeting)
        return redirect(url_for("caseworker.citizen", public_id=meeting.citizen.public_id))
    return render_template("caseworker/meeting_form.html", form=form, citizen=meeting.citizen, meeting=meeting), (
        400 if form.errors else 200
    )


@bp.post("/meetings/<public_id>/cancel")
@staff_required()
def cancel_meeting(public_id: str):
    meeting = own_meeting(public_id)
    store.cancel(meeting, store.casework(current_user.id))
    return redirect(url_for("caseworker.citizen", public_id=meeting.citizen.public_id))
