"""Meetings: the citizen's upcoming and past meetings, calendar files, and explicit requests with receipts."""

from flask import Blueprint

bp = Blueprint("meetings", __name__, url_prefix="/me/meetings")

from . import views  # noqa: E402, F401
