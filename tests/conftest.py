"""Test fixtures: one app per pytest worker, a clean database for every test, and a test client that checks the
structure of every HTML page it receives.

The database is SQLite by default; `scripts/with-postgres.sh` sets SELFSERVICE_TEST_DATABASE_URL and each worker
then gets its own PostgreSQL database, so the same tests prove both.
"""

import os
import socket
import threading

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text
from werkzeug.serving import make_server

from selfservice import create_app
from selfservice.config import TestConfig
from selfservice.extensions import db, limiter
from tests.helpers import BUILT_APPS, recreate_database
from tests.pagecheck import page_problems


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def worker_database_url(worker_id: str, tmp_path_factory) -> str:
    base = os.environ.get("SELFSERVICE_TEST_DATABASE_URL", "")
    if base.startswith("postgresql"):
        return recreate_database(base, f"selfservice_test_{worker_id}")
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


def is_postgres() -> bool:
    return os.environ.get("SELFSERVICE_TEST_DATABASE_URL", "").startswith("postgresql")


class CheckingClient(FlaskClient):
    """Every HTML page a test fetches is checked for structure; pass check=False to skip (for example a
    deliberately broken page)."""

    def open(self, *args, check: bool = True, **kwargs):
        response = super().open(*args, **kwargs)
        if check and response.mimetype == "text/html" and response.status_code < 300:
            problems = page_problems(response.get_data(as_text=True), response.headers.get("Content-Security-Policy"))
            assert not problems, f"{response.request.path}: {problems}"
        return response


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def test_config(worker_id, tmp_path_factory, port):
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = worker_database_url(worker_id, tmp_path_factory)
    config.INSTANCE_PATH = str(tmp_path_factory.mktemp("instance"))
    config.BASE_URL = f"http://127.0.0.1:{port}"
    return config


@pytest.fixture(scope="session")
def app(test_config):
    app = create_app(test_config)
    app.test_client_class = CheckingClient
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def clean_database(request):
    """Every test starts from empty tables and fresh rate-limit counters."""
    uses_database = {"app", "test_config"} & set(request.fixturenames)
    app = request.getfixturevalue("app") if uses_database else None
    yield
    if app is None:
        return
    with app.app_context():
        db.session.remove()
        tables = list(reversed(db.metadata.sorted_tables))
        if is_postgres():
            db.session.execute(text("TRUNCATE " + ", ".join(t.name for t in tables) + " CASCADE"))
        else:
            for table in tables:
                db.session.execute(table.delete())
        db.session.commit()
    limiter.reset()


def _close_pools_of_built_apps() -> None:
    for built in BUILT_APPS:
        with built.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture(autouse=True)
def dispose_built_apps():
    """Close the pools of the apps tests built with tests.helpers.build_app after every test. The apps are kept (a
    module's fixture may use its app again, which opens a new pool) and closed once more at the end."""
    yield
    _close_pools_of_built_apps()


@pytest.fixture(scope="session", autouse=True)
def dispose_built_apps_at_the_end():
    yield
    _close_pools_of_built_apps()
    BUILT_APPS.clear()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


@pytest.fixture(scope="session")
def live_server(app, port):
    """The same app served over HTTP on loopback, for the full sign-in flows and the browser tests."""
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app.config["BASE_URL"]
    server.shutdown()


class Mailbox:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""

    def __init__(self):
        self.messages = []
        self.port = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        from email import message_from_bytes, policy

        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp_server(app, monkeypatch):
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    mailbox.port = controller.port
    monkeypatch.setitem(app.config, "SMTP_HOST", "127.0.0.1")  # undone after the test, as is any other change
    monkeypatch.setitem(app.config, "SMTP_PORT", controller.port)
    yield mailbox
    controller.stop()


@pytest.fixture
def sms_gateway(app, monkeypatch):
    """A real HTTP server on loopback standing in for the SMS gateway; it records what it is asked to send."""
    import json
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server hook name
            length = int(self.headers["Content-Length"])
            received.append({"auth": self.headers.get("Authorization"), **json.loads(self.rfile.read(length))})
            self.send_response(202)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setitem(app.config, "SMS_GATEWAY_URL", f"http://127.0.0.1:{server.server_address[1]}/send")
    monkeypatch.setitem(app.config, "SMS_GATEWAY_TOKEN", "t0k")
    yield received
    server.shutdown()
    server.server_close()  # shutdown() only stops the loop; this closes the listening socket
