"""Reviews of the guides: who checked which article in which language, when, and against what.

Why a record and not the date in the file: "last reviewed" on a guide is a promise to a citizen that someone
checked the facts. A record names the person (for the team; the page shows only the date), says what was checked,
and remembers the sources as they were, so a guide whose sources change afterwards is listed as needing review.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from .people import StaffUser
from .timeutil import utcnow


class ContentReview(Model):
    __tablename__ = "content_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    reviewed_at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(Text)
    sources_hash: Mapped[str] = mapped_column(String(64))  # the Danish sources list as it was reviewed

    reviewer: Mapped[StaffUser] = relationship()
