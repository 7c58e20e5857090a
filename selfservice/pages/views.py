from datetime import date

from flask import jsonify, render_template
from flask_login import current_user
from sqlalchemy import text

from ..access import public
from ..extensions import db
from . import bp

# Updated by hand whenever the statement is reviewed; the page shows it, as the law requires.
ACCESSIBILITY_REVIEWED = date(2026, 11, 23)


@bp.get("/")
@public
def landing():
    return render_template("pages/landing.html", signed_in=current_user.is_authenticated)


@bp.get("/accessibility")
@public
def accessibility():
    return render_template("pages/accessibility.html", statement_reviewed=ACCESSIBILITY_REVIEWED)


@bp.get("/privacy")
@public
def privacy():
    return render_template("pages/privacy.html")


@bp.get("/contact")
@public
def contact():
    return render_template("pages/contact.html")


@bp.get("/healthz")
@public
def healthz():
    """For the load balancer: 503 takes an instance out of rotation while its database is unreachable."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any driver error means "not healthy"; the detail goes to the log, not the probe
        db.session.rollback()
        return jsonify(status="unavailable", db="unreachable"), 503
    return jsonify(status="ok", db="ok")
