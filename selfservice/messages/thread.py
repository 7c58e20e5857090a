"""Reading, writing and drafting in a thread; shared by the citizen's and the caseworker's pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import delete, func, select, update
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..extensions import db
from ..meetings import store as meeting_store
from ..models import Citizen, Meeting, Message, MessageDraft, Plan, PlanActivity, StaffUser, utcnow
from ..notifications import notify_citizen
from ..rules.preparation import TEXT_LIMIT


class MessageForm(FlaskForm):
    reference = SelectField(_l("About"), choices=[], validate_choice=True)
    body = TextAreaField(
        _l("Your message"),
        description=_l("Do not write your CPR number. Your message is sent securely to your team."),
        validators=[DataRequired(_l("Write your message")), Length(max=TEXT_LIMIT)],
    )


def reference_choices(citizen: Citizen) -> list[tuple[str, str]]:
    """A message may be about a meeting or a plan activity of this citizen, or about nothing in particular."""
    from flask_babel import format_datetime

    from ..rules.meetings import representable

    choices: list[tuple[str, str]] = [("", _l("Nothing in particular"))]  # lazy labels: str when rendered
    meetings = meeting_store.planned_of_citizen(citizen.id)
    for meeting in meetings:
        when = format_datetime(representable(meeting.starts_at), "short")
        choices.append((f"meeting:{meeting.public_id}", _l("Meeting %(date)s", date=when)))
    activities = db.session.scalars(
        select(PlanActivity).join(Plan).where(Plan.citizen_id == citizen.id).order_by(PlanActivity.title)
    )
    for activity in activities:
        choices.append((f"activity:{activity.public_id}", activity.title))
    return choices


def build_form(citizen: Citizen, writer: str, **kwargs) -> MessageForm:
    draft = db.session.scalar(
        select(MessageDraft).where(MessageDraft.citizen_id == citizen.id, MessageDraft.writer == writer)
    )
    data = {"body": draft.body, "reference": draft.reference or ""} if draft else None
    form = MessageForm(data=data, **kwargs)
    form.reference.choices = reference_choices(citizen)
    return form


def save_draft(citizen: Citizen, writer: str, body: str, reference: str | None) -> None:
    draft = db.session.scalar(
        select(MessageDraft).where(MessageDraft.citizen_id == citizen.id, MessageDraft.writer == writer)
    )
    if draft is None:
        draft = MessageDraft(citizen_id=citizen.id, writer=writer)
        db.session.add(draft)
    # Only a reference this thread offers (one of the citizen's own meetings or activities) is kept with a draft.
    allowed = {value for value, _label in reference_choices(citizen)} if reference else set()
    draft.body, draft.reference, draft.updated_at = body, reference if reference in allowed else None, utcnow()
    db.session.commit()


def send(citizen: Citizen, form: MessageForm, staff: StaffUser | None) -> Message:
    message = Message(
        citizen_id=citizen.id, from_citizen=staff is None, staff_id=staff.id if staff else None, body=form.body.data
    )
    kind, _, public_id = (form.reference.data or "").partition(":")
    if kind == "meeting":
        message.meeting_id = db.session.scalar(select(Meeting.id).where(Meeting.public_id == public_id))
    elif kind == "activity":
        message.activity_id = db.session.scalar(select(PlanActivity.id).where(PlanActivity.public_id == public_id))
    db.session.add(message)
    writer = f"staff:{staff.id}" if staff else "citizen"
    db.session.execute(delete(MessageDraft).where(MessageDraft.citizen_id == citizen.id, MessageDraft.writer == writer))
    if staff is not None:
        notify_citizen(citizen, "mail/new_message")  # the notice never carries the message itself
    db.session.commit()
    return message


def send_from_citizen(citizen: Citizen, body: str) -> Message:
    """A message the citizen sends from another page (for example "ask my caseworker about this" on What applies
    to me): the same thread, the same message as one written under Messages."""
    message = Message(citizen_id=citizen.id, from_citizen=True, body=body)
    db.session.add(message)
    db.session.commit()
    return message


def mark_read(citizen: Citizen, by_citizen: bool) -> None:
    """Opening the thread marks the other side's messages as read."""
    db.session.execute(
        update(Message)
        .where(Message.citizen_id == citizen.id, Message.from_citizen.is_(not by_citizen), Message.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()


def thread(citizen: Citizen) -> list[Message]:
    return list(
        db.session.scalars(
            select(Message).where(Message.citizen_id == citizen.id).order_by(Message.created_at, Message.id)
        )
    )


def unread_from_staff(citizen_id: int) -> bool:
    """Whether the citizen has a message from the jobcentre they have not opened (the home page says so)."""
    return (
        db.session.scalar(
            select(Message.id)
            .where(Message.citizen_id == citizen_id, Message.from_citizen.is_(False), Message.read_at.is_(None))
            .limit(1)
        )
        is not None
    )


def unread_count_from_staff(citizen_id: int) -> int:
    """How many messages from the jobcentre the citizen has not opened (the assistant says how many)."""
    return (
        db.session.scalar(
            select(func.count(Message.id)).where(
                Message.citizen_id == citizen_id, Message.from_citizen.is_(False), Message.read_at.is_(None)
            )
        )
        or 0
    )


def threads_waiting(team_id: int, for_us: bool) -> list[tuple[Citizen, Message]]:
    """Threads whose last message is from the citizen (waiting for us) or from us and unread (waiting for them)."""
    last = (
        select(Message.citizen_id, func.max(Message.id).label("last_id"))
        .join(Citizen, Citizen.id == Message.citizen_id)
        .where(Citizen.team_id == team_id)
        .group_by(Message.citizen_id)
        .subquery()
    )
    query = (
        select(Citizen, Message).join(last, last.c.citizen_id == Citizen.id).join(Message, Message.id == last.c.last_id)
    )
    if for_us:
        query = query.where(Message.from_citizen.is_(True))
    else:
        query = query.where(Message.from_citizen.is_(False), Message.read_at.is_(None))
    return list(db.session.execute(query.order_by(Message.created_at)).tuples())
