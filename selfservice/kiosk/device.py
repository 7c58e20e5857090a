"""Which browser is a kiosk, and what a kiosk may reach.

Why restrict the device and not only the pages: a kiosk is a browser anyone can walk up to. Whatever address a
visitor types, a kiosk device gets kiosk pages, the public guides and the anonymous assistant — never a sign-in, a
citizen's page or the staff pages. And because strangers share it, it never keeps a language or any other cookie
between visitors; its language lives in the visit's server-side session.
"""

from __future__ import annotations

import hashlib
import secrets

from flask import Flask, abort, g, redirect, request, session, url_for
from flask_login import logout_user
from sqlalchemy import select

from ..extensions import db
from ..models import Kiosk, utcnow
from ..sessions import current_session

DEVICE_COOKIE = "kiosk_device"
LANGUAGE_KEY = "kiosk_lang"
# Endpoints a kiosk device may open besides its own pages: read-only public content and the anonymous assistant.
ALLOWED = {
    "static",
    "guides.index",
    "guides.article",
    "selfchecks.start",
    "selfchecks.restart",
    "selfchecks.question",
    "selfchecks.result",
    "what_applies.start",
    "what_applies.restart",
    "what_applies.question",
    "what_applies.result",
    "assistant.page",
    "assistant.ask",
    "assistant.feedback",
    "assistant.delete_conversation",
    "pages.healthz",
    "pages.accessibility",
}
FIVE_YEARS = 5 * 365 * 24 * 3600


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def current_kiosk() -> Kiosk | None:
    return g.get("kiosk")


def _load_kiosk() -> None:
    g.kiosk = None
    g.kiosk_revoked = False
    token = request.cookies.get(DEVICE_COOKIE)
    if not token:
        return
    kiosk = db.session.scalar(select(Kiosk).where(Kiosk.device_token_hash == token_hash(token)))
    if kiosk is None:
        return
    if kiosk.revoked_at is not None:
        g.kiosk_revoked = True
        return
    g.kiosk = kiosk
    g.shared_device, g.device_language = True, session.get(LANGUAGE_KEY)  # read by i18n_web's locale selector


def init_app(app: Flask) -> None:
    @app.before_request
    def keep_kiosks_in_kiosk_mode():
        if request.endpoint is None or request.endpoint == "static":
            return None
        _load_kiosk()
        if g.kiosk_revoked and request.endpoint not in ("kiosk.start", "kiosk.activate"):
            return redirect(url_for("kiosk.start"))
        if g.kiosk is None:
            return None
        _end_any_sign_in()
        if request.blueprint == "kiosk" or request.endpoint in ALLOWED:
            return None
        if request.path.startswith("/api/") and request.endpoint != "assistant.ask":
            abort(404)
        return redirect(url_for("kiosk.start"))

    @app.after_request
    def nothing_stays_on_a_kiosk(response):
        if g.get("kiosk") is not None or g.get("kiosk_revoked"):
            response.headers["Cache-Control"] = "no-store"
            response.delete_cookie("lang")
        return response


def _end_any_sign_in() -> None:
    """A kiosk is anonymous: a signed-in session found on one (left from before activation, or a cookie carried
    in by hand) is ended on the server before any page can read it, and the request goes on as anyone's."""
    if "_user_id" not in session:
        return
    logout_user()
    new_visit()


def new_visit() -> None:
    """Forget everything the session held and give the visit a new session id (the old record is deleted)."""
    session.clear()
    current_session().regenerate()


def touch(kiosk: Kiosk) -> None:
    kiosk.last_seen_at = utcnow()
    db.session.commit()
