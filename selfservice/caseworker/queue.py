"""The caseworker's queue of preparation forms, a form's page, internal notes and the printable summary."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from .. import audit, labels
from ..access import staff_required
from ..extensions import db
from ..forms import options
from ..meetings import store as meetings
from ..models import FormSubmission, PreparationForm, PreparationNote, utcnow
from ..preparation import queue, store
from ..preparation.steps import STEPS
from ..preparation.summary import step_summary
from ..rules import preparation as rules
from ..rules.form_access import Viewer, visible_parts
from . import bp

VISIBLE = [rules.SUBMITTED, rules.SEEN, rules.REVIEWED, rules.DISCUSSED]  # drafts stay the citizen's own


class QueueFilter(FlaskForm):
    class Meta:
        csrf = False  # a GET search form

    status = SelectField(
        _l("Status"),
        choices=options([("", _l("All"))] + [(s, labels.FORM_STATUSES[s]) for s in VISIBLE]),
        validators=[Optional()],
    )
    meeting_from = DateField(_l("Meeting from"), validators=[Optional()])
    meeting_to = DateField(_l("Meeting to"), validators=[Optional()])
    resources = SelectField(
        _l("Resources and barriers"),
        choices=options([("", _l("All")), ("yes", _l("Has resources and barriers")), ("no", _l("None given"))]),
        validators=[Optional()],
    )


class NoteForm(FlaskForm):
    text = TextAreaField(
        _l("Internal note for the team meeting"),
        description=_l("Only staff see these notes. They are kept apart from the citizen's words."),
        validators=[DataRequired(_l("Write the note")), Length(max=rules.TEXT_LIMIT)],
    )


@bp.get("/forms")
@staff_required()
def forms_queue():
    filters = QueueFilter(request.args)
    filters.validate()
    if current_user.team_id is None:  # staff without a team see no one (never "team IS NULL")
        return render_template(
            "caseworker/forms.html", rows=[], filters=filters, counts={}, labels=labels.now(), statuses=VISIBLE
        )
    rows, counts = queue.of_team(
        current_user.team_id,
        VISIBLE,
        status=filters.status.data or None,
        resources=filters.resources.data or None,
        meeting_from=filters.meeting_from.data,
        meeting_to=filters.meeting_to.data,
    )
    page = render_template(
        "caseworker/forms.html", rows=rows, filters=filters, counts=counts, labels=labels.now(), statuses=VISIBLE
    )
    # After rendering: the commit would otherwise expire the rows and reload each one for the template.
    citizens = [form.citizen for form, _meeting in rows]
    audit.record_many(citizens, audit.READ, "preparation_form", "forms_queue", once_per=audit.LIST_WINDOW)
    db.session.commit()
    return page


def _visible(form: PreparationForm, shown: FormSubmission, viewer: Viewer = Viewer.CASEWORKER):
    return visible_parts(viewer, status=form.status, share_resources=shown.share_resources)


def own_form(reference: str) -> PreparationForm:
    form = store.by_reference(reference)
    if (
        form is None
        or form.status not in VISIBLE
        or current_user.team_id is None
        or form.citizen.team_id != current_user.team_id
    ):
        abort(404)
    audit.touch(form.citizen, "preparation_form", "team_meeting")
    return form


@bp.get("/forms/<reference>")
@staff_required()
def form_detail(reference: str):
    form = own_form(reference)
    submissions = form.submissions
    number = request.args.get("version", type=int) or (submissions[-1].number if submissions else None)
    shown = next((s for s in submissions if s.number == number), None)
    if shown is None:
        abort(404)
    store.mark_seen(form)
    audit.record(form.citizen, audit.READ, "preparation_form", "team_meeting")
    db.session.commit()
    db.session.refresh(form)
    return render_template(
        "caseworker/form.html",
        form=form,
        shown=shown,
        submissions=submissions,
        steps=STEPS,
        step_summary=step_summary,
        labels=labels.now(),
        note_form=NoteForm(),
        meeting=_meeting_of(form),
        visible=_visible(form, shown),
    )


def _meeting_of(form: PreparationForm):
    return meetings.next_planned(form.citizen_id)


@bp.post("/forms/<reference>/status")
@staff_required()
def form_status(reference: str):
    form = own_form(reference)
    target = request.form.get("status")
    if target == rules.REVIEWED and form.status in (rules.SEEN, rules.SUBMITTED):
        form.status, form.reviewed_at = rules.REVIEWED, utcnow()
    elif target == rules.DISCUSSED and form.status in (rules.SEEN, rules.REVIEWED, rules.SUBMITTED):
        form.status, form.discussed_at = rules.DISCUSSED, utcnow()
    else:
        abort(400)
    form.version += 1
    audit.record(form.citizen, audit.WRITE, "preparation_form", "team_meeting")
    db.session.commit()
    return redirect(url_for("caseworker.form_detail", reference=reference))


@bp.post("/forms/<reference>/notes")
@staff_required()
def form_note(reference: str):
    form = own_form(reference)
    note_form = NoteForm()
    if not note_form.validate_on_submit():
        shown = form.submissions[-1]
        audit.record(form.citizen, audit.READ, "preparation_form", "team_meeting")
        db.session.commit()
        return render_template(
            "caseworker/form.html",
            form=form,
            shown=shown,
            submissions=form.submissions,
            steps=STEPS,
            step_summary=step_summary,
            labels=labels.now(),
            note_form=note_form,
            meeting=_meeting_of(form),
            visible=_visible(form, shown),
        ), 400
    db.session.add(PreparationNote(form_id=form.id, staff_id=current_user.id, text=note_form.text.data))
    audit.record(form.citizen, audit.WRITE, "preparation_form", "team_meeting")
    db.session.commit()
    return redirect(url_for("caseworker.form_detail", reference=reference) + "#notes")


@bp.get("/forms/<reference>/print")
@staff_required()
def form_print(reference: str):
    form = own_form(reference)
    shown: FormSubmission = form.submissions[-1]
    audit.record(form.citizen, audit.READ, "preparation_form", "team_meeting")
    db.session.commit()
    return render_template(
        "caseworker/form_print.html",
        form=form,
        shown=shown,
        steps=STEPS,
        step_summary=step_summary,
        labels=labels.now(),
        meeting=_meeting_of(form),
        visible=_visible(form, shown, Viewer.PRINT),
    )
