"""Every catalogue is complete: `make test` fails on a missing or fuzzy translation or on changed placeholders."""

import subprocess
import sys
from pathlib import Path

from selfservice.catalogues import check_all, problems
from selfservice.config import ROOT


def fresh_template(tmp_path: Path) -> Path:
    """Extract the message ids from the code as it is now, so a new string without translations fails."""
    template = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run(
        [str(pybabel), "-q", "extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext", "-o", str(template), "."],
        cwd=ROOT,
        check=True,
    )
    return template


def test_every_catalogue_translates_every_message_with_the_same_placeholders(tmp_path):
    assert check_all(fresh_template(tmp_path)) == []


def test_the_check_catches_missing_fuzzy_and_mismatched_translations(tmp_path):
    bad = tmp_path / "bad.po"
    bad.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Hello %(name)s"\nmsgstr "Hej %(navn)s"\n\n'
        'msgid "Sign in"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Sign out"\nmsgstr "Log ud"\n',
        encoding="utf-8",
    )
    found = problems(bad)
    assert any("placeholders differ" in p and "Hello" in p for p in found)
    assert any("untranslated" in p and "Sign in" in p for p in found)
    assert any("fuzzy" in p and "Sign out" in p for p in found)
