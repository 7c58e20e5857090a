"""The second factor for local staff accounts: time-based one-time passwords (RFC 6238) and one-time recovery codes.

Why: an e-mail and a password alone open citizens' special-category data (security review F6). Municipality
sign-in (OpenID Connect) needs none of this, because the municipality's identity provider already asks for a
second factor. Nothing here touches Flask or the database, so it is tested directly.

A code is accepted for the current 30-second step and one step either side (clocks on phones drift), and only for a
step later than the last one used, so a code seen over someone's shoulder cannot be used again.
"""

import hashlib
import hmac
import secrets
import time

import pyotp
import segno

from ..rules.invitations import ALPHABET

DIGITS = 6
INTERVAL = 30
DRIFT_STEPS = 1
RECOVERY_CODES = 10
RECOVERY_CODE_LENGTH = 10  # two groups of five from an alphabet without look-alikes: about 50 bits each


def new_secret() -> str:
    """160 random bits as base32 (32 characters), what authenticator apps expect."""
    return pyotp.random_base32()


def grouped(secret: str) -> str:
    """The key in groups of four, for people who type it into their app instead of scanning."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def provisioning_uri(secret: str, account: str, issuer: str) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=INTERVAL).provisioning_uri(name=account, issuer_name=issuer)


def qr_data_uri(uri: str) -> str:
    """An SVG QR code as a data: URI, so the key never leaves our server (the CSP allows img-src data:)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=4)


def current_step(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // INTERVAL)


def code_for(secret: str, step: int) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=INTERVAL).generate_otp(step)


def normalise_code(typed: str) -> str:
    """What a person types: spaces or a dash in the middle ("123 456") are fine."""
    return "".join(ch for ch in typed if not ch.isspace() and ch != "-")


def matching_step(secret: str, typed: str, last_step: int | None, now: float | None = None) -> int | None:
    """The time step the typed code belongs to, or None if it is wrong or its step was already used."""
    code = normalise_code(typed)
    if len(code) != DIGITS or not code.isascii() or not code.isdigit():
        return None
    step = current_step(now)
    for candidate in range(step - DRIFT_STEPS, step + DRIFT_STEPS + 1):
        if hmac.compare_digest(code_for(secret, candidate), code):
            return candidate if step_is_fresh(candidate, last_step) else None
    return None


def step_is_fresh(step: int, last_step: int | None) -> bool:
    """A code works once: its step must be later than the last step that signed in."""
    return last_step is None or step > last_step


def new_recovery_codes(count: int = RECOVERY_CODES) -> list[str]:
    codes = []
    for _ in range(count):
        raw = "".join(secrets.choice(ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
        codes.append(raw[:5] + "-" + raw[5:])
    return codes


def normalise_recovery_code(typed: str) -> str:
    return "".join(ch for ch in typed.upper() if ch.isascii() and ch.isalnum())


def recovery_code_hash(code: str) -> str:
    """SHA-256 is enough here: the codes are random with about 50 bits each, not chosen by people."""
    return hashlib.sha256(normalise_recovery_code(code).encode()).hexdigest()


def remaining_after_use(stored_hashes: list[str], typed: str) -> list[str] | None:
    """The stored hashes without the one for the typed code, or None when the code is not (or no longer) valid."""
    if len(normalise_recovery_code(typed)) != RECOVERY_CODE_LENGTH:
        return None
    wanted = recovery_code_hash(typed)
    if not any(hmac.compare_digest(wanted, stored) for stored in stored_hashes):
        return None
    return [stored for stored in stored_hashes if stored != wanted]
