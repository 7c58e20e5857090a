"""Team scoping: a caseworker reaches only the citizens of their own team.

Why a module of its own, below the features: the caseworker pages, "fill in together" (preparation) and any future
staff feature ask the same question, and none of them should import another feature's views to ask it.
"""

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from . import audit
from .extensions import db
from .models import Citizen


def own_citizen(public_id: str, obj: str = "profile") -> Citizen:
    """A caseworker reaches only their own team's citizens; anyone else's is 'not found', not 'forbidden'.

    Every citizen reached this way is in their access log after the request (see audit.touch)."""
    citizen = db.session.scalar(select(Citizen).where(Citizen.public_id == public_id))
    if citizen is None or current_user.team_id is None or citizen.team_id != current_user.team_id:
        abort(404)
    audit.touch(citizen, obj)
    return citizen
