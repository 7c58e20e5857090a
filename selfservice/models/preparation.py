"""The preparation form (*forberedende skema*): the citizen's own words before the first conversation.

Why JSON answers: each step's answers are structured fields (lists of entries, choices, texts), never HTML; they
are validated by the step's WTForms class before they are stored, and shown back with autoescaping. The working copy
lives on the form; every submission is kept as an immutable version.
"""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from ..rules.preparation import DISCUSSED, DRAFT, REVIEWED, SEEN, SUBMITTED, FormStatus  # noqa: F401 - re-exported
from .people import Citizen, StaffUser
from .timeutil import utcnow

STATUSES = list(FormStatus)


class PreparationForm(Model):
    __tablename__ = "preparation_form"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), unique=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[str] = mapped_column(String(20), default=DRAFT, index=True)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    completed_steps: Mapped[list] = mapped_column(JSON, default=list)
    language: Mapped[str | None] = mapped_column(String(8))  # the language the citizen wrote in (UI language)
    share_resources: Mapped[bool] = mapped_column(default=False)  # consent to share resources and barriers
    has_resources: Mapped[bool] = mapped_column(default=False)  # for the caseworker's filter
    # Bumped on every change; a submission names the version it saw, so two clicks give one submission.
    version: Mapped[int] = mapped_column(default=1)
    filled_together_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column()
    seen_at: Mapped[datetime | None] = mapped_column()
    reviewed_at: Mapped[datetime | None] = mapped_column()
    discussed_at: Mapped[datetime | None] = mapped_column()
    acknowledged_at: Mapped[datetime | None] = mapped_column()  # taken in by the case system (API)
    # "Fill in together": a short one-time code the citizen's own screen shows, which the caseworker types in to
    # open the draft. Only its hash is kept; attempts are counted atomically (see preparation/together.py).
    together_code_hash: Mapped[str | None] = mapped_column(String(64))
    together_code_expires_at: Mapped[datetime | None] = mapped_column()
    together_code_attempts: Mapped[int] = mapped_column(default=0)
    # The joint session the code opened: which caseworker may see the working copy, and until when. On the form,
    # not in the caseworker's browser, so the citizen can see it and end it.
    together_granted_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    together_granted_until: Mapped[datetime | None] = mapped_column()

    citizen: Mapped[Citizen] = relationship()
    filled_together_by: Mapped[StaffUser | None] = relationship(foreign_keys=[filled_together_by_id])
    submissions: Mapped[list["FormSubmission"]] = relationship(back_populates="form", order_by="FormSubmission.number")
    citizen_notes: Mapped[list["CitizenNote"]] = relationship(order_by="CitizenNote.created_at")
    staff_notes: Mapped[list["PreparationNote"]] = relationship(order_by="PreparationNote.created_at")


class FormSubmission(Model):
    """One sent version of the form, exactly as it was sent."""

    __tablename__ = "form_submission"
    __table_args__ = (UniqueConstraint("form_id", "number", name="uq_form_submission_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("preparation_form.id"), index=True)
    number: Mapped[int] = mapped_column()
    answers: Mapped[dict] = mapped_column(JSON)
    language: Mapped[str | None] = mapped_column(String(8))
    share_resources: Mapped[bool] = mapped_column(default=False)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    filled_together_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    form: Mapped[PreparationForm] = relationship(back_populates="submissions")
    filled_together_by: Mapped[StaffUser | None] = relationship(foreign_keys=[filled_together_by_id])


class CitizenNote(Model):
    """After a caseworker has opened the form, the citizen adds notes instead of changing their words."""

    __tablename__ = "citizen_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("preparation_form.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PreparationNote(Model):
    """The caseworker's internal notes for the team meeting, kept apart from the citizen's own words."""

    __tablename__ = "preparation_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("preparation_form.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    staff: Mapped[StaffUser] = relationship()
