"""The pages of What applies to me. Answers and corrections live in the server-side session, never in an address:
an age and a benefit are personal, and a kiosk's address bar is read by the next person in the queue."""

from flask import abort, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import current_user

from .. import labels
from ..access import citizen_required, public
from ..guides.content import today
from ..i18n_web import current_language
from ..messages import thread
from ..rules import what_applies as rules
from . import bp, situation, texts
from .forms import STEP_FORMS, STEPS, AskForm, CorrectionForm
from .sources import origin

MINE = situation.CORRECTIONS  # a signed-in citizen's corrections
ANSWERS = "what_applies_answers"  # anyone's answers on /what-applies
ASKED = "what_applies_asked"  # the option the last "ask my caseworker" was about, for the receipt


def result_context(values: dict, lang: str) -> dict:
    on = today()
    found = situation.complete(values)
    assert found is not None
    duties = [
        (texts.statement(lang, "duties", s.key), origin(s.guide, s.section, lang, on)) for s in rules.duties(found)
    ]
    rights = [
        (texts.statement(lang, "rights", s.key), origin(s.guide, s.section, lang, on)) for s in rules.rights(found)
    ]
    ways = [
        (o, texts.option(lang, o.key), texts.reason(lang, o.reason), origin(o.guide, o.section, lang, on))
        for o in rules.options(found, on)
    ]
    return {"found": found, "duties": duties, "rights": rights, "ways": ways, "values": values}


def summary_parts(values: dict) -> list[str]:
    """ "Kontanthjælp, 34 years, no vocational education": what the page works from, in the reader's words."""
    now = labels.now()
    parts = []
    if values.get("benefit"):
        parts.append(str(now.WHAT_APPLIES_BENEFITS.get(values["benefit"], "")))
    if values.get("age") not in (None, ""):
        parts.append(gettext("%(age)s years", age=values["age"]))
    if values.get("education"):
        parts.append(str(now.EDUCATIONS.get(values["education"], "")))
    if values.get("learning_danish") == "yes":
        parts.append(gettext("learning Danish"))
    return parts


# --- Signed in ----------------------------------------------------------------------------------------------------


def _mine() -> dict:
    return situation.of_citizen(current_user, today(), session)


@bp.get("/me/what-applies")
@citizen_required()
def mine():
    values = _mine()
    corrected = bool(session.get(MINE))
    if situation.complete(values) is None:
        form = CorrectionForm(formdata=None, data=values)
        return render_template("what_applies/confirm.html", form=form, values=values, summary=summary_parts(values))
    return render_template(
        "what_applies/mine.html",
        summary=summary_parts(values),
        corrected=corrected,
        **result_context(values, current_language()),
    )


@bp.route("/me/what-applies/change", methods=["GET", "POST"])
@citizen_required()
def change():
    values = _mine()
    if request.method == "POST" and "reset" in request.form:
        session.pop(MINE, None)
        return redirect(url_for("what_applies.mine"))
    form = CorrectionForm(data=values) if request.method == "GET" else CorrectionForm()
    if form.validate_on_submit():
        session[MINE] = {name: form[name].data for name in situation.FIELDS}
        return redirect(url_for("what_applies.mine"))
    status = 400 if form.errors else 200
    return render_template("what_applies/confirm.html", form=form, values=values, summary=summary_parts(values)), status


def _option_or_404(key: str) -> dict:
    if key not in rules.OPTION_KEYS:
        abort(404)
    return texts.option(current_language(), key)


@bp.route("/me/what-applies/ask/<key>", methods=["GET", "POST"])
@citizen_required()
def ask(key: str):
    """Ask my caseworker about one way to build skills: a message in the citizen's own thread, with the option named
    in their language and, for the caseworker, in Danish."""
    option = _option_or_404(key)
    form = AskForm()
    if form.validate_on_submit():
        lang = current_language()
        danish_title = texts.option("da", key)["title"]
        named = option["title"] if lang == "da" else f"{option['title']} ({danish_title})"
        body = gettext("I would like to talk about this way to build skills: %(option)s", option=named)
        if form.words.data and form.words.data.strip():
            body += "\n\n" + form.words.data.strip()
        thread.send_from_citizen(current_user, body)
        session[ASKED] = key
        return redirect(url_for("what_applies.asked"))
    return render_template("what_applies/ask.html", form=form, option=option, key=key), (400 if form.errors else 200)


@bp.get("/me/what-applies/asked")
@citizen_required()
def asked():
    key = session.get(ASKED)
    if key is None:
        return redirect(url_for("what_applies.mine"))
    return render_template("what_applies/asked.html", option=_option_or_404(key))


# --- Anyone, one question per page ----------------------------------------------------------------------------------


def _answers() -> dict:
    return dict(session.get(ANSWERS, {}))


@bp.get("/what-applies")
@public
def start():
    return render_template("what_applies/start.html", first=STEPS[0][0], started=bool(session.get(ANSWERS)))


@bp.post("/what-applies/restart")
@public
def restart():
    session.pop(ANSWERS, None)
    return redirect(url_for("what_applies.question", key=STEPS[0][0]))


@bp.route("/what-applies/<key>", methods=["GET", "POST"])
@public
def question(key: str):
    form_class = STEP_FORMS.get(key)
    if form_class is None:
        abort(404)
    answers = _answers()
    form = form_class(formdata=None, data={"answer": answers.get(key)}) if request.method == "GET" else form_class()
    if request.method == "POST" and form.validate_on_submit():
        answers[key] = form.answer.data
        session[ANSWERS] = answers
        missing = situation.first_missing(answers)
        return redirect(url_for("what_applies.question", key=missing) if missing else url_for("what_applies.result"))
    keys = [name for name, _form in STEPS]
    position = keys.index(key)
    back = url_for("what_applies.question", key=keys[position - 1]) if position else url_for("what_applies.start")
    return render_template(
        "what_applies/question.html", form=form, key=key, number=position + 1, total=len(keys), back=back
    ), (422 if form.errors else 200)


@bp.get("/what-applies/result")
@public
def result():
    answers = _answers()
    missing = situation.first_missing(answers)
    if missing is not None:
        return redirect(url_for("what_applies.question", key=missing))
    return render_template(
        "what_applies/result.html", summary=summary_parts(answers), **result_context(answers, current_language())
    )
