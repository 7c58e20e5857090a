"""The chat assistant: answers from the guides and from the citizen's own case, in the citizen's language.

It runs offline on the CPU: an index built from the guides at start-up, no hosted model, nothing downloaded.
"""

import threading

import click
from flask import Blueprint, Flask, current_app

from .engine import Assistant

bp = Blueprint("assistant", __name__)
_building = threading.Lock()


def init_app(app: Flask) -> None:
    """Build the index once the guides are loaded (see guides.init_app) — at start-up for a server (with gunicorn
    --preload, once in the master, shared by every worker), but only on first use for a `flask` command, so that
    `flask notifications send` every minute does not pay seconds for an index it never reads."""
    app.jinja_env.globals["guide_title"] = guide_title
    if click.get_current_context(silent=True) is None:
        build(app)


def build(app: Flask) -> Assistant:
    with _building:
        if "assistant" not in app.extensions:
            app.extensions["assistant"] = Assistant(app.extensions["guides"])
    return app.extensions["assistant"]


def guide_title(slug: str, lang: str) -> str:
    article = current_app.extensions["guides"].get(slug)
    return article.text_for(lang).title if article else slug


def assistant() -> Assistant:
    return current_app.extensions.get("assistant") or build(current_app)


from . import admin, api, views  # noqa: E402, F401
