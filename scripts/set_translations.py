"""Set translations from a JSON file {"da": {"msgid": "msgstr", ...}, ...} into the catalogues.

A plural entry is keyed by its singular msgid and given a list: one msgstr per plural form of that language, in
the order of the catalogue's Plural-Forms header.

Used when a few new strings arrive: the translator's answers go into one reviewable file and this writes them
with the same formatting `pybabel update` uses.
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "selfservice"


def main(path: str) -> None:
    updates = json.loads(Path(path).read_text(encoding="utf-8"))
    for lang, strings in updates.items():
        po_path = PACKAGE / "translations" / lang / "LC_MESSAGES" / "messages.po"
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for msgid, msgstr in strings.items():
            message = catalog.get(msgid)
            if message is None:
                raise SystemExit(f"{lang}: no such message id: {msgid!r}")
            plural = isinstance(message.id, tuple | list)
            if isinstance(msgstr, list) != plural:
                raise SystemExit(f"{lang}: {msgid!r} is {'a plural' if plural else 'not a plural'}")
            if isinstance(msgstr, list) and len(msgstr) != catalog.num_plurals:
                raise SystemExit(f"{lang}: {msgid!r} needs {catalog.num_plurals} forms, got {len(msgstr)}")
            message.string = tuple(msgstr) if isinstance(msgstr, list) else msgstr
            message.flags.discard("fuzzy")
        with po_path.open("wb") as handle:
            write_po(handle, catalog, width=120, omit_header=False)
        print(f"{lang}: {len(strings)} set")


if __name__ == "__main__":
    main(sys.argv[1])
