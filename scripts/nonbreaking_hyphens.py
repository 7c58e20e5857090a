"""Give the right-to-left catalogues (ar, fa) non-breaking hyphens in Latin-script words: "a-kasse" → "a‑kasse".

Why: a catalogue string cannot carry markup, so the `<bdi>` that keeps a Danish term whole elsewhere is not
available; U+2011 at least stops the line from breaking inside the term (see selfservice/bidi.py). Placeholders and
addresses are left as written. tests/unit/test_bidi.py fails while a string still has an ASCII hyphen; run this
after new translations arrive, then `make i18n-compile`.
"""

from babel.messages.pofile import read_po, write_po

from selfservice.bidi import catalogue_hyphens
from selfservice.catalogues import catalogue_path
from selfservice.i18n import LANGUAGES


def main() -> None:
    for code, language in LANGUAGES.items():
        if not language.is_rtl:
            continue
        path = catalogue_path(code)
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=code)
        changed = 0
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.string, tuple | list):
                new = tuple(catalogue_hyphens(s) for s in message.string)
            else:
                new = catalogue_hyphens(message.string)
            if new != message.string:
                message.string, changed = new, changed + 1
        if changed:
            with path.open("wb") as handle:
                write_po(handle, catalog, width=120, omit_header=False)
        print(f"{code}: {changed} strings changed")


if __name__ == "__main__":
    main()
