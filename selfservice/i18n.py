"""The language registry and locale selection.

Why a registry: the switcher, `<html lang dir>`, the catalogue checks and the locale negotiation all read the
same eight entries, so adding a language is one line here plus a catalogue.
"""

from dataclasses import dataclass

from werkzeug.datastructures import LanguageAccept


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    english_name: str
    direction: str = "ltr"

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in [
        Language("da", "Dansk", "Danish"),
        Language("en", "English", "English"),
        Language("uk", "Українська", "Ukrainian"),
        Language("pl", "Polski", "Polish"),
        Language("ar", "العربية", "Arabic", "rtl"),
        Language("tr", "Türkçe", "Turkish"),
        Language("so", "Soomaali", "Somali"),
        Language("fa", "فارسی", "Persian", "rtl"),
    ]
}
DEFAULT_LANGUAGE = "da"
LANGUAGE_COOKIE = "lang"


def supported(code: str | None) -> str | None:
    """Return the code if we speak it (case-insensitive, region ignored), else None."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else None


def select_locale(
    query: str | None,
    cookie: str | None,
    saved_preference: str | None,
    accept_languages: LanguageAccept | None,
) -> str:
    """Explicit choice (query, then the cookie it left) → saved preference → browser → Danish."""
    for candidate in (query, cookie, saved_preference):
        if code := supported(candidate):
            return code
    if accept_languages:
        for value, _quality in accept_languages:
            if code := supported(value):
                return code
    return DEFAULT_LANGUAGE


def direction(code: str) -> str:
    return LANGUAGES.get(code, LANGUAGES[DEFAULT_LANGUAGE]).direction
