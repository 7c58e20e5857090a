"""Guides: the knowledge base of rights, duties and upskilling, in every language, with sources and dates."""

from pathlib import Path

from flask import Blueprint, Flask, current_app

from .content import Library, load_library

bp = Blueprint("guides", __name__)
# Tools that take a reader further, listed on the guides page: the self-checks register theirs here (name -> title),
# so that guides need not import the feature that builds on them.
SELF_CHECKS: dict[str, object] = {}


def init_app(app: Flask) -> None:
    """Read the articles once at start-up; a content change ships with a deploy, like code."""
    directory = app.config.get("CONTENT_DIR")
    app.extensions["guides"] = load_library(Path(directory)) if directory else load_library()


def library() -> Library:
    return current_app.extensions["guides"]


from . import admin, views  # noqa: E402, F401
