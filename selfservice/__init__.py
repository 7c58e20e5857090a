"""The app factory: configuration, extensions, blueprints, CLI and error pages, wired in one place."""

from datetime import date
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config as config_module
from .config import PACKAGE
from .extensions import csrf, db, limiter, login_manager, migrate, oauth


def create_app(config: config_module.Config | None = None) -> Flask:
    cfg = config or config_module.config_from_env()
    app = Flask(
        __name__,
        template_folder=str(PACKAGE / "templates"),
        static_folder=str(PACKAGE / "static"),
        instance_path=cfg.INSTANCE_PATH,
    )
    app.config.from_object(cfg)
    from .input import CleanRequest

    app.request_class = CleanRequest
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if app.config["SECRET_KEY"] in (None, "", config_module.DEFAULT_SECRET) and cfg.ENV_NAME != "production":
        # Never the well-known default: one random key per instance folder (see config.instance_secret_key).
        app.config["SECRET_KEY"] = config_module.instance_secret_key(app.instance_path)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(PACKAGE / "translations"))
    # Times are stored as naive UTC; Flask-Babel shows them in Danish time.
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Copenhagen")
    if app.config["DEMO_MODE"]:
        _demo_defaults(app)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PACKAGE / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    oauth.init_app(app)

    from . import access, audit, i18n_web, security, securitylog, sessions
    from .auth.users import init_login

    app.session_interface = sessions.ServerSessionInterface()
    i18n_web.init_app(app)
    security.init_app(app)
    securitylog.init_app(app)
    audit.init_app(app)
    access.init_app(app)
    init_login(app, login_manager)

    from .api import bp as api_bp
    from .assistant import bp as assistant_bp
    from .assistant import init_app as init_assistant
    from .auth import bp as auth_bp
    from .auth.oidc import register_clients
    from .caseworker import bp as caseworker_bp
    from .citizen import bp as citizen_bp
    from .guides import bp as guides_bp
    from .guides import init_app as init_guides
    from .meetings import bp as meetings_bp
    from .messages import bp as messages_bp
    from .pages import bp as pages_bp
    from .plan import bp as plan_bp
    from .preparation import bp as preparation_bp
    from .preparation import together_bp
    from .selfchecks import bp as selfchecks_bp
    from .what_applies import bp as what_applies_bp

    register_clients(app)
    app.register_blueprint(pages_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(citizen_bp)
    app.register_blueprint(caseworker_bp)
    app.register_blueprint(preparation_bp)
    app.register_blueprint(meetings_bp)
    app.register_blueprint(plan_bp)
    app.register_blueprint(messages_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(together_bp)
    app.register_blueprint(what_applies_bp)
    init_guides(app)
    app.register_blueprint(guides_bp)
    app.register_blueprint(selfchecks_bp)
    init_assistant(app)
    app.register_blueprint(assistant_bp)
    from .kiosk import bp as kiosk_bp
    from .kiosk import device as kiosk_device
    from .kiosk import staff_bp as kiosk_staff_bp

    kiosk_device.init_app(app)
    app.register_blueprint(kiosk_bp)
    app.register_blueprint(kiosk_staff_bp)
    if app.config["DEMO_MODE"]:
        from .devidp import bp as devidp_bp

        app.register_blueprint(devidp_bp)

    from . import assets, cli, errors, mail
    from .forms import form_errors, max_length

    app.jinja_env.globals.update(form_errors=form_errors, max_length=max_length)
    from .labels import PLAN_FIELDS

    app.jinja_env.filters["todate"] = date.fromisoformat
    app.jinja_env.filters["plan_field"] = lambda name: PLAN_FIELDS.get(name, name)
    errors.init_app(app)
    cli.init_app(app)
    assets.init_app(app)
    mail.init_app(app)

    if app.config.get("TRUSTED_PROXIES"):
        # The client's real address and scheme from the trusted proxies' headers (rate limits key on it).
        hops = app.config["TRUSTED_PROXIES"]
        # Flask's documented way to wrap the WSGI app; its typing declares wsgi_app a method.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    assets.serve_static(app, _static_headers)
    return app


def _static_headers(headers, _path: str, _url: str) -> None:
    """Static files never pass Flask's after_request: give them the headers that matter for files (review F19)."""
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Content-Security-Policy"] = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'"


def _demo_defaults(app: Flask) -> None:
    """In demo mode the built-in identity provider stands in for MitID and the staff IdP."""
    issuer = app.config["BASE_URL"].rstrip("/") + "/dev-idp"
    for who in ("CITIZEN", "STAFF"):
        if not app.config.get(f"OIDC_{who}_ISSUER"):
            app.config[f"OIDC_{who}_ISSUER"] = issuer
        if not app.config.get(f"OIDC_{who}_CLIENT_SECRET"):
            app.config[f"OIDC_{who}_CLIENT_SECRET"] = f"demo-{who.lower()}-secret"
