"""The team meeting (*tværfagligt team*) for a citizen: schedule it, the agenda with the citizen's own words, record
what the team decided, and publish plain-words minutes to the citizen's plan page."""

from flask import abort, redirect, render_template, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from .. import audit, labels
from ..access import staff_required
from ..extensions import db
from ..forms import MultiCheckboxField, options
from ..models import TeamMeeting
from ..plan import team_meetings as store
from ..plan.publishing import get_plan
from ..preparation import store as preparation_store
from ..preparation.steps import STEPS
from ..preparation.summary import step_summary
from ..rules.form_access import Viewer, visible_parts
from ..rules.preparation import TEXT_LIMIT, FormStatus
from ..scope import own_citizen
from . import bp
from .forms import meeting_date_field, meeting_start, meeting_time_field


class ScheduleForm(FlaskForm):
    date = meeting_date_field()
    time = meeting_time_field()
    place = StringField(_l("Place"), validators=[Optional(), Length(max=200)])
    departments = MultiCheckboxField(
        _l("Who takes part"),
        description=_l("The citizen and you take part. Tick the departments the team needs."),
        choices=options(labels.TEAM_DEPARTMENTS.items()),
        validators=[DataRequired(_l("Tick at least one department"))],
    )


class NotesForm(FlaskForm):
    notes = TextAreaField(
        _l("Your notes for the agenda"),
        description=_l("Only staff see these notes."),
        validators=[Optional(), Length(max=TEXT_LIMIT)],
    )


class RecordForm(FlaskForm):
    recommendation = TextAreaField(
        _l("The team's recommendation"),
        validators=[DataRequired(_l("Write the team's recommendation")), Length(max=TEXT_LIMIT)],
    )
    mentor = RadioField(
        _l("Mentor"),
        description=_l("Record whether the team considered a mentor."),
        choices=options(labels.MENTOR_DECISIONS.items()),
        validators=[InputRequired(_l("Choose what the team decided about a mentor"))],
    )
    mentor_reason = TextAreaField(_l("Why"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    outcome = TextAreaField(
        _l("What happens next"),
        description=_l("The next steps, who does what and by when."),
        validators=[DataRequired(_l("Write what happens next")), Length(max=TEXT_LIMIT)],
    )


class MinutesForm(FlaskForm):
    text = TextAreaField(
        _l("Minutes for the citizen"),
        description=_l("In plain words. The citizen reads them on their plan page."),
        validators=[DataRequired(_l("Write the minutes")), Length(max=TEXT_LIMIT)],
    )


def own_team_meeting(public_id: str) -> TeamMeeting:
    found = store.by_public_id(public_id)
    if found is None or current_user.team_id is None or found.citizen.team_id != current_user.team_id:
        abort(404)
    audit.touch(found.citizen, store.OBJECT, store.PURPOSE)
    return found


def draft_minutes(team_meeting: TeamMeeting) -> str:
    """A first draft of the minutes from what was recorded, in the caseworker's language, for them to edit."""
    mentor = labels.label(labels.MENTOR_MINUTES, team_meeting.mentor)
    parts = [
        gettext("What the team recommends: %(text)s", text=team_meeting.recommendation or ""),
        gettext("Mentor: %(text)s", text=" ".join(filter(None, [str(mentor), team_meeting.mentor_reason or ""]))),
        gettext("What happens next: %(text)s", text=team_meeting.outcome or ""),
    ]
    return "\n\n".join(parts)


@bp.route("/citizens/<public_id>/team-meetings/new", methods=["GET", "POST"])
@staff_required()
def new_team_meeting(public_id: str):
    citizen = own_citizen(public_id)
    form = ScheduleForm()
    if form.validate_on_submit() and form.date.data is not None and form.time.data:
        starts_at = meeting_start(form.date.data, form.time.data)
        chosen = [str(labels.TEAM_DEPARTMENTS[code]) for code in form.departments.data or []]
        created = store.schedule(
            citizen, starts_at, form.departments.data or [], form.place.data, ", ".join(chosen), current_user.id
        )
        return redirect(url_for("caseworker.team_meeting", public_id=created.public_id))
    audit.record(citizen, audit.READ, "profile", "team_meeting")
    db.session.commit()
    return render_template("caseworker/team_meeting_new.html", form=form, citizen=citizen), (
        400 if form.errors else 200
    )


def _agenda(team_meeting: TeamMeeting, notes_form=None, record_form=None, minutes_form=None, status=200):
    citizen = team_meeting.citizen
    prep = preparation_store.get_form(citizen)
    submission = None
    if prep is not None and prep.status != FormStatus.DRAFT:  # a draft is the citizen's own
        submission = preparation_store.last_submission(prep)
    visible = (
        visible_parts(Viewer.CASEWORKER, status=prep.status, share_resources=submission.share_resources)
        if prep is not None and submission is not None
        else None
    )
    record_form = record_form or RecordForm(obj=team_meeting)
    minutes_form = minutes_form or MinutesForm(data={"text": draft_minutes(team_meeting)})
    page = render_template(
        "caseworker/team_meeting.html",
        team_meeting=team_meeting,
        citizen=citizen,
        prep=prep if submission else None,
        submission=submission,
        visible=visible,
        steps=STEPS,
        step_summary=step_summary,
        plan=get_plan(citizen),
        notes_form=notes_form or NotesForm(obj=team_meeting),
        record_form=record_form,
        minutes_form=minutes_form,
        missing=store.missing_before_minutes(team_meeting),
        labels=labels.now(),
    )
    audit.record(citizen, audit.READ, store.OBJECT, store.PURPOSE)
    db.session.commit()
    return page, status


@bp.get("/team-meetings/<public_id>")
@staff_required()
def team_meeting(public_id: str):
    return _agenda(own_team_meeting(public_id))


@bp.post("/team-meetings/<public_id>/notes")
@staff_required()
def team_meeting_notes(public_id: str):
    found = own_team_meeting(public_id)
    form = NotesForm()
    if not form.validate_on_submit():
        return _agenda(found, notes_form=form, status=400)
    store.save_notes(found, form.notes.data or "")
    return redirect(url_for("caseworker.team_meeting", public_id=public_id, saved="notes") + "#agenda-notes")


@bp.post("/team-meetings/<public_id>/record")
@staff_required()
def team_meeting_record(public_id: str):
    found = own_team_meeting(public_id)
    if found.minutes is not None:
        abort(409)  # what the citizen was told stays as it was published
    form = RecordForm()
    if not form.validate_on_submit():
        return _agenda(found, record_form=form, status=400)
    data = {name: form[name].data or "" for name in ("recommendation", "mentor", "mentor_reason", "outcome")}
    store.record(found, **data)
    return redirect(url_for("caseworker.team_meeting", public_id=public_id, saved="record") + "#minutes")


@bp.post("/team-meetings/<public_id>/minutes")
@staff_required()
def team_meeting_minutes(public_id: str):
    found = own_team_meeting(public_id)
    form = MinutesForm()
    if found.minutes is None and (store.missing_before_minutes(found) or not form.validate_on_submit()):
        return _agenda(found, minutes_form=form, status=400)
    store.publish_minutes(found, form.text.data or "", current_user)
    return redirect(url_for("caseworker.team_meeting", public_id=public_id, saved="minutes") + "#minutes")
