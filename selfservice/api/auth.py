"""Bearer tokens for the case system. Only a SHA-256 of each token is stored; each token has scopes and can be
revoked; every use is noted."""

import hashlib
import secrets
from collections.abc import Callable
from functools import wraps

from flask import g, jsonify, request
from sqlalchemy import select

from .. import securitylog
from ..access import _mark
from ..extensions import db
from ..models import ApiToken, utcnow

API = "api"
SCOPES = ["citizens:write", "plans:write", "meetings:write", "forms:read", "forms:write"]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(name: str, scopes: list[str]) -> tuple[ApiToken, str]:
    token = "ss_" + secrets.token_urlsafe(32)
    record = ApiToken(name=name, token_hash=token_hash(token), scopes=scopes)
    db.session.add(record)
    db.session.commit()
    return record, token


def api_error(status: int, error: str, **extra):
    response = jsonify(error=error, **extra)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="selfservice"'
    return response


def token_required(scope: str) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            header = request.headers.get("Authorization", "")
            token = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
            record = (
                db.session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token))) if token else None
            )
            if record is None or record.revoked_at is not None:
                securitylog.event("api.unauthorized", "refused", reason="revoked" if record else "unknown_token")
                return api_error(401, "unauthorized")
            if scope not in (record.scopes or []):
                securitylog.event("api.forbidden", "refused", actor=f"api_token:{record.id}", reason="scope")
                return api_error(403, "forbidden")
            record.last_used_at = utcnow()
            g.api_token = record
            return view(*args, **kwargs)

        return _mark(wrapped, API)

    return decorator
