"""The caseworkers' queue of sent forms: the team's forms with each citizen's next meeting, filtered and counted.

Why here and not in the caseworker's views: the query is about preparation forms and meetings; the caseworker's page
only shows it.
"""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..meetings import store as meetings
from ..models import Citizen, PreparationForm


def of_team(
    team_id: int,
    visible: Sequence[str],
    status: str | None = None,
    resources: str | None = None,
    meeting_from: date | None = None,
    meeting_to: date | None = None,
):
    """(rows of (form, next meeting time), {status: count}); soonest meeting first, forms without one last."""
    team_forms = (
        select(PreparationForm)
        .join(Citizen, Citizen.id == PreparationForm.citizen_id)
        .where(Citizen.team_id == team_id, PreparationForm.status.in_(visible))
    )
    counts = dict(
        db.session.execute(
            select(PreparationForm.status, func.count())
            .join(Citizen, Citizen.id == PreparationForm.citizen_id)
            .where(Citizen.team_id == team_id, PreparationForm.status.in_(visible))
            .group_by(PreparationForm.status)
        )
        .tuples()
        .all()
    )
    next_meeting = meetings.next_planned_of_team(team_id)
    query = (
        team_forms.options(contains_eager(PreparationForm.citizen))  # the joined citizen, not one query per row
        .add_columns(next_meeting.c.next_meeting)
        .outerjoin(next_meeting, next_meeting.c.citizen_id == PreparationForm.citizen_id)
    )
    if status:
        query = query.where(PreparationForm.status == status)
    if resources == "yes":
        query = query.where(PreparationForm.has_resources.is_(True), PreparationForm.share_resources.is_(True))
    elif resources == "no":
        query = query.where((PreparationForm.has_resources.is_(False)) | (PreparationForm.share_resources.is_(False)))
    if meeting_from:
        query = query.where(next_meeting.c.next_meeting >= datetime.combine(meeting_from, time.min))
    if meeting_to:
        end = datetime.combine(meeting_to, time.min) + timedelta(days=1)
        query = query.where(next_meeting.c.next_meeting < end)
    order = (next_meeting.c.next_meeting.is_(None), next_meeting.c.next_meeting, PreparationForm.submitted_at)
    return db.session.execute(query.order_by(*order)).all(), counts
