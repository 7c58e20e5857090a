"""A built wheel runs on its own: templates, static files, translations, migrations and guide texts ship inside it.

The wheel is built from the checkout (without build isolation, so no network), unpacked into an empty folder and put
first on the import path; the app is then migrated, seeded and served by gunicorn from a working directory that is
not the checkout, and answers pages in Danish and Arabic, its fingerprinted stylesheet and a guide.
"""

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import requests

from selfservice.config import ROOT
from tests.conftest import free_port

BIN = Path(sys.executable).parent


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return next(out.glob("selfservice-*.whl"))


def test_the_built_wheel_carries_what_the_service_reads_and_the_app_runs_from_it(tmp_path):
    wheel = build_wheel(tmp_path / "dist")
    names = set(zipfile.ZipFile(wheel).namelist())
    manifest_name = "selfservice/static/build/manifest.json"
    for needed in (
        "selfservice/templates/base.html",
        manifest_name,
        "selfservice/translations/ar/LC_MESSAGES/messages.mo",
        "selfservice/translations/da/LC_MESSAGES/messages.mo",
        "selfservice/migrations/env.py",
        "selfservice/content/klage/da.md",
        "selfservice/assistant/data/train/da.tsv",
    ):
        assert needed in names, f"{needed} is not in {wheel.name}"
    assert any(name.startswith("selfservice/migrations/versions/0001") for name in names)

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    workdir = tmp_path / "run"
    workdir.mkdir()
    port = free_port()
    env = os.environ | {
        "PYTHONPATH": str(site),
        "FLASK_APP": "selfservice:create_app",
        "SELFSERVICE_DEMO_MODE": "1",
        "SELFSERVICE_INSTANCE_PATH": str(tmp_path / "instance"),
        "SELFSERVICE_BASE_URL": f"http://127.0.0.1:{port}",
        # The model the checkout trained (`make model`): the same data ships in the wheel, this only saves seconds.
        "SELFSERVICE_MODEL_CACHE": str(ROOT / ".cache" / "assistant"),
    }
    env.pop("SELFSERVICE_DATABASE_URL", None)
    where = subprocess.run(
        [sys.executable, "-c", "import selfservice; print(selfservice.__file__)"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(site), f"the app was imported from {where}, not from the wheel"

    for command in (["db", "upgrade"], ["demo", "seed"]):
        done = subprocess.run([str(BIN / "flask"), *command], cwd=workdir, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
    with (tmp_path / "gunicorn.log").open("w") as log:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "--workers", "1", "--bind", f"127.0.0.1:{port}", "selfservice:create_app()"],
            cwd=workdir,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                requests.get(base + "/healthz", timeout=10)
                break
            except requests.ConnectionError:
                log = (tmp_path / "gunicorn.log").read_text()[-2000:]
                assert time.time() < deadline and server.poll() is None, f"the app did not start: {log}"
                time.sleep(0.3)
        browser = requests.Session()
        danish = browser.get(base + "/", timeout=10)
        assert danish.status_code == 200
        assert '<html lang="da"' in danish.text
        arabic = browser.get(base + "/guides/klage?lang=ar", timeout=10)
        assert arabic.status_code == 200
        assert 'dir="rtl"' in arabic.text
        assert "الشكوى" in arabic.text or "شكوى" in arabic.text  # the Arabic guide text, from the wheel's content
        manifest = json.loads(zipfile.ZipFile(wheel).read(manifest_name))
        stylesheet = "/static/" + manifest["css/site.css"]
        assert stylesheet in danish.text
        css = browser.get(base + stylesheet, timeout=10)
        assert css.status_code == 200
        assert css.headers["Content-Type"].startswith("text/css")
        assert len(css.content) > 10_000
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert (tmp_path / "instance" / "selfservice.db").is_file(), "the database went somewhere other than instance/"
