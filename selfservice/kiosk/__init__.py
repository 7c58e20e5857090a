"""Kiosk mode for the jobcentre lobby: check in, pick a language, read guides, ask — and leave nothing behind."""

from flask import Blueprint

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")
# Registering kiosks, the front desk's help calls and the day list with arrivals: staff pages, under /staff.
staff_bp = Blueprint("kiosk_staff", __name__, url_prefix="/staff")

from . import admin, countdown, views  # noqa: E402, F401
