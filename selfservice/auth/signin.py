"""What every successful sign-in does, whichever way the person came in."""

from urllib.parse import urlsplit

from flask import session
from flask_login import login_user, logout_user


def sign_in(user, method: str) -> None:
    session.clear()
    session.regenerate()  # a new session id at sign-in: a planted id is worth nothing
    login_user(user)
    session["auth_method"] = method


def sign_out() -> None:
    logout_user()
    session.end()


def safe_next(target: str | None, default: str) -> str:
    """Only our own paths: an open redirect after sign-in would be a phishing tool."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target:
        return default
    return target
