"""Loading and saving the preparation form.

Why conditional updates: a citizen may have the form open in two tabs, autosave may fire while they click
"continue", and a double click on "send" must give one submission. Every write names the version it read; a write
that lost the race re-reads (for a step) or is answered with the existing submission (for sending).
"""

from flask import current_app
from sqlalchemy import func, select, update

from ..extensions import db, rows_changed
from ..models import Citizen, FormSubmission, PreparationForm, StaffUser, utcnow
from ..rules import preparation as rules
from .steps import BY_SLUG

RETRIES = 5


def get_form(citizen: Citizen) -> PreparationForm | None:
    """The citizen's preparation form, or None if they have not started one (reading never creates it)."""
    return db.session.scalar(select(PreparationForm).where(PreparationForm.citizen_id == citizen.id))


def form_for(citizen: Citizen) -> PreparationForm:
    """The citizen's preparation form, created empty the first time."""
    form = get_form(citizen)
    if form is not None:
        return form
    form = PreparationForm(citizen_id=citizen.id, reference=rules.new_reference(), answers={}, completed_steps=[])
    db.session.add(form)
    try:
        db.session.commit()
    except Exception:  # another request created it at the same moment: use theirs
        db.session.rollback()
        theirs = get_form(citizen)
        if theirs is None:
            raise  # not that race: the commit failed for another reason
        return theirs
    return form


def step_answers(step_slug: str, data: dict) -> dict:
    """The form's data as stored: no CSRF token, no empty repeated entries."""
    answers = {key: value for key, value in data.items() if key != "csrf_token"}
    if BY_SLUG[step_slug].repeating:
        answers["entries"] = rules.clean_entries(answers.get("entries", []))
    return answers


def save_step(
    form: PreparationForm,
    step_slug: str,
    answers: dict,
    *,
    complete: bool,
    language: str,
    staff: StaffUser | None = None,
) -> bool:
    """Store one step's answers. Returns False when the citizen may no longer change the form."""
    for _ in range(RETRIES):
        db.session.refresh(form)
        if not rules.citizen_may_change(form.status):
            return False
        merged = dict(form.answers or {})
        merged[step_slug] = answers
        completed = list(form.completed_steps or [])
        if complete and step_slug not in completed:
            completed.append(step_slug)
        values = {
            "answers": merged,
            "completed_steps": completed,
            "language": language,
            "version": form.version + 1,
            "updated_at": utcnow(),
        }
        if step_slug == "resources":
            values["share_resources"] = bool(answers.get("consent"))
            values["has_resources"] = rules.has_resources(answers)
        if staff is not None:
            values["filled_together_by_id"] = staff.id
        changed = rows_changed(
            update(PreparationForm)
            .where(PreparationForm.id == form.id, PreparationForm.version == form.version)
            .values(**values)
        )
        if changed == 1:
            db.session.commit()
            db.session.refresh(form)
            return True
        db.session.rollback()
    raise RuntimeError("could not save the step after several attempts")


def last_submission(form: PreparationForm) -> FormSubmission | None:
    return db.session.scalar(
        select(FormSubmission).where(FormSubmission.form_id == form.id).order_by(FormSubmission.number.desc()).limit(1)
    )


def submit(
    form: PreparationForm, seen_version: int, email: str | None, staff: StaffUser | None = None
) -> tuple[FormSubmission | None, bool]:
    """Send the form as it was when the citizen checked it.

    Returns (submission, created). A second request for the same version gets the first one's submission and
    created=False; a request for an older version gets (None, False): the answers changed since they were checked.
    """
    now = utcnow()
    changed = rows_changed(
        update(PreparationForm)
        .where(
            PreparationForm.id == form.id,
            PreparationForm.version == seen_version,
            PreparationForm.status.in_([rules.DRAFT, rules.SUBMITTED]),
        )
        .values(
            version=seen_version + 1,
            status=rules.SUBMITTED,
            submitted_at=now,
            contact_email=email or None,
            filled_together_by_id=staff.id if staff else PreparationForm.filled_together_by_id,
        )
    )
    if changed != 1:
        db.session.rollback()
        db.session.refresh(form)
        latest = last_submission(form)
        if latest is not None and form.version == seen_version + 1:
            return latest, False
        return None, False
    db.session.refresh(form)
    number = (db.session.scalar(select(func.count()).where(FormSubmission.form_id == form.id)) or 0) + 1
    submission = FormSubmission(
        form_id=form.id,
        number=number,
        answers=form.answers,
        language=form.language,
        share_resources=form.share_resources,
        submitted_at=now,
        filled_together_by_id=form.filled_together_by_id,
    )
    db.session.add(submission)
    _notify(form, submission)
    db.session.commit()
    return submission, True


def _notify(form: PreparationForm, submission: FormSubmission) -> None:
    """Queue the e-mails in the same transaction: the team hears that a form came in (never what it says);
    the citizen gets a receipt if they gave an address."""
    from .. import mail

    team = form.citizen.team
    team_address = (team.notify_email if team else None) or current_app.config["TEAM_NOTIFY_EMAIL"]
    if team_address:
        mail.queue_template(team_address, "mail/form_submitted_team", form=form, submission=submission, language="da")
    if form.contact_email:
        mail.queue_template(
            form.contact_email, "mail/form_receipt", form=form, submission=submission, language=form.language or "da"
        )


def mark_seen(form: PreparationForm) -> bool:
    """The first time a caseworker opens a sent form, the citizen sees it as 'seen'."""
    changed = rows_changed(
        update(PreparationForm)
        .where(PreparationForm.id == form.id, PreparationForm.status == rules.SUBMITTED)
        .values(status=rules.SEEN, seen_at=utcnow(), version=PreparationForm.version + 1)
    )
    return changed == 1


def sent(status: str | None = None, acknowledged: bool | None = None, limit: int = 500) -> list[PreparationForm]:
    """Forms the citizens have sent (never drafts), oldest first, for the case system."""
    query = select(PreparationForm).where(PreparationForm.status != rules.DRAFT)
    if status:
        query = query.where(PreparationForm.status == status)
    if acknowledged is not None:
        seen = PreparationForm.acknowledged_at.is_not(None)
        query = query.where(seen if acknowledged else PreparationForm.acknowledged_at.is_(None))
    return list(db.session.scalars(query.order_by(PreparationForm.submitted_at).limit(limit)))


def sent_by_reference(reference: str) -> PreparationForm | None:
    form = db.session.scalar(select(PreparationForm).where(PreparationForm.reference == reference))
    return form if form is not None and form.status != rules.DRAFT else None


def acknowledge(form: PreparationForm) -> None:
    """The case system has taken the form in; acknowledging twice changes nothing."""
    if form.acknowledged_at is None:
        form.acknowledged_at = utcnow()
        db.session.commit()


def by_reference(reference: str) -> PreparationForm | None:
    return db.session.scalar(select(PreparationForm).where(PreparationForm.reference == reference))
