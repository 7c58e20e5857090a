"""POST /api/assistant: the JSON face of the assistant, used by the conversation page and by any other client.

Why CSRF only for signed-in sessions: an anonymous call carries nothing personal and needs no session or token.
A call that rides on a signed-in session can read that citizen's own case, so it must prove it comes from our page.
"""

from flask import current_app, jsonify, request
from flask_wtf.csrf import ValidationError, validate_csrf

from ..access import public
from ..extensions import csrf, limiter
from ..i18n import LANGUAGES
from ..i18n_web import current_language
from . import assistant, bp, store
from .forms import MAX_QUESTION
from .views import render_turn


def _limit() -> str:
    return current_app.config["RATELIMIT_ASSISTANT"]


def _error(status: int, message: str, **extra):
    return jsonify(error=message, **extra), status


@bp.post("/api/assistant")
@public
@csrf.exempt
@limiter.limit(_limit)
def ask():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(400, "the body must be a JSON object")
    message, lang, choose = body.get("message", ""), body.get("lang"), body.get("choose")
    if not isinstance(message, str) or len(message) > MAX_QUESTION:
        return _error(422, f"message must be a string of at most {MAX_QUESTION} characters")
    if lang is not None and lang not in LANGUAGES:
        return _error(422, "lang must be one of " + ", ".join(LANGUAGES))
    if choose is not None and not isinstance(choose, str):
        return _error(422, "choose must be a string")
    if not message.strip() and not choose:
        return _error(422, "message must not be empty")
    citizen = store.signed_in_citizen()
    in_session = False
    if request.headers.get("X-CSRFToken") or citizen is not None:
        try:
            validate_csrf(request.headers.get("X-CSRFToken"))
            in_session = True
        except ValidationError:
            return _error(400, "a signed-in session needs the CSRF token in the X-CSRFToken header")
    reply = assistant().reply(message.strip(), lang or current_language(), citizen, choose=choose)
    turn = store.record(message.strip() or (choose or ""), reply, in_session=in_session)
    payload = reply.as_json() | {"turn": turn.public_id}
    if in_session:
        payload["html"] = str(render_turn(turn, reply, citizen))
    return jsonify(payload)
