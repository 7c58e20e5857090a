"""The caseworker's side of a citizen's message thread."""

from flask import jsonify, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_login import current_user

from .. import audit
from ..access import staff_required
from ..extensions import db
from ..messages.thread import build_form, mark_read, save_draft, send, thread
from ..models import utcnow
from ..scope import own_citizen
from . import bp


@bp.route("/citizens/<public_id>/messages", methods=["GET", "POST"])
@staff_required()
def messages(public_id: str):
    citizen = own_citizen(public_id)
    writer = f"staff:{current_user.id}"
    form = build_form(citizen, writer)
    if request.method == "POST" and form.validate_on_submit():
        send(citizen, form, staff=current_user)
        audit.record(citizen, audit.WRITE, "messages", "casework")
        db.session.commit()
        return redirect(url_for("caseworker.messages", public_id=public_id) + "#thread-end")
    mark_read(citizen, by_citizen=False)
    audit.record(citizen, audit.READ, "messages", "casework")
    db.session.commit()
    return render_template(
        "caseworker/messages.html",
        citizen=citizen,
        messages=thread(citizen),
        form=form,
        draft_url=url_for("caseworker.message_draft", public_id=public_id),
    ), (400 if form.errors else 200)


@bp.post("/citizens/<public_id>/messages/draft")
@staff_required()
def message_draft(public_id: str):
    citizen = own_citizen(public_id)
    save_draft(citizen, f"staff:{current_user.id}", request.form.get("body", "")[:4000], request.form.get("reference"))
    return jsonify(saved=True, at=format_datetime(utcnow(), "short"))
