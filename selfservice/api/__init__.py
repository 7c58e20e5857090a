"""JSON API for the municipality's case system under /api/v1: citizens, plans, meetings and preparation forms."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import views  # noqa: E402, F401
