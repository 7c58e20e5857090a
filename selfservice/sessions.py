"""Server-side sessions.

Why not Flask's signed cookie: sign-out and timeouts must hold on the server and across several app instances.
The cookie carries only a random id; the record (its SHA-256 as key) lives in the shared database, so signing out
on one instance ends the session on all of them, and a stolen copy of an old cookie is worth nothing.
"""

import hashlib
import json
import secrets
from datetime import timedelta

from flask import Flask, Request, Response, request, session
from flask.sessions import SessionInterface, SessionMixin
from sqlalchemy import delete
from sqlalchemy.exc import OperationalError
from werkzeug.datastructures import CallbackDict

from . import securitylog
from .extensions import db
from .models import WebSession, utcnow

# Writing last_seen on every request would turn every page view into a write; a minute is precise enough for a
# 30-minute idle timeout.
TOUCH_INTERVAL = timedelta(seconds=60)


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


class ServerSession(CallbackDict, SessionMixin):
    def __init__(self, initial=None, sid=None, record: WebSession | None = None, expired=False, stale_cookie=False):
        def on_update(_self):
            _self.modified = True

        super().__init__(initial, on_update)
        self.sid = sid
        self.record = record
        self.modified = False
        self.rotate = False
        self.destroy = False
        # True when this request arrived with a session the server had ended for inactivity or age.
        self.expired = expired
        # The browser sent a cookie the server no longer knows: delete it unless a new session replaces it.
        self.stale_cookie = stale_cookie
        # The session could not be read because the database is down (see access.init_app: a 503, not a sign-in).
        self.unavailable = False

    def regenerate(self) -> None:
        """New session id at sign-in (prevents session fixation); the data carries over."""
        self.rotate = True
        self.destroy = False
        self.modified = True

    def end(self) -> None:
        """Sign-out: delete the record on the server and the cookie in the browser."""
        self.clear()
        self.destroy = True


BACKGROUND_HEADER = "X-Background-Refresh"


class ServerSessionInterface(SessionInterface):
    def open_session(self, app: Flask, request: Request) -> ServerSession:
        sid = request.cookies.get(self.get_cookie_name(app))
        if not sid:
            return ServerSession()
        try:
            record = db.session.get(WebSession, _hash(sid))
        except OperationalError:
            # Database down: never treat a signed-in person as signed out. The request gets the friendly 503 page
            # (and /healthz can still answer); the cookie is kept for when the database is back.
            db.session.rollback()
            unavailable = ServerSession()
            unavailable.unavailable = True
            return unavailable
        if record is None:
            return ServerSession(expired=True, stale_cookie=True)
        now = utcnow()
        idle = app.config["SESSION_IDLE_TIMEOUT"]
        absolute = app.config["SESSION_ABSOLUTE_TIMEOUT"]
        if now - record.last_seen_at > idle or now - record.created_at > absolute:
            was_signed_in = record.user_key is not None
            db.session.delete(record)
            db.session.commit()
            if was_signed_in:
                reason = "idle" if now - record.last_seen_at > idle else "absolute"
                securitylog.event("session.ended", "expired", actor=record.user_key, reason=reason)
            return ServerSession(expired=was_signed_in, stale_cookie=True)
        try:
            data = json.loads(record.data)
        except ValueError:
            data = {}
        return ServerSession(data, sid=sid, record=record)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        assert isinstance(session, ServerSession)  # open_session above makes no other kind
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        if session.destroy or not session:
            if session.record is not None:
                db.session.execute(delete(WebSession).where(WebSession.id_hash == session.record.id_hash))
                db.session.commit()
            if session.sid or session.destroy or session.stale_cookie:
                response.delete_cookie(name, domain=domain, path=path)
            return
        now = utcnow()
        if session.rotate and session.record is not None:
            db.session.delete(session.record)
            session.record = None
        if session.record is None:
            session.sid = secrets.token_urlsafe(32)
            session.record = WebSession(id_hash=_hash(session.sid), created_at=now)
            db.session.add(session.record)
        elif not session.modified and (
            now - session.record.last_seen_at < TOUCH_INTERVAL or request.headers.get(BACKGROUND_HEADER) == "1"
        ):
            # A page refreshing itself (static/js/today.js) is not someone at the screen: it must not keep an
            # unattended session alive past the idle timeout.
            return
        session.record.data = json.dumps(dict(session), default=str)
        session.record.user_key = session.get("_user_id")
        session.record.last_seen_at = now
        db.session.commit()
        response.set_cookie(
            name,
            session.sid,
            httponly=True,
            secure=self.get_cookie_secure(app),
            samesite=self.get_cookie_samesite(app),
            domain=domain,
            path=path,
        )


def current_session() -> ServerSession:
    """`flask.session`, typed as what it always is here: create_app installs ServerSessionInterface."""
    assert isinstance(session, ServerSession)
    return session


def end_sessions_of(user_key: str) -> None:
    """End every session of a user (for example when an account is locked)."""
    db.session.execute(delete(WebSession).where(WebSession.user_key == user_key))
    db.session.commit()
