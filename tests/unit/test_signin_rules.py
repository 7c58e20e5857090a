"""Sign-in rules without Flask or a database: lockout counts, codes that stop working, one-time codes, next=."""

from datetime import datetime, timedelta

import pyotp
import pytest

from selfservice.auth import totp
from selfservice.auth.signin import safe_next
from selfservice.rules import invitations, lockout

NOW = datetime(2026, 12, 6, 12, 0)


def test_the_count_that_reaches_the_limit_locks_and_counts_below_it_do_not():
    assert [lockout.is_lock(count, 10) for count in (1, 9, 10, 11)] == [False, False, True, True]
    assert lockout.may_sign_in(9, 10) and not lockout.may_sign_in(10, 10)


def test_the_fifth_wrong_date_locks_a_code():
    assert not invitations.is_lock(invitations.MAX_FAILED_ATTEMPTS - 1)
    assert invitations.is_lock(invitations.MAX_FAILED_ATTEMPTS)


def test_a_code_says_why_it_no_longer_works():
    expires = NOW + timedelta(days=1)
    assert invitations.why_unusable(expires, None, 0, NOW) is None
    assert invitations.why_unusable(expires, NOW, 0, NOW) == "revoked"
    assert invitations.why_unusable(NOW, None, 0, NOW) == "expired"
    assert invitations.why_unusable(expires, None, invitations.MAX_FAILED_ATTEMPTS, NOW) == "locked"


@pytest.mark.parametrize("target", ["/\r\nX-Injected: 1", "/me/\n", "/me/\t", "/me/\x00", "/me/\x7f", "/\x1bx"])
def test_a_next_target_with_control_characters_gives_the_default(target):
    assert safe_next(target, "/me/") == "/me/"


def test_an_ordinary_next_target_is_kept():
    assert safe_next("/me/access-log?x=1", "/me/") == "/me/access-log?x=1"
    assert safe_next("/guides/æble", "/me/") == "/guides/æble"


SECRET = pyotp.random_base32()


def test_the_code_of_this_step_and_of_one_step_either_side_is_accepted():
    now = 1_800_000_015.0
    step = totp.current_step(now)
    for offset in (-1, 0, 1):
        assert totp.matching_step(SECRET, totp.code_for(SECRET, step + offset), None, now) == step + offset
    assert totp.matching_step(SECRET, totp.code_for(SECRET, step + 2), None, now) is None
    assert totp.matching_step(SECRET, totp.code_for(SECRET, step - 2), None, now) is None


def test_a_code_works_once():
    now = 1_800_000_015.0
    step = totp.current_step(now)
    code = totp.code_for(SECRET, step)
    assert totp.matching_step(SECRET, code, step - 1, now) == step
    assert totp.matching_step(SECRET, code, step, now) is None
    assert totp.matching_step(SECRET, totp.code_for(SECRET, step - 1), step - 1, now) is None


def test_a_code_may_be_typed_with_a_space_but_not_with_letters_or_other_digits():
    now = 1_800_000_015.0
    code = totp.code_for(SECRET, totp.current_step(now))
    assert totp.matching_step(SECRET, f"{code[:3]} {code[3:]}", None, now) is not None
    assert totp.matching_step(SECRET, "abcdef", None, now) is None
    assert totp.matching_step(SECRET, "١٢٣٤٥٦", None, now) is None  # Arabic-Indic digits are not ASCII digits
    assert totp.matching_step(SECRET, code + "0", None, now) is None


def test_the_key_is_grouped_for_typing_and_the_qr_code_is_an_svg_data_uri():
    assert totp.grouped("ABCDEFGHIJKL") == "ABCD EFGH IJKL"
    uri = totp.provisioning_uri(SECRET, "karen@example.dk", "Jobcenter Demokommune")
    assert uri.startswith("otpauth://totp/") and SECRET in uri
    assert totp.qr_data_uri(uri).startswith("data:image/svg+xml")


def test_recovery_codes_are_random_work_once_and_may_be_typed_loosely():
    codes = totp.new_recovery_codes()
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(len(code) == 11 and code[5] == "-" for code in codes)
    hashes = [totp.recovery_code_hash(code) for code in codes]
    remaining = totp.remaining_after_use(hashes, codes[0].lower().replace("-", " "))
    assert remaining == hashes[1:]
    assert totp.remaining_after_use(remaining, codes[0]) is None
    assert totp.remaining_after_use(hashes, "ABCDE-FGHJK") is None
