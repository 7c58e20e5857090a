"""Faults: a worker killed while saving, the database restarted under load, the mail server down. Nothing lost,
nothing half-written, nothing sent twice."""

import contextlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from selfservice import mail
from selfservice.config import ROOT, TestConfig
from selfservice.extensions import db
from selfservice.models import Citizen, FormSubmission, OutboxMessage, PreparationForm
from tests.conftest import free_port, is_postgres
from tests.helpers import build_app, citizen, new_session, seed_people

pytestmark = pytest.mark.db


def wait_until_healthy(base: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if requests.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise AssertionError("the server did not become healthy")


def gunicorn(database_url: str, instance: str, port: int) -> subprocess.Popen:
    env = os.environ | {
        "SELFSERVICE_DATABASE_URL": database_url,
        "SELFSERVICE_INSTANCE_PATH": instance,
        "SELFSERVICE_SECRET_KEY": "fault-test-" + "k" * 40,
        "SELFSERVICE_BASE_URL": f"http://127.0.0.1:{port}",
    }
    # --preload: the app and its assistant index are built once in the master; a replaced worker starts at once.
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--preload",
        "--workers",
        "2",
        "--graceful-timeout",
        "3",
        "--bind",
        f"127.0.0.1:{port}",
        "wsgi:app",
    ]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def shut_down(server: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL the whole group: a worker respawned just before the end must not keep the test waiting."""
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, 9)
        server.wait(timeout=5)


def workers_of(master: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in found]


def test_a_worker_killed_while_saving_leaves_the_last_save_or_the_new_one_never_a_mix(app, people, tmp_path):
    port = free_port()
    server = gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], str(tmp_path), port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base)
        browser = requests.Session()
        browser.cookies.set(app.config["SESSION_COOKIE_NAME"], new_session(app, citizen(people, "jens")))
        page = BeautifulSoup(browser.get(base + "/me/form/goals", timeout=5).text, "html.parser")
        token = page.find("input", attrs={"name": "csrf_token"})["value"]
        kills, saved, stop = [], [], threading.Event()

        def killer():
            rng = random.Random(3)
            while not stop.is_set():
                time.sleep(rng.uniform(0.02, 0.15))
                pids = workers_of(server.pid)
                if pids:
                    try:
                        os.kill(rng.choice(pids), 9)
                    except ProcessLookupError:
                        continue  # that worker had just died: it is not a kill, and the killer must go on
                    kills.append(time.time())

        thread = threading.Thread(target=killer)
        thread.start()
        for number in range(150):
            marker = f"v{number}"
            data = {"csrf_token": token, "goal": marker, "matters": f"{marker} " + "ord " * 400, "goal_kind": "job"}
            try:
                response = browser.post(base + "/me/form/goals/autosave", data=data, timeout=5)
                if response.status_code == 200:
                    saved.append(marker)
            except requests.RequestException:
                pass  # the worker died under this request: the browser would simply try again
        stop.set()
        thread.join()
        wait_until_healthy(base)
    finally:
        shut_down(server)
    assert len(kills) >= 5 and len(saved) >= 10, (len(kills), len(saved))
    with app.app_context():
        answers = db.session.scalar(select(PreparationForm.answers).where(PreparationForm.citizen_id == people["jens"]))
    goals = answers["goals"]
    assert goals["matters"].startswith(goals["goal"] + " ")  # both fields come from the same save
    assert goals["matters"].count("ord") == 400


def test_when_the_mail_server_is_down_mail_waits_and_goes_out_once_when_it_is_back(
    app, people, smtp_server, monkeypatch
):
    working = app.config["SMTP_PORT"]
    with app.app_context():
        jens = db.session.get(Citizen, people["jens"])
        for number in range(5):
            mail.queue(jens.email or "jens@example.dk", f"Besked {number}", "Hej")
        db.session.commit()
        monkeypatch.setitem(app.config, "SMTP_PORT", free_port())  # nothing listens there
        mail.deliver_due(limit=100)
        waiting = db.session.scalars(select(OutboxMessage).where(OutboxMessage.sent_at.is_(None))).all()
        assert len(waiting) == 5 and all(m.attempts == 1 for m in waiting)
        monkeypatch.setitem(app.config, "SMTP_PORT", working)
        db.session.execute(OutboxMessage.__table__.update().values(not_before=None))
        db.session.commit()
        mail.deliver_due(limit=100)
        mail.deliver_due(limit=100)  # a second run finds nothing left to send
    subjects = sorted(m["Subject"] for m in smtp_server.messages)
    assert subjects == [f"Besked {n}" for n in range(5)]


class Cluster:
    """A PostgreSQL cluster of this test's own, so that restarting it disturbs no other test."""

    def __init__(self) -> None:
        self.bin = Path(sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))[-1]).parent
        self.dir = Path(tempfile.mkdtemp(prefix="selfservice-restart-"))
        self.port = free_port()
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.run("initdb", "-D", str(self.dir / "data"), "-U", "postgres", "-A", "trust", "--locale=C.UTF-8")

    def run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.dir} -c fsync=off"
        )
        self.run("pg_ctl", "-D", str(self.dir / "data"), "-l", str(self.dir / "log"), "-w", "-o", options, "start")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.mark.skipif(not is_postgres(), reason="a restart of PostgreSQL, run with the PostgreSQL suite")
def test_a_database_restart_gives_the_friendly_503_and_the_app_recovers_by_itself(tmp_path):
    from flask_migrate import upgrade

    cluster = Cluster()
    cluster.start()
    try:
        config = TestConfig()
        config.SQLALCHEMY_DATABASE_URI = cluster.url
        config.INSTANCE_PATH = str(tmp_path)
        app = build_app(config)
        with app.app_context():
            upgrade()
        people = seed_people(app)
        client = app.test_client()
        client.set_cookie(app.config["SESSION_COOKIE_NAME"], new_session(app, citizen(people, "jens")))
        assert client.get("/me/plan/").status_code == 200
        cluster.stop()
        down = client.get("/me/plan/?lang=en")
        assert down.status_code == 503
        assert "The service is not available right now" in down.get_data(as_text=True)
        assert "Traceback" not in down.get_data(as_text=True)
        assert client.get("/healthz").get_json() == {"status": "unavailable", "db": "unreachable"}
        cluster.start()
        assert client.get("/healthz").get_json() == {"status": "ok", "db": "ok"}
        assert client.get("/me/plan/").status_code == 200
        with app.app_context():
            # Every form that says it was sent has its submission: no half-written rows.
            submitted = db.session.scalar(
                select(func.count(PreparationForm.id)).where(PreparationForm.submitted_at.is_not(None))
            )
            with_submission = db.session.scalar(select(func.count(func.distinct(FormSubmission.form_id))))
            assert submitted == with_submission
            db.session.remove()
            db.engine.dispose()
    finally:
        cluster.remove()
