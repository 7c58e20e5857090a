"""The check-in code a citizen's meeting page shows and the lobby kiosk reads.

Why the QR code is a signed meeting id: it proves the visitor holds the citizen's signed-in phone, so no birthday
is needed; it names no person, and it is worthless on any other day. It lives with the meetings (the page that shows
it); the kiosk only reads it.
"""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from ..models import Meeting
from . import store as meetings

SALT = "kiosk-check-in"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def code_for(meeting: Meeting) -> str:
    return "CHK." + _serializer().dumps(meeting.public_id)


def meeting_for_code(code: str) -> Meeting | None:
    try:
        public_id = _serializer().loads(code.strip().removeprefix("CHK."))
    except BadSignature:
        return None
    return meetings.by_public_id(public_id)


def qr_svg(meeting: Meeting) -> str:
    """The check-in code as an inline SVG (a few hundred bytes; no image request, no JavaScript)."""
    import segno

    return segno.make(code_for(meeting), error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
