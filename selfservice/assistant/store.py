"""Keeping conversations: masked, tied to the browser session (and to the citizen when signed in), and purged.

Why the session holds only the conversation's id: the questions live on the server, so a shared kiosk or phone
keeps nothing once the session ends, and a citizen can delete what they asked.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import g, session
from flask_login import current_user
from sqlalchemy import delete, select

from ..access import signed_in_with_invitation
from ..extensions import db
from ..models import Conversation, Turn, utcnow
from .engine import Reply
from .privacy import mask

SESSION_KEY = "assistant_conversation"


def signed_in_citizen():
    """The citizen whose own case the assistant may speak about, or None to answer as to anyone.

    Why not simply everyone signed in: an invitation code (a code and a date of birth, weaker than MitID) opens the
    preparation form only, and a kiosk is a lobby screen strangers share. The assistant's routes are public, so no
    access rule stops them; this is where both are treated as anonymous, for the answers and for whose conversation
    is shown.
    """
    if g.get("kiosk") is not None or signed_in_with_invitation():
        return None
    return current_user if getattr(current_user, "is_citizen", False) else None


def current_conversation() -> Conversation | None:
    public_id = session.get(SESSION_KEY)
    if not public_id:
        return None
    conversation = db.session.scalar(select(Conversation).where(Conversation.public_id == public_id))
    citizen = signed_in_citizen()
    if conversation is not None and conversation.citizen_id not in (None, citizen.id if citizen else None):
        return None  # never show one person's conversation to another
    return conversation


def previous_question() -> str | None:
    """The conversation's last question (masked, as stored), for a follow-up such as "and if I am ill?"."""
    conversation = current_conversation()
    if conversation is None or not conversation.turns:
        return None
    return conversation.turns[-1].question or None


def record(question: str, reply: Reply, in_session: bool = True) -> Turn:
    """Store the masked question and the kind of answer; the answer's words are rebuilt when shown."""
    conversation = current_conversation() if in_session else None
    citizen = signed_in_citizen()
    if conversation is None:
        conversation = Conversation(citizen_id=citizen.id if citizen else None)
        db.session.add(conversation)
        db.session.flush()
        if in_session:
            session[SESSION_KEY] = conversation.public_id
    conversation.last_at = utcnow()
    turn = Turn(
        conversation_id=conversation.id,
        question=mask(question)[:1000],
        lang=reply.lang,
        kind=reply.kind,
        article=reply.article,
        choices=reply.choices,
        topic=reply.topic,
    )
    db.session.add(turn)
    db.session.commit()
    return turn


def turn_in_conversation(public_id: str) -> Turn | None:
    conversation = current_conversation()
    if conversation is None:
        return None
    return db.session.scalar(select(Turn).where(Turn.public_id == public_id, Turn.conversation_id == conversation.id))


def forget() -> None:
    conversation = current_conversation()
    if conversation is not None:
        db.session.execute(delete(Turn).where(Turn.conversation_id == conversation.id))
        db.session.delete(conversation)
        db.session.commit()
    session.pop(SESSION_KEY, None)


def purge(days: int, now: datetime | None = None) -> int:
    """Delete conversations untouched for `days` days; returns how many."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    old = select(Conversation.id).where(Conversation.last_at < cutoff)
    ids = list(db.session.scalars(old))
    if ids:
        db.session.execute(delete(Turn).where(Turn.conversation_id.in_(ids)))
        db.session.execute(delete(Conversation).where(Conversation.id.in_(ids)))
    db.session.commit()
    return len(ids)
