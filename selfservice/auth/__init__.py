"""Sign-in and sign-out for citizens (MitID through OpenID Connect, or an invitation code) and for staff."""

from flask import Blueprint

bp = Blueprint("auth", __name__)


@bp.record_once
def _warm_up_password_check(state) -> None:
    from .passwords import warm_up

    warm_up()


from . import code_sessions, staff, views  # noqa: E402, F401
