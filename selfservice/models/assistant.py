"""Assistant conversations: what was asked (masked) and what kind of answer it got, kept for a limited time.

Why keep them at all: the unanswered and "not helpful" questions tell the content editors where the guides fall
short. Why masked and short-lived: a chat invites people to write more than they should.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model, db
from .people import Citizen, new_public_id
from .timeutil import utcnow


class Conversation(Model):
    __tablename__ = "assistant_conversation"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    # Set when a signed-in citizen asked; anonymous conversations belong only to the browser session.
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizen.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    turns: Mapped[list["Turn"]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="Turn.id"
    )
    citizen: Mapped[Citizen | None] = relationship()


class Turn(Model):
    """One question and the answer it got."""

    __tablename__ = "assistant_turn"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("assistant_conversation.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(Text)  # masked before it is stored
    lang: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(20))
    article: Mapped[str | None] = mapped_column(String(80))
    choices: Mapped[list] = mapped_column(db.JSON, default=list)
    topic: Mapped[str | None] = mapped_column(String(20))
    feedback: Mapped[str | None] = mapped_column(String(12))  # helpful | not_helpful
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    conversation: Mapped[Conversation] = relationship(back_populates="turns")
