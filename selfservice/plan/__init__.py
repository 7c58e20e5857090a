"""Min Plan: the citizen's published plan, its history, a print view and the team meeting minutes."""

from flask import Blueprint

bp = Blueprint("plan", __name__, url_prefix="/me/plan")

from . import views  # noqa: E402, F401
