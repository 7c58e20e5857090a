"""Security events as one structured line each, for operators (ASVS 5.0 V16).

Why a log of its own: brute force against sign-in codes, a stolen password tried against the staff sign-in, or a
script probing other citizens' pages must be visible to the people who run the service, without the log itself
becoming a store of personal data. A line therefore names the event, the route *pattern* (never the path with its
ids), the method, the outcome and the actor as an internal key ("citizen:12", "staff:3", "kiosk:<id>" or
"anonymous") — never a name, e-mail, code, date of birth, IP address or free text. The README lists every event.

Lines go to the logger ``selfservice.security`` at INFO as JSON, for example::

    {"actor": "anonymous", "event": "signin.failure", "method": "POST", "outcome": "wrong_code",
     "route": "/login/code", "way": "invitation"}
"""

import json
import logging
import sys

from flask import Flask, has_request_context, request

logger = logging.getLogger("selfservice.security")

# Only these extra keys may be logged: each is an internal id, a count or a fixed word chosen by our code.
ALLOWED_FIELDS = {"way", "reason", "status", "attempts", "target", "limit"}


def _route() -> str:
    if not has_request_context():
        return "cli"
    rule = request.url_rule
    return rule.rule if rule is not None else "unmatched"


def _actor() -> str:
    if not has_request_context():
        return "system"
    from flask import g
    from flask_login import current_user

    kiosk = getattr(g, "kiosk", None)
    if kiosk is not None:
        return f"kiosk:{kiosk.public_id}"
    if getattr(current_user, "is_authenticated", False):
        return current_user.get_id()
    return "anonymous"


def event(name: str, outcome: str, *, actor: str | None = None, **fields) -> dict:
    """Write one security event; returns the record (for tests and callers that want to add it elsewhere)."""
    unknown = set(fields) - ALLOWED_FIELDS
    if unknown:
        raise ValueError(f"security events take only {sorted(ALLOWED_FIELDS)}, not {sorted(unknown)}")
    record = {
        "event": name,
        "outcome": outcome,
        "route": _route(),
        "method": request.method if has_request_context() else None,
        "actor": actor or _actor(),
        **{key: value for key, value in fields.items() if value is not None},
    }
    logger.info(json.dumps(record, sort_keys=True, ensure_ascii=True))
    return record


def init_app(app: Flask) -> None:
    """One line per event on standard error, unless the operator has configured the logger themselves."""
    logger.setLevel(logging.INFO)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
