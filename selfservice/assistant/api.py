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
from ..input import clean
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
    message, choose = clean(message), clean(choose) if choose else None
    if not message.strip():
        return _error(422, "message must not be empty")
    citizen = store.signed_in_citizen()
    in_session = False
    if request.headers.get("X-CSRFToken") or citizen is not None:
        try:
            validate_csrf(request.headers.get("X-CSRFToken"))
            in_session = True
        except ValidationError:
            return _error(400, "a signed-in session needs the CSRF token in the X-CSRFToken header")
    previous = store.previous_question() if in_session else None
    reply = assistant().reply(message.strip(), lang or current_language(), citizen, choose=choose, previous=previous)
    turn = store.record(message.strip() or (choose or ""), reply, in_session=in_session)
    payload = reply.as_json() | {"turn": turn.public_id}
    if in_session:
        payload["html"] = str(render_turn(turn, reply, citizen))
    return jsonify(payload)


# "kind": "crisis" whenever the crisis help leads; "choices" is also a question back ("text") between close guides.
REPLY = {
    "type": "object",
    "required": ["kind", "article", "choices", "text", "sources", "reviewed", "lang"],
    "properties": {
        "kind": {
            "type": "string",
            "enum": ["answer", "choices", "dont_know", "own_case", "action", "crisis", "out_of_scope", "greeting"],
        },
        "article": {"type": "string", "nullable": True},
        "choices": {"type": "array", "items": {"type": "string"}},
        "text": {"type": "string"},
        "sources": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title", "url"],
                "properties": {"title": {"type": "string"}, "url": {"type": "string"}},
            },
        },
        "reviewed": {"type": "string", "nullable": True},
        "lang": {"type": "string", "enum": list(LANGUAGES)},
        "turn": {"type": "string"},
        "html": {"type": "string"},
        "section": {
            "type": "object",
            "nullable": True,
            "description": "The part of the article that best answers the question, with a link to its heading",
            "required": ["heading", "text", "url"],
            "properties": {"heading": {"type": "string"}, "text": {"type": "string"}, "url": {"type": "string"}},
        },
        "upcoming": {
            "type": "object",
            "nullable": True,
            "description": "A change to the guide's rules: from (date), status (adopted or proposed) and text",
        },
        "follows": {
            "type": "object",
            "description": "With kind crisis: the answer to the rest of the message, shown after the crisis help",
        },
    },
}
ERROR = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}


@bp.get("/api/assistant/openapi.json")
@public
def openapi():
    """The assistant's API as OpenAPI 3.0, for other clients (and for the schemathesis tests)."""
    error = {"content": {"application/json": {"schema": ERROR}}}
    return jsonify(
        {
            "openapi": "3.0.3",
            "info": {"title": "selfservice assistant API", "version": "1"},
            "servers": [{"url": "/"}],
            "paths": {
                "/api/assistant": {
                    "post": {
                        "summary": "Ask the assistant a question; anonymous calls need no session or token.",
                        "requestBody": {
                            "required": True,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["message"],
                                        "properties": {
                                            "message": {
                                                "type": "string",
                                                "maxLength": MAX_QUESTION,
                                                "pattern": "[^\\s\\x00-\\x1f\\x7f-\\x9f]",
                                                "description": "At least one visible character.",
                                            },
                                            "lang": {"type": "string", "enum": list(LANGUAGES)},
                                            "choose": {"type": "string"},
                                        },
                                    }
                                }
                            },
                        },
                        "responses": {
                            "200": {"description": "The reply", "content": {"application/json": {"schema": REPLY}}},
                            "400": {"description": "Not a JSON object, or a signed-in call without CSRF", **error},
                            "422": {"description": "The body is not valid", **error},
                            "429": {"description": "Too many questions; see retry_after", **error},
                        },
                    }
                }
            },
        }
    )
