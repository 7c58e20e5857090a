"""Flask-Login wiring: one user id space for citizens and staff ("citizen:7", "staff:3")."""

from flask import Flask
from flask_login import AnonymousUserMixin, LoginManager

from ..extensions import db
from ..models import Citizen, StaffUser


class Anonymous(AnonymousUserMixin):
    is_citizen = False
    is_staff = False
    is_admin = False


def load_user(user_id: str):
    kind, _, raw_id = user_id.partition(":")
    if not raw_id.isdigit():
        return None
    user: Citizen | StaffUser | None
    if kind == "citizen":
        user = db.session.get(Citizen, int(raw_id))
    elif kind == "staff":
        user = db.session.get(StaffUser, int(raw_id))
    else:
        return None
    if user is None or not user.is_active:
        return None
    return user


def init_login(app: Flask, manager: LoginManager) -> None:
    manager.init_app(app)
    manager.anonymous_user = Anonymous
    manager.session_protection = None  # the server-side session already binds and rotates the id
    manager.user_loader(load_user)
