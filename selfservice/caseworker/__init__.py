"""The caseworker's tools: the team's citizens, a citizen's record, and sign-in codes for citizens without MitID."""

from flask import Blueprint

bp = Blueprint("caseworker", __name__, url_prefix="/staff")

from . import meetings, messages, plan_edit, queue, team_meetings, views  # noqa: E402, F401
