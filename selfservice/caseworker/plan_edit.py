"""The caseworker keeps the plan up to date: goal and activities in a working copy, published as a new version."""

from flask import abort, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, FloatField, SelectField, StringField, TextAreaField
from wtforms.validators import URL, DataRequired, Length, NumberRange, Optional

from .. import audit, labels
from ..access import staff_required
from ..extensions import db
from ..forms import options
from ..models import PlanActivity, TeamMinutes, utcnow
from ..plan.publishing import activity_by_public_id, activity_dict, latest_version, plan_for, publish
from ..rules import plan as rules
from ..scope import own_citizen
from . import bp


class GoalForm(FlaskForm):
    goal_kind = SelectField(_l("Kind of goal"), choices=options([("", _l("Not set yet")), *labels.GOAL_KINDS.items()]))
    goal = StringField(_l("Goal"), validators=[Optional(), Length(max=500)])


class ActivityForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(_l("Enter a title")), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=2000)])
    sub_goal = StringField(_l("Sub-goal"), validators=[Optional(), Length(max=500)])
    area = SelectField(_l("Area"), choices=options(labels.AREAS.items()))
    status = SelectField(_l("Status"), choices=options(labels.ACTIVITY_STATUSES.items()))
    start_date = DateField(_l("Start"), validators=[Optional()])
    end_date = DateField(_l("End"), validators=[Optional()])
    hours_per_week = FloatField(_l("Hours per week"), validators=[Optional(), NumberRange(0, 60)])
    department = StringField(_l("Responsible department"), validators=[Optional(), Length(max=200)])
    caseworker = StringField(_l("Caseworker"), validators=[Optional(), Length(max=200)])
    legal_basis = StringField(
        _l("Legal basis"),
        description=_l("Law and paragraph, for example LAB § 42"),
        validators=[Optional(), Length(max=200)],
    )
    legal_url = StringField(_l("Link to the official text"), validators=[Optional(), URL(), Length(max=500)])
    agreed = BooleanField(_l("Agreed with the citizen"))

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.start_date.data and self.end_date.data and self.end_date.data < self.start_date.data:
            self.end_date.errors = [*self.end_date.errors, str(_l("The end must be after the start"))]
            return False
        return ok


class MinutesForm(FlaskForm):
    meeting_date = DateField(_l("Date of the team meeting"), validators=[DataRequired(_l("Enter the date"))])
    text = TextAreaField(_l("Minutes"), validators=[DataRequired(_l("Write the minutes")), Length(max=10000)])


def _page(citizen, **forms):
    plan = plan_for(citizen)
    db.session.commit()
    version = latest_version(plan)
    current = rules.snapshot(plan.goal_kind, plan.goal, [activity_dict(a) for a in plan.activities])
    pending = rules.changes(version.snapshot if version else None, current)
    goal_form = forms.get("goal_form") or GoalForm(data={"goal_kind": plan.goal_kind or "", "goal": plan.goal})
    return render_template(
        "caseworker/plan.html",
        citizen=citizen,
        plan=plan,
        version=version,
        pending=pending,
        goal_form=goal_form,
        labels=labels.now(),
    )


@bp.get("/citizens/<public_id>/plan")
@staff_required()
def plan(public_id: str):
    citizen = own_citizen(public_id)
    audit.record(citizen, audit.READ, "plan", "casework")
    return _page(citizen)


@bp.post("/citizens/<public_id>/plan/goal")
@staff_required()
def plan_goal(public_id: str):
    citizen = own_citizen(public_id)
    form = GoalForm()
    if not form.validate_on_submit():
        return _page(citizen, goal_form=form), 400
    current = plan_for(citizen)
    current.goal_kind, current.goal, current.updated_at = form.goal_kind.data or None, form.goal.data, utcnow()
    audit.record(citizen, audit.WRITE, "plan", "casework")
    db.session.commit()
    return redirect(url_for("caseworker.plan", public_id=public_id))


@bp.route("/citizens/<public_id>/plan/activities/new", methods=["GET", "POST"])
@staff_required()
def new_activity(public_id: str):
    citizen = own_citizen(public_id)
    form = ActivityForm()
    if form.validate_on_submit():
        activity = PlanActivity(plan_id=plan_for(citizen).id)
        form.populate_obj(activity)
        db.session.add(activity)
        audit.record(citizen, audit.WRITE, "plan", "casework")
        db.session.commit()
        return redirect(url_for("caseworker.plan", public_id=public_id))
    return render_template("caseworker/activity_form.html", form=form, citizen=citizen, activity=None), (
        400 if form.errors else 200
    )


@bp.route("/plan/activities/<public_id>/edit", methods=["GET", "POST"])
@staff_required()
def edit_activity(public_id: str):
    activity = activity_by_public_id(public_id)
    if activity is None:
        abort(404)
    citizen = own_citizen(activity.plan.citizen.public_id)
    form = ActivityForm(obj=activity)
    if form.validate_on_submit():
        form.populate_obj(activity)
        audit.record(citizen, audit.WRITE, "plan", "casework")
        db.session.commit()
        return redirect(url_for("caseworker.plan", public_id=citizen.public_id))
    return render_template("caseworker/activity_form.html", form=form, citizen=citizen, activity=activity), (
        400 if form.errors else 200
    )


@bp.post("/citizens/<public_id>/plan/publish")
@staff_required()
def publish_plan(public_id: str):
    citizen = own_citizen(public_id)
    version = publish(plan_for(citizen), current_user)
    if version is not None:
        audit.record(citizen, audit.WRITE, "plan", "casework")
    db.session.commit()
    return redirect(url_for("caseworker.plan", public_id=public_id, published=version.number if version else 0))


@bp.route("/citizens/<public_id>/minutes/new", methods=["GET", "POST"])
@staff_required()
def new_minutes(public_id: str):
    citizen = own_citizen(public_id)
    form = MinutesForm()
    if form.validate_on_submit():
        db.session.add(
            TeamMinutes(
                citizen_id=citizen.id,
                meeting_date=form.meeting_date.data,
                text=form.text.data,
                published_by_id=current_user.id,
            )
        )
        audit.record(citizen, audit.WRITE, "plan", "team_meeting")
        db.session.commit()
        return redirect(url_for("caseworker.plan", public_id=public_id))
    return render_template("caseworker/minutes_form.html", form=form, citizen=citizen), (400 if form.errors else 200)
