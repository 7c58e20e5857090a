"""Pages of the preparation form. Each handler takes a FormContext, so the citizen's pages and the caseworker's
"fill in together" pages are the same code under two URL prefixes with two access rules.

What a caseworker filling in together may see is decided by one rule (rules/form_access.py, through
`ctx.visible`); every together page writes an audit entry (see `_register`)."""

from datetime import timedelta

from flask import abort, jsonify, redirect, render_template, request
from flask_babel import format_datetime

from .. import audit, labels, securitylog
from ..access import citizen_required, staff_required
from ..extensions import db
from ..i18n_web import current_language
from ..models import CitizenNote, utcnow
from ..rules import preparation as rules
from . import bp, store, together, together_bp
from .flow import FormContext, citizen_context, together_context
from .forms import CitizenNoteForm, JoinForm, SubmitForm
from .steps import BY_SLUG, SLUGS, STEPS
from .summary import step_summary

# Autosave fires every few seconds while someone types: one audit line per ten minutes of it is enough.
AUTOSAVE_AUDIT_WINDOW = timedelta(minutes=10)


def _render(template: str, ctx: FormContext, status: int = 200, **context):
    def change_url(slug: str) -> str | None:
        if slug == "resources" and not ctx.visible.resources_editable:
            return None
        return ctx.url("step", slug=slug, **{"return": "check"})

    return render_template(
        template,
        ctx=ctx,
        steps=STEPS,
        rules=rules,
        labels=labels.now(),
        step_summary=step_summary,
        change_url=change_url,
        visible=ctx.visible,
        **context,
    ), status


def _audit_write(ctx: FormContext, once_per: timedelta | None = None) -> None:
    if ctx.staff:
        audit.record(ctx.citizen, audit.WRITE, "preparation_form", "filled_in_together", once_per=once_per)
        db.session.commit()


def _hidden_resources(ctx: FormContext, slug: str) -> bool:
    """The resources page the citizen has not shared holds answers: a caseworker may neither read nor overwrite it."""
    return slug == "resources" and not ctx.visible.resources_editable


def start(ctx: FormContext, join_form: JoinForm | None = None, status: int = 200):
    return _render(
        "preparation/start.html",
        ctx,
        status,
        first_unfinished=rules.first_unfinished(SLUGS, ctx.form.completed_steps),
        join_form=join_form or JoinForm(formdata=None),
        closed=request.args.get("closed"),
    )


def resume(ctx: FormContext):
    """Where a returning citizen carries on: the first step they have not finished, else the check page."""
    if not rules.citizen_may_change(ctx.form.status):
        return redirect(ctx.url("check"))
    slug = rules.first_unfinished(SLUGS, ctx.form.completed_steps or [])
    return redirect(ctx.url("step", slug=slug) if slug else ctx.url("check"))


def step(ctx: FormContext, slug: str):
    current = BY_SLUG.get(slug)
    if current is None:
        abort(404)
    if not rules.citizen_may_change(ctx.form.status):
        return redirect(ctx.url("check"))
    if _hidden_resources(ctx, slug):
        if request.method == "POST":
            abort(403)
        return _render("preparation/step.html", ctx, step=current, form=None)
    if request.method == "GET":
        shown = ctx.form.answers.get(slug) if slug != "resources" or ctx.visible.resources else None
        form = current.form_class(data=shown)
        if current.repeating and request.args.get("add"):
            form.entries.append_entry()
        return _render("preparation/step.html", ctx, step=current, form=form)

    form = current.form_class()
    action = request.form.get("action", "continue")
    if not form.validate():
        return _render("preparation/step.html", ctx, 400, step=current, form=form)
    answers = store.step_answers(slug, form.data)
    if current.repeating and action.startswith("remove-"):
        index = action.removeprefix("remove-")
        entries = [e for i, e in enumerate(form.data["entries"]) if str(i) != index]
        answers["entries"] = rules.clean_entries(entries)
    if not store.save_step(
        ctx.form, slug, answers, complete=(action == "continue"), language=current_language(), staff=ctx.staff
    ):
        return redirect(ctx.url("check"))
    _audit_write(ctx)
    if action == "add" and current.repeating:
        return redirect(ctx.url("step", slug=slug, add=1) + f"#entries-{len(answers['entries'])}")
    if action.startswith("remove-"):
        return redirect(ctx.url("step", slug=slug))
    if action == "save":
        return redirect(ctx.url("saved"))
    if action == "back":
        previous = rules.previous_step(SLUGS, slug)
        return redirect(ctx.url("step", slug=previous) if previous else ctx.url("start"))
    if request.args.get("return") == "check":
        return redirect(ctx.url("check"))
    following = rules.next_step(SLUGS, slug)
    return redirect(ctx.url("step", slug=following) if following else ctx.url("check"))


def autosave(ctx: FormContext, slug: str):
    """Saves typed text a few seconds after typing stops (JavaScript only); never marks a step finished."""
    current = BY_SLUG.get(slug)
    if current is None:
        abort(404)
    if _hidden_resources(ctx, slug):
        return jsonify(saved=False), 403
    form = current.form_class()
    if not form.validate():
        return jsonify(saved=False), 422
    if not store.save_step(
        ctx.form,
        slug,
        store.step_answers(slug, form.data),
        complete=False,
        language=current_language(),
        staff=ctx.staff,
    ):
        return jsonify(saved=False), 409
    _audit_write(ctx, once_per=AUTOSAVE_AUDIT_WINDOW)
    return jsonify(saved=True, at=format_datetime(utcnow(), "short"))


def saved(ctx: FormContext):
    return _render("preparation/saved.html", ctx)


def check(ctx: FormContext):
    latest = store.last_submission(ctx.form)
    unsent = rules.has_unsent_changes(ctx.form.status, ctx.form.answers, latest.answers if latest else None)
    form = SubmitForm(data={"version": ctx.form.version, "email": ctx.form.contact_email or ctx.citizen.email})
    return _render(
        "preparation/check.html",
        ctx,
        submit_form=form,
        latest=latest,
        unsent=unsent,
        note_form=CitizenNoteForm(),
        stale=request.args.get("stale"),
    )


def submit(ctx: FormContext):
    form = SubmitForm()
    version = form.version.data or ""
    if not form.validate() or not version.isdigit():
        latest = store.last_submission(ctx.form)
        return _render(
            "preparation/check.html",
            ctx,
            400,
            submit_form=form,
            latest=latest,
            unsent=False,
            note_form=CitizenNoteForm(),
            stale=None,
        )
    submission, _created = store.submit(ctx.form, int(version), form.email.data, staff=ctx.staff)
    if submission is None:
        return redirect(ctx.url("check", stale=1))
    _audit_write(ctx)
    return redirect(ctx.url("receipt"))


def receipt(ctx: FormContext):
    latest = store.last_submission(ctx.form)
    if latest is None:
        return redirect(ctx.url("resume"))
    return _render("preparation/receipt.html", ctx, submission=latest)


def add_note(ctx: FormContext):
    note_form = CitizenNoteForm()
    if rules.citizen_may_change(ctx.form.status) or ctx.staff:
        abort(404)
    if not note_form.validate():
        latest = store.last_submission(ctx.form)
        return _render(
            "preparation/check.html",
            ctx,
            400,
            submit_form=SubmitForm(),
            latest=latest,
            unsent=False,
            note_form=note_form,
            stale=None,
        )
    db.session.add(CitizenNote(form_id=ctx.form.id, text=note_form.text.data))
    db.session.commit()
    return redirect(ctx.url("check", noted=1))


def join(ctx: FormContext):
    """The caseworker opens the form together: with the citizen's code, or straight away if nothing is written."""
    form = JoinForm()
    assert ctx.staff is not None  # registered only as a together page, whose context names the caseworker
    if request.form.get("action") == "new":
        opened = together.start_empty(ctx.form, ctx.staff)
    else:
        opened = form.validate() and together.redeem(ctx.form, ctx.staff, form.code.data)
        if not opened and not form.errors:
            form.code.errors = [*form.code.errors, _wrong_code_message()]
    securitylog.event("together.opened" if opened else "together.refused", "ok" if opened else "refused")
    if not opened:
        return start(ctx, join_form=form, status=400)
    audit.record(ctx.citizen, audit.READ, "preparation_form", "filled_in_together")
    db.session.commit()
    return redirect(ctx.url("resume"))


def _wrong_code_message() -> str:
    from flask_babel import gettext

    return gettext("The code is not right, or it is no longer valid. Ask the citizen to show a new code.")


def share(ctx: FormContext):
    """The citizen's side of filling in together: show a code for the caseworker, or stop sharing."""
    code = None
    action = request.form.get("action") if request.method == "POST" else None
    if action == "code" and rules.citizen_may_change(ctx.form.status):
        code = together.issue_code(ctx.form)
    elif action == "stop":
        together.end(ctx.form)
        return redirect(ctx.url("share", stopped=1))
    elif request.method == "POST":
        abort(400)
    return render_template(
        "preparation/share.html",
        ctx=ctx,
        rules=rules,
        code=code,
        code_until=together.code_valid_until(ctx.form),
        open_until=together.open_until(ctx.form),
        stopped=request.args.get("stopped"),
    )


PAGES = [
    ("/", "start", start, ["GET"]),
    ("/continue", "resume", resume, ["GET"]),
    ("/check", "check", check, ["GET"]),
    ("/submit", "submit", submit, ["POST"]),
    ("/receipt", "receipt", receipt, ["GET"]),
    ("/saved", "saved", saved, ["GET"]),
    ("/note", "note", add_note, ["POST"]),
    ("/<slug>", "step", step, ["GET", "POST"]),
    ("/<slug>/autosave", "autosave", autosave, ["POST"]),
]


# Together pages a caseworker reaches before the citizen has opened a joint session: only the start page (status
# and the code field) and the code itself. Every other page would show the working copy.
BEFORE_JOINT_SESSION = {"start", "join"}


def _together_view(endpoint: str, handler):
    """A together page: the joint session checked, and an audit entry for every request, read or write."""

    def view(public_id: str, **kwargs):
        ctx = together_context(public_id)
        if endpoint not in BEFORE_JOINT_SESSION and not ctx.joint_session:
            response = redirect(ctx.url("start", closed=1))
        else:
            response = handler(ctx, **kwargs)
        if not audit.recorded_in_this_request(ctx.citizen):
            audit.record(ctx.citizen, audit.READ, "preparation_form", "filled_in_together")
            db.session.commit()
        return response

    view.__name__ = endpoint
    return staff_required()(view)


def _citizen_view(endpoint: str, handler):
    def view(**kwargs):
        return handler(citizen_context(), **kwargs)

    view.__name__ = endpoint
    return citizen_required(allow_invitation=True)(view)


def _register() -> None:
    for rule, endpoint, handler, methods in PAGES:
        bp.add_url_rule(rule, endpoint, _citizen_view(endpoint, handler), methods=methods)
        if endpoint != "note":
            together_bp.add_url_rule(rule, endpoint, _together_view(endpoint, handler), methods=methods)
    bp.add_url_rule("/together", "share", _citizen_view("share", share), methods=["GET", "POST"])
    together_bp.add_url_rule("/join", "join", _together_view("join", join), methods=["POST"])


_register()
