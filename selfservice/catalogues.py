"""Checks that every catalogue is complete: no missing or fuzzy translation, and the same placeholders as the
message id (a translated "%(name)s" spelled differently would crash the page or show the wrong value).

Run with `python -m selfservice.catalogues` (`make i18n-check`); the test suite runs the same checks.
"""

import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from .config import PACKAGE
from .i18n import DEFAULT_LANGUAGE, LANGUAGES

SOURCE_LANGUAGE = "en"  # message ids are English, so English needs no catalogue
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{\w*\}")


def catalogue_languages() -> list[str]:
    return [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def catalogue_path(code: str) -> Path:
    return PACKAGE / "translations" / code / "LC_MESSAGES" / "messages.po"


def placeholders(text: str) -> list[str]:
    return sorted(m.group(0) for m in PLACEHOLDER.finditer(text))


def message_key(message) -> str:
    """The message id, with its context (`pgettext`) in front: "Name" for a person and for a jobcentre are two."""
    text = str(message.id if isinstance(message.id, str) else message.id[0])
    return f"{message.context}|{text}" if message.context else text


def message_ids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {message_key(m) for m in catalog if m.id}


def problems(path: Path) -> list[str]:
    found: list[str] = []
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        string = message.string or ""  # None only for a message built by hand: read as untranslated
        strings = [string] if isinstance(string, str) else list(string)
        label = message_key(message)[:60]
        if message.fuzzy:
            found.append(f"{path}: fuzzy: {label!r}")
        if not all(s.strip() for s in strings):
            found.append(f"{path}: untranslated: {label!r}")
            continue
        expected = placeholders(ids[-1])
        for string in strings:
            if placeholders(string) != expected and placeholders(string) != placeholders(ids[0]):
                found.append(f"{path}: placeholders differ in {label!r}: {placeholders(string)} != {expected}")
    return found


def check_all(template: Path | None = None) -> list[str]:
    found: list[str] = []
    wanted = message_ids(template) if template else None
    for code in catalogue_languages():
        path = catalogue_path(code)
        if not path.exists():
            found.append(f"{path}: missing catalogue")
            continue
        found.extend(problems(path))
        if wanted is not None:
            missing = wanted - message_ids(path)
            found.extend(f"{path}: not in catalogue: {text[:60]!r}" for text in sorted(missing))
    return found


def main() -> int:
    template = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    found = check_all(template)
    for line in found:
        print(line)
    if not found:
        print(f"All {len(catalogue_languages())} catalogues complete (default: {DEFAULT_LANGUAGE}).")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
