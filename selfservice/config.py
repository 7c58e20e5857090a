"""Settings, all read from SELFSERVICE_* environment variables.

Why one place: operators configure the service without touching code, the README lists every variable from
this module, and ProductionConfig can refuse to start when a setting would put citizens' data at risk.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import overload

DEFAULT_SECRET = "dev-secret-change-me"  # noqa: S105 - a marker that production refuses
# PACKAGE holds everything the running service reads (templates, static files, translations, migrations, guide
# content), so that a built wheel runs; ROOT is the source checkout, for what only developers have (tests, caches).
PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent


@overload
def env(name: str, default: str) -> str: ...
@overload
def env(name: str, default: None = None) -> str | None: ...
def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"SELFSERVICE_{name}", default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env(name)
    return int(value) if value else default


def writable_root() -> Path:
    """Where instance/ and .cache/ go: the source checkout, or, installed from a wheel, the working directory rather
    than site-packages."""
    return ROOT if (ROOT / "pyproject.toml").is_file() else Path.cwd()


class Config:
    """Defaults for a developer's machine: SQLite under instance/, no demo mode unless asked for.

    Read in __init__ so that the environment is read when an app is created, not when this module is imported.
    """

    ENV_NAME = "development"

    def __init__(self) -> None:
        self.SECRET_KEY = env("SECRET_KEY", DEFAULT_SECRET)
        self.INSTANCE_PATH = env("INSTANCE_PATH", str(writable_root() / "instance"))
        self.SQLALCHEMY_DATABASE_URI = env("DATABASE_URL", f"sqlite:///{Path(self.INSTANCE_PATH) / 'selfservice.db'}")
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        self.BASE_URL = env("BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '5000')}")
        self.DEMO_MODE = env_bool("DEMO_MODE")

        # Sessions: enforced on the server (see selfservice/sessions.py).
        self.SESSION_IDLE_TIMEOUT = timedelta(minutes=env_int("SESSION_IDLE_MINUTES", 30))
        self.SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=env_int("SESSION_ABSOLUTE_HOURS", 12))
        self.SESSION_WARNING_SECONDS = 120
        self.SESSION_COOKIE_NAME = env("SESSION_COOKIE_NAME", "selfservice_session")
        self.SESSION_COOKIE_SECURE = env_bool("COOKIE_SECURE", False)
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.HSTS = env_bool("HSTS", False)

        # Citizen sign-in: OpenID Connect through the municipality's MitID broker.
        self.OIDC_CITIZEN_ISSUER = env("OIDC_CITIZEN_ISSUER")
        self.OIDC_CITIZEN_CLIENT_ID = env("OIDC_CITIZEN_CLIENT_ID", "selfservice-citizen")
        self.OIDC_CITIZEN_CLIENT_SECRET = env("OIDC_CITIZEN_CLIENT_SECRET", "")
        self.OIDC_CITIZEN_REQUIRED_LOA = env("OIDC_CITIZEN_REQUIRED_LOA", "substantial")
        # Staff sign-in: the municipality's identity provider; local accounts are the fallback.
        self.OIDC_STAFF_ISSUER = env("OIDC_STAFF_ISSUER")
        self.OIDC_STAFF_CLIENT_ID = env("OIDC_STAFF_CLIENT_ID", "selfservice-staff")
        self.OIDC_STAFF_CLIENT_SECRET = env("OIDC_STAFF_CLIENT_SECRET", "")

        self.INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
        self.STAFF_LOCKOUT_ATTEMPTS = env_int("STAFF_LOCKOUT_ATTEMPTS", 10)

        self.RATELIMIT_STORAGE_URI = env("RATELIMIT_STORAGE_URI", "memory://")
        # How many proxies in front of the app set X-Forwarded-For/-Proto (0: the app faces clients directly, and a
        # client's own X-Forwarded-For is ignored). Rate limits use the address this gives.
        self.TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0)
        # If the shared store is unreachable, count in the process for a while rather than refuse every sign-in.
        self.RATELIMIT_SWALLOW_ERRORS = True
        self.RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
        self.RATELIMIT_SIGNIN = env("RATELIMIT_SIGNIN", "10 per minute;50 per hour")
        self.RATELIMIT_HEADERS_ENABLED = True

        self.WTF_CSRF_TIME_LIMIT = None  # tied to the session, which has its own timeouts
        self.MAX_CONTENT_LENGTH = 1024 * 1024

        # E-mail: queued in the outbox and sent through this SMTP server; no host means "keep them queued".
        self.SMTP_HOST = env("SMTP_HOST")
        self.SMTP_PORT = env_int("SMTP_PORT", 25)
        self.MAIL_FROM = env("MAIL_FROM", "selvbetjening@demokommune.dk")
        self.TEAM_NOTIFY_EMAIL = env("TEAM_NOTIFY_EMAIL")
        # Text messages go to an HTTP gateway: POST {"to", "text"} with a bearer token; no URL keeps them queued.
        self.SMS_GATEWAY_URL = env("SMS_GATEWAY_URL")
        self.SMS_GATEWAY_TOKEN = env("SMS_GATEWAY_TOKEN")
        # No messages to citizens between 21:00 and 08:00 Copenhagen time (switch off only in tests).
        self.QUIET_HOURS = env_bool("QUIET_HOURS", True)

        self.JOBCENTRE_NAME = env("JOBCENTRE_NAME", "Jobcenter Demokommune")
        self.JOBCENTRE_PHONE = env("JOBCENTRE_PHONE", "70 10 20 30")
        self.JOBCENTRE_EMAIL = env("JOBCENTRE_EMAIL", "jobcenter@demokommune.dk")
        self.JOBCENTRE_ADDRESS = env("JOBCENTRE_ADDRESS", "Rådhustorvet 1, 9999 Demokommune")
        self.DPO_EMAIL = env("DPO_EMAIL", "dpo@demokommune.dk")

        # The assistant: the region's line for urgent mental-health help (Region Hovedstaden: Akuttelefonen 1813),
        # how long conversations are kept, and how often one client may ask.
        self.PSYCHIATRY_LINE_NAME = env("PSYCHIATRY_LINE_NAME", "Akuttelefonen")
        self.PSYCHIATRY_LINE_PHONE = env("PSYCHIATRY_LINE_PHONE", "1813")
        self.ASSISTANT_RETENTION_DAYS = env_int("ASSISTANT_RETENTION_DAYS", 30)
        # `flask retention run`: drafts, spent sign-in codes and the audit log (never below a year; see rules).
        self.DRAFT_RETENTION_DAYS = env_int("DRAFT_RETENTION_DAYS", 90)
        self.INVITATION_RETENTION_DAYS = env_int("INVITATION_RETENTION_DAYS", 30)
        self.AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 5 * 365)
        self.RATELIMIT_ASSISTANT = env("RATELIMIT_ASSISTANT", "20 per minute;200 per hour")

        # Lobby kiosks: check-in attempts per kiosk, and the idle warning and reset (seconds without a touch).
        self.KIOSK_CHECK_IN_LIMIT = env("KIOSK_CHECK_IN_LIMIT", "10 per 5 minutes")
        self.KIOSK_IDLE_WARNING_SECONDS = env_int("KIOSK_IDLE_WARNING_SECONDS", 60)
        self.KIOSK_IDLE_RESET_SECONDS = env_int("KIOSK_IDLE_RESET_SECONDS", 90)


class TestConfig(Config):
    __test__ = False  # not a pytest test class

    ENV_NAME = "test"

    def __init__(self) -> None:
        super().__init__()
        self.TESTING = True
        self.SECRET_KEY = "test-secret-" + "x" * 32  # noqa: S105
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("SELFSERVICE_TEST_DATABASE_URL", "sqlite://")
        self.DEMO_MODE = True
        self.RATELIMIT_STORAGE_URI = "memory://"
        self.RATELIMIT_ASSISTANT = "1000 per minute"  # the rate-limit test lowers it for itself
        self.QUIET_HOURS = False  # tests must not depend on the time of day they run at


class ProductionConfig(Config):
    """Refuses settings that would leak sessions or let demo sign-in reach real citizens."""

    ENV_NAME = "production"

    def __init__(self) -> None:
        super().__init__()
        self.SESSION_COOKIE_SECURE = env_bool("COOKIE_SECURE", True)
        self.SESSION_COOKIE_NAME = env("SESSION_COOKIE_NAME", "__Host-selfservice_session")
        self.HSTS = env_bool("HSTS", True)
        self.validate()

    def validate(self) -> None:
        problems = []
        if not self.SECRET_KEY or self.SECRET_KEY == DEFAULT_SECRET or len(self.SECRET_KEY) < 32:
            problems.append("SELFSERVICE_SECRET_KEY must be set to a random value of at least 32 characters")
        if self.DEMO_MODE:
            problems.append("SELFSERVICE_DEMO_MODE must be off in production")
        if not self.SESSION_COOKIE_SECURE or not self.SESSION_COOKIE_NAME.startswith("__Host-"):
            problems.append("session cookies must be Secure and __Host- prefixed (HTTPS) in production")
        if not self.HSTS:
            problems.append("HSTS must be on in production")
        if not self.BASE_URL.startswith("https://"):
            problems.append("SELFSERVICE_BASE_URL must be an https:// address in production")
        if self.RATELIMIT_STORAGE_URI.startswith("memory://"):
            # Per-process counters: each worker and instance would allow the full number of sign-in attempts.
            problems.append("SELFSERVICE_RATELIMIT_STORAGE_URI must be shared storage (redis://…) in production")
        if problems:
            raise RuntimeError("Refusing to start: " + "; ".join(problems))


CONFIGS = {"development": Config, "test": TestConfig, "production": ProductionConfig}
SECRET_KEY_FILE = "secret-key"  # noqa: S105 - the name of the file in the instance folder, not a key


def instance_secret_key(instance_path: str) -> str:
    """The key for an instance run without SELFSERVICE_SECRET_KEY (development, a demo): made once, kept.

    Why not the built-in default: anyone can read it here, and with it forge what the key signs (kiosk check-in
    codes, the demo provider's sign-in codes, CSRF tokens) — the December 2026 review did. Why a file in the
    instance folder: every gunicorn worker and every `flask` command must sign with the same key, and it must
    survive a restart. It is created atomically (written under a temporary name, then linked into place, which
    fails if another process won the race), so all of them end up reading one key. Readable only by its owner.
    Production never gets here: ProductionConfig refuses to start without a key of its own.
    """
    path = Path(instance_path) / SECRET_KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        finally:
            tmp.unlink(missing_ok=True)
    key = path.read_text().strip()
    if len(key) < 32:
        raise RuntimeError(f"Refusing to start: {path} does not hold a usable secret key; delete it to make a new one")
    return key


def config_from_env() -> Config:
    return CONFIGS[env("ENV", "development")]()
