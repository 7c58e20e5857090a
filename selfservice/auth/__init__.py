"""Sign-in and sign-out for citizens (MitID through OpenID Connect, or an invitation code) and for staff."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import views  # noqa: E402, F401
