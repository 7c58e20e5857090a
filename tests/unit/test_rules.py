"""Business rules, tested without Flask or a database."""

from datetime import date, datetime, timedelta

import pytest
from werkzeug.datastructures import LanguageAccept

from selfservice.i18n import LANGUAGES, direction, select_locale
from selfservice.rules import assurance, invitations, lockout


def test_an_explicit_choice_beats_everything_else():
    assert select_locale("uk", "pl", "ar", LanguageAccept([("tr", 1)])) == "uk"


def test_the_language_cookie_beats_a_saved_preference_and_the_browser():
    assert select_locale(None, "pl", "ar", LanguageAccept([("tr", 1)])) == "pl"


def test_a_saved_preference_beats_the_browser():
    assert select_locale(None, None, "ar", LanguageAccept([("tr", 1)])) == "ar"


def test_the_browser_language_is_used_with_region_and_in_order_of_preference():
    assert select_locale(None, None, None, LanguageAccept([("de-DE", 1), ("fa-IR", 0.8), ("en", 0.5)])) == "fa"


def test_danish_is_the_fallback_for_unknown_languages():
    assert select_locale("xx", "zz", None, LanguageAccept([("de", 1)])) == "da"
    assert select_locale(None, None, None, None) == "da"


def test_the_registry_has_eight_languages_and_arabic_and_farsi_are_right_to_left():
    assert list(LANGUAGES) == ["da", "en", "uk", "pl", "ar", "tr", "so", "fa"]
    assert {code for code, lang in LANGUAGES.items() if lang.is_rtl} == {"ar", "fa"}
    assert direction("fa") == "rtl" and direction("da") == "ltr"
    assert LANGUAGES["uk"].native_name == "Українська"


@pytest.mark.parametrize(
    ("given", "required", "ok"),
    [
        ("https://data.gov.dk/concept/core/nsis/loa/Substantial", "substantial", True),
        ("https://data.gov.dk/concept/core/nsis/loa/High", "substantial", True),
        ("https://data.gov.dk/concept/core/nsis/loa/Low", "substantial", False),
        (None, "low", False),
        ("something-else", "low", False),
        ("High", "high", True),
    ],
)
def test_level_of_assurance_must_reach_the_required_level(given, required, ok):
    assert assurance.satisfies(given, required) is ok


def test_an_unknown_required_level_is_a_configuration_error():
    with pytest.raises(ValueError):
        assurance.satisfies("High", "medium")


def test_invitation_codes_are_readable_and_typed_codes_are_normalised():
    code = invitations.new_code()
    assert len(code) == 14 and code.count("-") == 2
    assert set(code.replace("-", "")) <= set(invitations.ALPHABET)
    assert invitations.code_hash(code.lower().replace("-", " ")) == invitations.code_hash(code)
    assert invitations.new_code() != code


def test_an_invitation_is_usable_until_it_expires_is_revoked_or_is_guessed_at_too_often():
    now = datetime(2026, 11, 23, 12, 0)
    expires = invitations.expiry(now, 14)
    assert expires == now + timedelta(days=14)
    assert invitations.is_usable(expires, None, 0, now)
    assert not invitations.is_usable(expires, None, 0, expires)
    assert not invitations.is_usable(expires, now, 0, now)
    assert not invitations.is_usable(expires, None, invitations.MAX_FAILED_ATTEMPTS, now)


def test_date_of_birth_must_match_exactly():
    assert invitations.birth_date_matches(date(1990, 3, 27), date(1990, 3, 27))
    assert not invitations.birth_date_matches(date(1990, 3, 27), date(1990, 3, 28))
    assert not invitations.birth_date_matches(None, date(1990, 3, 27))


def test_a_staff_account_locks_at_the_tenth_wrong_password():
    count, locked = 0, False
    for _ in range(9):
        count, locked = lockout.after_failed_attempt(count, 10)
    assert (count, locked) == (9, False)
    assert lockout.after_failed_attempt(count, 10) == (10, True)
