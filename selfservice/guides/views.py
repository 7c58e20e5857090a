"""The guide pages: the index with its situation filter and search box, and one article.

Why the situation filter is remembered on the citizen: someone on sickness benefit should not have to wade through
dagpenge rules every visit. It starts from the situation their caseworker recorded and follows their own choice.
"""

from datetime import date

from flask import abort, render_template, request
from flask_babel import gettext
from flask_login import current_user

from ..access import public
from ..extensions import db
from ..i18n import DEFAULT_LANGUAGE
from ..i18n_web import current_language
from ..labels import GUIDE_SITUATIONS, GUIDE_TOPICS
from . import SELF_CHECKS, bp, library
from .content import ALL_SITUATIONS, Article
from .render import render_markdown
from .reviews import last_review
from .search import search

EASY_COOKIE = "easy"
MAX_QUERY = 200
# Citizens' recorded situations that the guides file under a broader one.
SITUATION_ALIASES = {"uddannelseshjaelp": "kontanthjaelp"}
SELF_CHECK_FOR = {
    "uddannelsesloeft": "uddannelsesloeft",
    "seks-ugers-jobrettet-uddannelse": "seks-ugers-jobrettet-uddannelse",
    "afbud-og-sygdom": "moede",
    "samtaler-og-moeder": "moede",
}


def _signed_in_citizen():
    return current_user if getattr(current_user, "is_citizen", False) else None


def chosen_situation() -> str | None:
    """The filter: an explicit choice (remembered for a citizen) → the citizen's remembered one → their situation."""
    citizen = _signed_in_citizen()
    if "situation" in request.args:
        choice = request.args["situation"]
        choice = choice if choice in GUIDE_SITUATIONS else ALL_SITUATIONS
        # Remembered only when the citizen chose it on our own pages: a link from another site must not change a
        # stored preference (a GET that changes state; security review F15). Browsers say where a request came from.
        same_site = request.headers.get("Sec-Fetch-Site") in ("same-origin", "none")
        if citizen is not None and citizen.guide_situation != choice and same_site:
            citizen.guide_situation = choice
            db.session.commit()
    elif citizen is not None and citizen.guide_situation:
        choice = citizen.guide_situation
    elif citizen is not None and citizen.situation:
        choice = SITUATION_ALIASES.get(citizen.situation, citizen.situation)
    else:
        choice = ALL_SITUATIONS
    return None if choice == ALL_SITUATIONS or choice not in GUIDE_SITUATIONS else choice


def easy_reading() -> bool:
    if "easy" in request.args:
        return request.args["easy"] == "1"
    return request.cookies.get(EASY_COOKIE) == "1"


@bp.after_app_request
def remember_easy_reading(response):
    """Easy reading is a reading preference, like the language: kept in a cookie, never tied to a person."""
    if request.blueprint in ("guides", "selfchecks") and request.args.get("easy") in ("0", "1"):
        response.set_cookie(EASY_COOKIE, request.args["easy"], max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


@bp.get("/guides")
@public
def index():
    lang = current_language()
    lib = library()
    situation = chosen_situation()
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    results = [a for a in search(lib, query, lang) if a.applies_to(situation)] if query else None
    groups = [
        (topic, label, [a for a in lib.in_order() if a.topic == topic and a.applies_to(situation)])
        for topic, label in GUIDE_TOPICS.items()
    ]
    return render_template(
        "guides/index.html",
        groups=[group for group in groups if group[2]],
        results=results,
        query=query,
        situation=situation,
        situations=GUIDE_SITUATIONS,
        easy=easy_reading(),
        lang=lang,
        selfcheck_titles=SELF_CHECKS,
        changes={slug: change for slug in lib.articles if (change := lib.upcoming(slug))},
    )


@bp.get("/guides/<slug>")
@public
def article(slug: str):
    item: Article | None = library().get(slug)
    if item is None:
        abort(404)
    upcoming = library().upcoming(slug)
    preview = upcoming is not None and request.args.get("version") == str(upcoming.in_force_from)
    if preview and upcoming is not None:  # the rules from the change date, asked for from the box
        item, upcoming = upcoming, None
    lang = current_language()
    wants_danish = request.args.get("text") == DEFAULT_LANGUAGE and lang != DEFAULT_LANGUAGE
    text = item.danish if wants_danish else item.text_for(lang)
    related = [library().get(other) for other in item.related if library().get(other)]
    return render_template(
        "guides/article.html",
        article=item,
        text=text,
        lang=lang,
        wants_danish=wants_danish,
        translation_missing=lang not in item.texts,
        translation_outdated=lang in item.texts and not item.is_current(lang),
        body=render_markdown(text.body, gettext("Source"), text.lang),
        upcoming=upcoming,
        upcoming_text=upcoming.text_for(lang) if upcoming else None,
        preview=preview,
        reviewed=last_review(item.slug, text.lang, item.reviewed),
        related=related,
        self_check=SELF_CHECK_FOR.get(slug),
        easy=easy_reading(),
        in_force=item.in_force(date.today()),
    )
