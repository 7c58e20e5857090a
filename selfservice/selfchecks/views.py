"""The self-check pages: an introduction, one question per page, and the outcome with reasons and sources.

Why the answers live in the server-side session and not in the address: a date of birth and a benefit are personal;
they must not end up in browser history, logs or a shared kiosk's address bar.
"""

from datetime import date

from flask import abort, redirect, render_template, request, session, url_for
from flask_login import current_user

from ..access import public
from ..guides import SELF_CHECKS, library
from ..rules.selfchecks import CHECKS, Ask
from . import bp, texts
from .forms import QUESTIONS

SESSION_KEY = "selfchecks"
SELF_CHECKS.update(texts.TITLES)  # listed on the guides page


def _check(name: str):
    if name not in CHECKS:
        abort(404)
    return CHECKS[name]


def _answers(name: str) -> dict:
    """The stored answers, with dates turned back into dates for the rules."""
    stored = dict(session.get(SESSION_KEY, {}).get(name, {}))
    if "birth_date" in stored:
        stored["birth_date"] = date.fromisoformat(stored["birth_date"])
    return stored


def _store(name: str, key: str, value) -> None:
    everything = dict(session.get(SESSION_KEY, {}))
    answers = dict(everything.get(name, {}))
    answers[key] = value.isoformat() if isinstance(value, date) else value
    everything[name] = answers
    session[SESSION_KEY] = everything


def _path(name: str) -> list[str]:
    """The questions asked so far, in order, by replaying the rules over the stored answers."""
    answers = _answers(name)
    asked: list[str] = []
    known: dict[str, object] = {}
    while isinstance(step := _check(name)(known, date.today()), Ask) and step.question in answers:
        asked.append(step.question)
        known[step.question] = answers[step.question]
    if isinstance(step, Ask):
        asked.append(step.question)
    return asked


@bp.get("/<name>")
@public
def start(name: str):
    _check(name)
    first = _check(name)({}, date.today())
    return render_template(
        "selfchecks/start.html",
        name=name,
        title=texts.TITLES[name],
        intro=texts.INTROS[name],
        first=first.question,
        guide=library().get(texts.GUIDES[name]),
        upcoming=library().upcoming(texts.GUIDES[name]),
    )


@bp.post("/<name>/restart")
@public
def restart(name: str):
    _check(name)
    everything = dict(session.get(SESSION_KEY, {}))
    everything.pop(name, None)
    session[SESSION_KEY] = everything
    return redirect(url_for("selfchecks.question", name=name, key=_check(name)({}, date.today()).question))


@bp.route("/<name>/<key>", methods=["GET", "POST"])
@public
def question(name: str, key: str):
    check = _check(name)
    form_class = QUESTIONS[name].get(key)
    if form_class is None or key == "result":
        abort(404)
    form = form_class()
    if request.method == "GET":
        form.load(session.get(SESSION_KEY, {}).get(name, {}).get(key))
    elif form.validate_on_submit():
        _store(name, key, form.value())
        step = check(_answers(name), date.today())
        if isinstance(step, Ask):
            return redirect(url_for("selfchecks.question", name=name, key=step.question))
        return redirect(url_for("selfchecks.result", name=name))
    path = _path(name)
    position = path.index(key) if key in path else len(path)
    back = (
        url_for("selfchecks.question", name=name, key=path[position - 1])
        if position > 0
        else url_for("selfchecks.start", name=name)
    )
    return render_template(
        "selfchecks/question.html",
        name=name,
        key=key,
        form=form,
        title=texts.TITLES[name],
        number=position + 1,
        back=back,
    ), (200 if request.method == "GET" or not form.errors else 422)


@bp.get("/<name>/result")
@public
def result(name: str):
    outcome = _check(name)(_answers(name), date.today())
    if isinstance(outcome, Ask):
        return redirect(url_for("selfchecks.question", name=name, key=outcome.question))
    citizen = getattr(current_user, "is_citizen", False)
    return render_template(
        "selfchecks/result.html",
        name=name,
        title=texts.TITLES[name],
        outcome=outcome,
        verdict=texts.VERDICTS[outcome.verdict],
        reasons=[texts.REASONS[code] for code in outcome.reasons],
        steps=[(code, texts.STEPS[code]) for code in outcome.steps],
        sources=texts.SOURCES[name],
        guide=library().get(texts.GUIDES[name]),
        upcoming=library().upcoming(texts.GUIDES[name]),
        citizen=citizen,
        first=_path(name)[0],
    )
