"""The citizen's own pages: their front page and who has looked at their information."""

from flask import Blueprint

bp = Blueprint("citizen", __name__, url_prefix="/me")

from . import consents, settings, views  # noqa: E402, F401
