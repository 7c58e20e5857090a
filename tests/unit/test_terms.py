"""The agreed terms per language (selfservice/content/terms/<lang>.toml) that the UI strings and the guides follow:
every language has every term, and the button and option labels a guide may quote are the ones on the site."""

import tomllib

import pytest
from babel.messages.pofile import read_po

from selfservice.catalogues import catalogue_path
from selfservice.config import PACKAGE
from selfservice.i18n import LANGUAGES

TERMS = PACKAGE / "content" / "terms"
LABELS = {  # the English message id of each label
    "report_absence_button": "Tell us you cannot come, or report that you are ill",
    "move_meeting_button": "Ask to move the meeting",
    "ill_option": "I am ill",
    "other_reason_option": "I cannot come for another reason",
    "send_button": "Send to my caseworker",
    "meetings_page": "Your meetings",
}
REQUIRED = {
    "jobcentre",
    "caseworker",
    "meeting",
    "report_absence",
    "dagpenge",
    "kontanthjaelp",
    "sygedagpenge",
    "ressourceforloeb",
    "jobafklaringsforloeb",
    "ledighedsydelse",
    "foertidspension",
    "uddannelseshjaelp",
}


def terms(code: str) -> dict:
    with (TERMS / f"{code}.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_language_names_the_same_concepts(code):
    danish = {key for key, value in terms("da").items() if isinstance(value, str)}
    mine = {key for key, value in terms(code).items() if isinstance(value, str)}
    assert mine >= REQUIRED
    assert mine >= danish
    assert all(value.strip() for key, value in terms(code).items() if isinstance(value, str))


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_labels_are_the_words_on_the_site(code):
    labels = terms(code)["labels"]
    assert set(labels) == set(LABELS)
    if code == "en":
        assert labels == LABELS
        return
    with catalogue_path(code).open("rb") as handle:
        catalog = read_po(handle)
    assert labels == {key: catalog.get(msgid).string for key, msgid in LABELS.items()}
