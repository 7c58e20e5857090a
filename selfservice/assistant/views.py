"""The conversation page: works as a plain form and page; with JavaScript it talks to /api/assistant instead."""

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_login import current_user
from markupsafe import Markup

from ..access import citizen_required, public
from ..extensions import db, limiter
from ..guides import library
from ..i18n_web import current_language
from ..models import Message
from . import assistant, bp, store
from .engine import replay
from .forms import QuestionForm

FEEDBACK = ("helpful", "not_helpful")
SENT = "sent_to_caseworker"


def _limit() -> str:
    return current_app.config["RATELIMIT_ASSISTANT"]


def render_turn(turn, reply, citizen) -> Markup:
    """One turn's HTML in the answer's own language, for the page and for the API's `html`."""
    with force_locale(reply.lang):
        return Markup(render_template("assistant/_turn.html", turn=turn, reply=reply, citizen=citizen))  # noqa: S704


def shown_turns(conversation) -> list[Markup]:
    citizen = store.signed_in_citizen()
    if conversation is None:
        return []
    return [render_turn(turn, replay(assistant(), turn, citizen), citizen) for turn in conversation.turns]


@bp.route("/assistant", methods=["GET", "POST"])
@public
@limiter.limit(_limit, methods=["POST"])
def page():
    form = QuestionForm()
    if request.method == "POST" and form.validate_on_submit():
        question = (form.message.data or "").strip()
        citizen = store.signed_in_citizen()
        reply = assistant().reply(
            question, current_language(), citizen, choose=form.choose.data or None, previous=store.previous_question()
        )
        if form.choose.data and not question:
            chosen = library().get(reply.article) if reply.article else None
            question = chosen.text_for(reply.lang).title if chosen else ""
        turn = store.record(question, reply)
        return redirect(url_for("assistant.page") + f"#turn-{turn.public_id}")
    conversation = store.current_conversation()
    return render_template(
        "assistant/page.html",
        form=form,
        turns=shown_turns(conversation),
        citizen=store.signed_in_citizen(),
        done=request.args.get("done"),
    ), (422 if form.errors else 200)


@bp.post("/assistant/turns/<public_id>/feedback")
@public
def feedback(public_id: str):
    turn = store.turn_in_conversation(public_id)
    value = request.form.get("feedback")
    if turn is None or value not in FEEDBACK:
        abort(404)
    turn.feedback = value
    db.session.commit()
    if request.accept_mimetypes.best == "application/json":
        return {"feedback": value}
    return redirect(url_for("assistant.page") + f"#turn-{turn.public_id}")


@bp.post("/assistant/turns/<public_id>/send")
@citizen_required()
def send_to_caseworker(public_id: str):
    """An unanswered question goes to the caseworker as an ordinary message from the citizen (masked as stored)."""
    turn = store.turn_in_conversation(public_id)
    if turn is None:
        abort(404)
    db.session.add(Message(citizen_id=current_user.id, from_citizen=True, body=turn.question))
    turn.topic = SENT
    db.session.commit()
    return redirect(url_for("assistant.page", done="sent"))


@bp.post("/assistant/delete")
@public
def delete_conversation():
    store.forget()
    return redirect(url_for("assistant.page", done="deleted"))
