"""Messages: one secure thread per citizen with their team, used by the citizen and by caseworkers."""

from flask import Blueprint

bp = Blueprint("messages", __name__, url_prefix="/me/messages")

from . import views  # noqa: E402, F401
