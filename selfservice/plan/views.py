"""The citizen sees the plan as it was last published, never the caseworker's unpublished edits."""

from flask import abort, render_template
from flask_login import current_user
from sqlalchemy import select

from .. import labels
from ..access import citizen_required
from ..extensions import db
from ..models import TeamMinutes
from ..rules import plan as rules
from . import bp, team_meetings
from .publishing import activities_of, get_plan, published_version_of


def _context():
    version = published_version_of(current_user)
    return {
        "version": version,
        "groups": rules.grouped(activities_of(version)),
        "labels": labels.now(),
    }


@bp.get("/")
@citizen_required()
def index():
    minutes = db.session.scalars(
        select(TeamMinutes).where(TeamMinutes.citizen_id == current_user.id).order_by(TeamMinutes.meeting_date.desc())
    ).all()
    return render_template("plan/index.html", minutes=minutes, **_context())


@bp.get("/print")
@citizen_required()
def print_view():
    return render_template("plan/print.html", **_context())


@bp.get("/history")
@citizen_required()
def history():
    plan = get_plan(current_user)
    versions = list(reversed(plan.versions)) if plan else []
    return render_template("plan/history.html", versions=versions, labels=labels.now())


@bp.get("/minutes/<public_id>")
@citizen_required()
def minutes(public_id: str):
    item = db.session.scalar(select(TeamMinutes).where(TeamMinutes.public_id == public_id))
    if item is None or item.citizen_id != current_user.id:
        abort(404)
    return render_template(
        "plan/minutes.html", item=item, team_meeting=team_meetings.of_minutes(item.id), labels=labels.now()
    )
