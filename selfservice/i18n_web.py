"""Locale selection wired to Flask: the pure order lives in i18n.select_locale."""

from datetime import datetime
from urllib.parse import urlencode

from flask import Flask, current_app, g, request
from flask_babel import format_date, format_datetime, format_time, get_locale, get_translations
from flask_login import current_user
from jinja2 import pass_eval_context
from markupsafe import Markup

from .bidi import danish, isolate_latin
from .extensions import babel
from .i18n import DEFAULT_LANGUAGE, LANGUAGE_COOKIE, LANGUAGES, select_locale, supported
from .rules.meetings import representable

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
    if g.get("shared_device"):
        # A device shared by strangers (the lobby kiosk, which sets these in its own before_request): the language
        # is the visit's, kept on the server, never a cookie, a saved choice or the browser's.
        g.locale = select_locale(request.args.get("lang"), g.get("device_language"), None, None)
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


@pass_eval_context
def template_pgettext(eval_ctx, context: str, string: str, **variables) -> str:
    """`pgettext("person", "Name")`: the same English word, translated apart where languages need two words."""
    return _filled(eval_ctx, get_translations().upgettext(context, string), variables)


def url_with_lang(code: str) -> str:
    args = request.args.to_dict()
    args["lang"] = code
    return request.path + "?" + urlencode(args)


def _on_the_clock(formatter):
    """Flask-Babel's date filters move a datetime to Copenhagen time first, which fails for a time stored at the
    calendar's edge (year 9999, see rules.meetings.representable); such a time is shown at the edge instead."""

    def format_value(value, *args, **kwargs):
        if isinstance(value, datetime):
            value = representable(value)
        return formatter(value, *args, **kwargs)

    return format_value


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=_locale_selector)
    app.jinja_env.filters.update(
        datetimeformat=_on_the_clock(format_datetime),
        dateformat=_on_the_clock(format_date),
        timeformat=_on_the_clock(format_time),
        danish=danish,  # a Danish term or title inside any language (bidi.py)
        isolate_latin=isolate_latin,  # Latin-script terms kept whole inside Arabic and Farsi
    )
    app.jinja_env.globals.update(
        _=template_gettext,
        gettext=template_gettext,
        ngettext=template_ngettext,
        pgettext=template_pgettext,
        LANGUAGES=LANGUAGES,
        current_language=current_language,
        url_with_lang=url_with_lang,
    )

    @app.after_request
    def remember_explicit_choice(response):
        """A language chosen in the address is remembered in this browser's cookie only.

        Why not also as the citizen's saved language: that one decides the language of our e-mails and text
        messages, and a GET can come from a link on any other site (the session cookie is SameSite=Lax). The
        saved language changes only through the settings form (a POST with a CSRF token).
        """
        chosen = supported(request.args.get("lang"))
        if chosen and g.get("kiosk") is None:
            remember_language(response, chosen)
        return response


def remember_language(response, code: str) -> None:
    """The `lang` cookie: this browser's explicit choice, ahead of the saved preference and Accept-Language."""
    response.set_cookie(
        LANGUAGE_COOKIE,
        code,
        max_age=ONE_YEAR,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
    )
