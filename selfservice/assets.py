"""Static files a slow phone downloads once: fingerprinted names, cached for a year, and compressed HTML.

Why: on a 400 kbit/s connection every render-blocking byte and every round trip shows as seconds before the first
paint. The asset build (scripts/build-assets.mjs) writes each stylesheet, script and icon under static/build/ with a
hash of its content in the name, plus a manifest from the name templates use ("css/site.css") to that file. Templates
keep calling url_for("static", filename="css/site.css"); the manifest turns it into the fingerprinted address, which
may then be cached as immutable: a changed file gets a new name. HTML is compressed per response (brotli or gzip,
Flask-Compress); the static files are compressed once at build time and WhiteNoise sends the right copy.

About BREACH (compression of pages that carry a CSRF token and reflect input): the session cookie is SameSite=Lax, so
another site's page cannot make the many credentialed requests the attack needs.
"""

import json
import re
from pathlib import Path

from flask import Flask
from flask_compress import Compress
from whitenoise import WhiteNoise

from .config import PACKAGE

BUILD = PACKAGE / "static" / "build"
MANIFEST = BUILD / "manifest.json"
ONE_YEAR = 365 * 24 * 3600
FINGERPRINTED = re.compile(r"^/static/build/.+\.[0-9a-f]{10}\.\w+$")

compress = Compress()


def load_manifest(path: Path = MANIFEST) -> dict[str, str]:
    """The build's map from a template's file name to the fingerprinted one (empty before the first build)."""
    return json.loads(path.read_text()) if path.exists() else {}


def is_fingerprinted(_path: str, url: str) -> bool:
    return bool(FINGERPRINTED.match(url))


def init_app(app: Flask) -> None:
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_MIMETYPES", ["text/html", "application/json", "text/calendar"])
    app.config.setdefault("COMPRESS_MIN_SIZE", 500)
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)
    app.config.setdefault("COMPRESS_LEVEL", 6)
    compress.init_app(app)
    manifest = load_manifest()
    app.extensions["asset_manifest"] = manifest

    @app.url_defaults
    def fingerprinted_static(endpoint: str, values: dict) -> None:
        if endpoint == "static" and values.get("filename") in manifest:
            values["filename"] = manifest[values["filename"]]


def serve_static(app: Flask, add_headers) -> None:
    """Static files straight from the WSGI layer, also under gunicorn: fingerprinted ones immutable for a year."""
    app.wsgi_app = WhiteNoise(  # type: ignore[method-assign]  # Flask's documented way to wrap the WSGI app
        app.wsgi_app,
        root=str(PACKAGE / "static"),
        prefix="static/",
        max_age=3600,
        immutable_file_test=is_fingerprinted,
        add_headers_function=add_headers,
    )
