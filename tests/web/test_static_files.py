"""Nothing missing from the build, files cached for good, HTML compressed (issue 16).

The front-end review found the design system's icons answering 404 (a ticked checkbox showed as a black square, select
boxes had no arrow) because the build did not ship the files the stylesheet points to.
"""

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli
import pytest

from selfservice.assets import load_manifest
from selfservice.config import PACKAGE

STATIC_CALL = re.compile(r"url_for\(\s*['\"]static['\"]\s*,\s*filename\s*=\s*['\"]([^'\"]+)['\"]")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def template_references() -> set[str]:
    found = set()
    for template in (PACKAGE / "templates").rglob("*.html"):
        found |= set(STATIC_CALL.findall(template.read_text()))
    return found


def test_the_build_wrote_a_manifest_of_fingerprinted_files():
    manifest = load_manifest()
    assert "css/site.css" in manifest
    for name, built in manifest.items():
        assert (PACKAGE / "static" / built).is_file(), name
        assert re.search(r"\.[0-9a-f]{10}\.\w+$", built), built


def test_every_static_reference_in_the_templates_answers(app, client):
    references = template_references()
    assert "css/site.css" in references
    with app.test_request_context():
        from flask import url_for

        urls = {url_for("static", filename=name) for name in references}
    for url in urls:
        with client.get(url) as response:  # closed, so the file WhiteNoise opened is closed too
            assert response.status_code == 200, url
        assert "/static/build/" in url, f"{url} is not fingerprinted"


def test_every_url_in_the_built_stylesheets_answers(app, client):
    manifest = load_manifest()
    stylesheets = [built for built in manifest.values() if built.endswith(".css")]
    assert stylesheets
    checked = 0
    for built in stylesheets:
        css = (PACKAGE / "static" / built).read_text()
        for target in set(CSS_URL.findall(css)):
            if target.startswith("data:") or target.startswith("#"):
                continue
            url = urljoin(f"/static/{built}", target)
            assert urlsplit(url).netloc == "", f"{built} loads {target} from another host"
            with client.get(url) as response:
                assert response.status_code == 200, f"{built}: url({target}) answers 404"
            checked += 1
    assert checked, "the stylesheet points at no icons (a checkbox tick and the select arrow are expected)"


def test_fingerprinted_files_are_cached_for_a_year_and_sent_compressed(app, client):
    built = load_manifest()["css/site.css"]
    with client.get(f"/static/{built}", headers={"Accept-Encoding": "br, gzip"}) as response:
        cache = response.headers["Cache-Control"]
        assert "immutable" in cache and int(re.search(r"max-age=(\d+)", cache).group(1)) >= 365 * 24 * 3600
        assert response.headers["Content-Encoding"] == "br"
        assert brotli.decompress(response.get_data()) == (PACKAGE / "static" / built).read_bytes()


@pytest.mark.parametrize("encoding, decompress", [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_pages_are_sent_compressed_to_a_browser_that_accepts_it(client, encoding, decompress):
    plain = client.get("/guides/dagpenge?lang=ar").get_data()
    response = client.get("/guides/dagpenge?lang=ar", headers={"Accept-Encoding": encoding}, check=False)
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    body = decompress(response.get_data())
    assert len(response.get_data()) < len(plain) / 2
    # The same page (a fresh CSRF token aside).
    strip = re.compile(rb'name="csrf_token"[^>]*>|nonce="[^"]*"')
    assert strip.sub(b"", body) == strip.sub(b"", plain)


def test_a_page_is_not_compressed_for_a_browser_that_does_not_ask(client):
    response = client.get("/")
    assert "Content-Encoding" not in response.headers
    assert b"<html" in response.get_data()


def test_files_outside_the_build_are_not_cached_for_long(client):
    """An unfingerprinted file keeps its name when it changes, so it may not be kept for a year."""
    unversioned = next(Path(PACKAGE / "static" / "js").glob("*.js")).name
    with client.get(f"/static/js/{unversioned}") as response:
        cache = response.headers["Cache-Control"]
    assert "immutable" not in cache
