"""Claims carry their source, wording about proposals stays out of texts that apply today, and a version of an
article can take over on a date: what `flask content check` enforces and what the library gives a reader."""

from datetime import date

from selfservice.guides.check import check
from selfservice.guides.content import load_library
from selfservice.guides.render import render_markdown
from selfservice.i18n import LANGUAGES
from tests.unit.test_content import WORDS, problems, write_article

FUTURE = """+++
slug = "eksempel"
title = "Titel fra 2027"
summary = "De nye regler."
topic = "duties"
situations = ["all"]
updated = 2026-06-01
reviewed = 2026-06-01
related = []
questions = ["a?", "b?", "c?"]
in_force_from = 2027-01-01
status = "{status}"
change = "Fra 1. januar 2027 gælder nye regler."

[[sources]]
title = "Lov nr. 1 af 2026"
url = "https://www.retsinformation.dk/eli/lta/2026/1"
+++
## Afsnit

{body}
"""
FUTURE_TRANSLATION = """+++
slug = "eksempel"
title = "Title 2027 {lang}"
summary = "The new rules."
translated_from = 2026-06-01
change = "From 1 January 2027 new rules apply."
questions = ["a?", "b?", "c?"]
+++
{body}
"""


def write_future(folder, status="adopted", body=WORDS):
    (folder / "da.2027-01-01.md").write_text(FUTURE.format(status=status, body=body))
    for lang in LANGUAGES:
        if lang != "da":
            (folder / f"{lang}.2027-01-01.md").write_text(FUTURE_TRANSLATION.format(lang=lang, body=WORDS))


def test_a_source_no_claim_uses_and_a_marker_past_the_list_are_problems(tmp_path):
    write_article(tmp_path, body="ord " * 50 + "ord[^2].")
    found = " | ".join(problems(tmp_path))
    assert "eksempel/da: markers [2] point past the 1 sources" in found
    assert "eksempel/da: sources [1] are used by no claim" in found


def test_a_translation_must_mark_the_same_claims(tmp_path):
    folder = write_article(tmp_path)
    (folder / "en.md").write_text((folder / "en.md").read_text().replace("[^1]", ""))
    assert "eksempel/en: its source markers [] differ from the Danish" in " | ".join(problems(tmp_path))


def test_proposal_wording_in_a_text_that_applies_today_is_a_problem(tmp_path):
    write_article(tmp_path, body=WORDS + " Ifølge lovforslaget ændres reglen.")
    assert "eksempel/da.md: says 'ifølge lovforslaget/aftalen' in a text that applies today" in problems(tmp_path)


def test_a_marker_becomes_a_link_to_its_source_read_out_as_source_n():
    html = str(render_markdown("Du kan få dagpenge i 2 år[^1].", "Kilde"))
    assert '<sup class="footnote"><a href="#source-1"><span class="sr-only">Kilde </span>1</a></sup>' in html


def test_an_adopted_version_takes_over_on_its_date_and_is_announced_before(tmp_path):
    folder = write_article(tmp_path)
    write_future(folder)
    library = load_library(tmp_path)
    assert problems(tmp_path) == []
    before, after = date(2026, 12, 31), date(2027, 1, 1)
    assert library.get("eksempel", before).danish.title == "Titel"
    assert library.upcoming("eksempel", before).texts["en"].change == "From 1 January 2027 new rules apply."
    assert library.get("eksempel", after).danish.title == "Titel fra 2027"
    assert library.upcoming("eksempel", after) is None
    assert [a.danish.title for a in library.in_order(after)] == ["Titel fra 2027"]


def test_a_proposed_version_never_takes_over_but_stays_announced(tmp_path):
    folder = write_article(tmp_path)
    write_future(folder, status="proposed")
    library = load_library(tmp_path)
    for day in (date(2026, 12, 31), date(2027, 6, 1)):
        assert library.get("eksempel", day).danish.title == "Titel"
        assert library.upcoming("eksempel", day).status == "proposed"


def test_a_future_version_needs_a_status_and_a_change_text_in_every_language(tmp_path):
    folder = write_article(tmp_path)
    write_future(folder, status="maybe")
    (folder / "pl.2027-01-01.md").write_text((folder / "pl.2027-01-01.md").read_text().replace("change = ", "x = "))
    found = " | ".join(check(load_library(tmp_path), date(2026, 12, 1)).problems)
    assert "status must be adopted or proposed" in found
    assert "eksempel/pl.2027-01-01.md: no change text" in found


def test_a_guide_that_quotes_a_button_the_site_does_not_have_is_a_problem(tmp_path):
    """The translation review found guides naming buttons that are not on the page; a near miss is caught."""
    from selfservice.guides.check import ui_labels

    assert "Your meetings" in ui_labels("en")
    folder = write_article(tmp_path)
    english = (
        (folder / "en.md").read_text().replace("ord[^1].", "Open “Your meeting list” and choose “Your meetings”[^1].")
    )
    (folder / "en.md").write_text(english)
    found = " | ".join(problems(tmp_path))
    assert "quotes “Your meeting list”, which is not a label on the site; the site says “Your meetings”" in found
    assert "quotes “Your meetings”" not in found
