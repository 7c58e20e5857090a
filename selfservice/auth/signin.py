"""What every successful sign-in does, whichever way the person came in."""

from urllib.parse import urlsplit

from flask import session
from flask_login import login_user, logout_user

from ..sessions import current_session


def sign_in(user, method: str) -> None:
    session.clear()
    current_session().regenerate()  # a new session id at sign-in: a planted id is worth nothing
    login_user(user)
    session["auth_method"] = method


def sign_out() -> None:
    logout_user()
    current_session().end()


def safe_next(target: str | None, default: str) -> str:
    """Only our own paths: an open redirect after sign-in would be a phishing tool.

    Control characters (below 0x20, and 0x7f) are refused too: a CR/LF in a Location header made the sign-in
    callback fail with an error after the person was already signed in (security review F13).
    """
    if not target or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target:
        return default
    return target
