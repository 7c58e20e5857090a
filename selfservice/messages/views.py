from flask import jsonify, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_login import current_user

from ..access import citizen_required
from ..models import utcnow
from . import bp
from .thread import build_form, mark_read, save_draft, send, thread


@bp.route("/", methods=["GET", "POST"])
@citizen_required()
def index():
    form = build_form(current_user, "citizen")
    if request.method == "POST" and form.validate_on_submit():
        send(current_user, form, staff=None)
        return redirect(url_for("messages.index", sent=1) + "#thread-end")
    mark_read(current_user, by_citizen=True)
    return render_template(
        "messages/thread.html", messages=thread(current_user), form=form, draft_url=url_for("messages.draft")
    ), (400 if form.errors else 200)


@bp.post("/draft")
@citizen_required()
def draft():
    """Autosave of the message being written (JavaScript), so a half-written message survives a timeout."""
    save_draft(current_user, "citizen", request.form.get("body", "")[:4000], request.form.get("reference"))
    return jsonify(saved=True, at=format_datetime(utcnow(), "short"))
