"""Pages of the preparation form. Each handler takes a FormContext, so the citizen's pages and the caseworker's
"fill in together" pages are the same code under two URL prefixes with two access rules."""

from flask import abort, jsonify, redirect, render_template, request
from flask_babel import format_datetime

from .. import audit, labels
from ..access import citizen_required, staff_required
from ..extensions import db
from ..i18n_web import current_language
from ..models import CitizenNote, utcnow
from ..rules import preparation as rules
from . import bp, store, together_bp
from .flow import FormContext, citizen_context, together_context
from .forms import CitizenNoteForm, SubmitForm
from .steps import BY_SLUG, SLUGS, STEPS
from .summary import step_summary


def _render(template: str, ctx: FormContext, status: int = 200, **context):
    def change_url(slug: str) -> str:
        return ctx.url("step", slug=slug, **{"return": "check"})

    return render_template(
        template,
        ctx=ctx,
        steps=STEPS,
        rules=rules,
        labels=labels,
        step_summary=step_summary,
        change_url=change_url,
        **context,
    ), status


def _audit_together(ctx: FormContext, action: str) -> None:
    if ctx.staff:
        audit.record(ctx.citizen, action, "preparation_form", "filled_in_together")
        db.session.commit()


def start(ctx: FormContext):
    return _render(
        "preparation/start.html", ctx, first_unfinished=rules.first_unfinished(SLUGS, ctx.form.completed_steps)
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
    _audit_together(ctx, audit.READ)
    if request.method == "GET":
        form = current.form_class(data=ctx.form.answers.get(slug))
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
    _audit_together(ctx, audit.WRITE)
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
    if not form.validate() or not (form.version.data or "").isdigit():
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
    submission, _created = store.submit(ctx.form, int(form.version.data), form.email.data, staff=ctx.staff)
    if submission is None:
        return redirect(ctx.url("check", stale=1))
    if ctx.staff:
        audit.record(ctx.citizen, audit.WRITE, "preparation_form", "filled_in_together")
        db.session.commit()
    from ..mail import deliver_due

    deliver_due()
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


def _register() -> None:
    for rule, endpoint, handler, methods in PAGES:

        def as_citizen(handler=handler, **kwargs):
            return handler(citizen_context(), **kwargs)

        def together(public_id: str, handler=handler, **kwargs):
            return handler(together_context(public_id), **kwargs)

        as_citizen.__name__ = together.__name__ = endpoint
        bp.add_url_rule(rule, endpoint, citizen_required(allow_invitation=True)(as_citizen), methods=methods)
        if endpoint != "note":
            together_bp.add_url_rule(rule, endpoint, staff_required()(together), methods=methods)


_register()
