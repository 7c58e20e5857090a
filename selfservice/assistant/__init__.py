"""The chat assistant: answers from the guides and from the citizen's own case, in the citizen's language.

It runs offline on the CPU: an index built from the guides at start-up, no hosted model, nothing downloaded.
"""

from flask import Blueprint, Flask, current_app

from .engine import Assistant

bp = Blueprint("assistant", __name__)


def init_app(app: Flask) -> None:
    """Build the index once the guides are loaded (see guides.init_app)."""
    app.extensions["assistant"] = Assistant(app.extensions["guides"])
    app.jinja_env.globals["guide_title"] = guide_title


def guide_title(slug: str, lang: str) -> str:
    article = current_app.extensions["guides"].get(slug)
    return article.text_for(lang).title if article else slug


def assistant() -> Assistant:
    return current_app.extensions["assistant"]


from . import admin, api, views  # noqa: E402, F401
