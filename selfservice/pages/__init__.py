"""Public pages: the landing page, the accessibility statement, privacy, contact and the health check."""

from flask import Blueprint

bp = Blueprint("pages", __name__)

from . import views  # noqa: E402, F401
