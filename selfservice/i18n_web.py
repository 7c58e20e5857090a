"""Locale selection wired to Flask: the pure order lives in i18n.select_locale."""

from urllib.parse import urlencode

from flask import Flask, g, request
from flask_babel import get_locale, get_translations
from flask_login import current_user
from jinja2 import pass_eval_context
from markupsafe import Markup

from .extensions import babel, db
from .i18n import DEFAULT_LANGUAGE, LANGUAGE_COOKIE, LANGUAGES, select_locale, supported

ONE_YEAR = 365 * 24 * 3600


def current_language() -> str:
    locale = get_locale()
    return supported(str(locale)) or DEFAULT_LANGUAGE if locale else DEFAULT_LANGUAGE


def _locale_selector() -> str:
    if "locale" in g:
        return g.locale
    saved = None
    if getattr(current_user, "is_authenticated", False) and current_user.is_citizen:
        saved = current_user.language
    on_kiosk = g.get("kiosk") is not None
    if on_kiosk:
        # A kiosk is shared by strangers: the language is the visit's (server session), never a cookie or browser.
        from .kiosk.device import kiosk_language

        g.locale = select_locale(request.args.get("lang"), kiosk_language(), None, None)
        return g.locale
    g.locale = select_locale(
        request.args.get("lang"),
        request.cookies.get(LANGUAGE_COOKIE),
        saved,
        request.accept_languages,
    )
    return g.locale


def _filled(eval_ctx, text: str, variables: dict) -> str:
    if eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704 - our own catalogue, as in Jinja; the values are escaped by %
    return text % variables


@pass_eval_context
def template_gettext(eval_ctx, string: str, **variables) -> str:
    """`_()` in templates, with the same result as Jinja's newstyle gettext (translated, then placeholders filled
    with escaped values) but one call instead of three: a page has a hundred of these."""
    return _filled(eval_ctx, get_translations().ugettext(string), variables)


@pass_eval_context
def template_ngettext(eval_ctx, singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    return _filled(eval_ctx, get_translations().ungettext(singular, plural, num), variables)


def url_with_lang(code: str) -> str:
    args = request.args.to_dict()
    args["lang"] = code
    return request.path + "?" + urlencode(args)


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=_locale_selector)
    app.jinja_env.globals.update(
        _=template_gettext,
        gettext=template_gettext,
        ngettext=template_ngettext,
        LANGUAGES=LANGUAGES,
        current_language=current_language,
        url_with_lang=url_with_lang,
    )

    @app.after_request
    def remember_explicit_choice(response):
        chosen = supported(request.args.get("lang"))
        if chosen and g.get("kiosk") is None:
            response.set_cookie(
                LANGUAGE_COOKIE,
                chosen,
                max_age=ONE_YEAR,
                samesite="Lax",
                secure=app.config["SESSION_COOKIE_SECURE"],
                httponly=True,
            )
            citizen = current_user if getattr(current_user, "is_citizen", False) else None
            if citizen is not None and citizen.language != chosen:
                citizen.language = chosen
                db.session.commit()
        return response
