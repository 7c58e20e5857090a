"""The sentences of the page, from texts/<lang>.toml (content, not code: editors and translators change them there).

Why TOML files and not the gettext catalogues: these are statements about rules, reviewed against the guides like
the guides themselves; they change when a rule changes, not when the interface does.
"""

import tomllib
from functools import cache
from pathlib import Path

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES

TEXTS_DIR = Path(__file__).parent / "texts"


@cache
def load(lang: str) -> dict:
    path = TEXTS_DIR / f"{lang}.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


def in_language(lang: str) -> dict:
    return load(lang if lang in LANGUAGES and (TEXTS_DIR / f"{lang}.toml").exists() else DEFAULT_LANGUAGE)


def statement(lang: str, group: str, key: str) -> str:
    return in_language(lang)[group][key]


def option(lang: str, key: str) -> dict:
    return in_language(lang)["options"][key]


def reason(lang: str, dotted: str) -> str:
    option_key, _, reason_key = dotted.partition(".")
    return in_language(lang)["reasons"][option_key][reason_key]


def keys(lang: str) -> set[str]:
    """Every key of a language file, dotted ("duties.meetings", "options.rkv.title", "reasons.rkv.required")."""
    found: set[str] = set()

    def walk(prefix: str, value) -> None:
        if isinstance(value, dict):
            for name, inner in value.items():
                walk(f"{prefix}.{name}" if prefix else name, inner)
        else:
            found.add(prefix)

    walk("", load(lang))
    return found
