"""Self-checks: one question per page, then guidance with its reasons and sources. Never a decision."""

from flask import Blueprint

bp = Blueprint("selfchecks", __name__, url_prefix="/self-checks")

from . import views  # noqa: E402, F401
