"""Rate limits on signing in: per client address, and per account or code.

Why both (security review F4): behind the municipality's proxy every citizen arrives from the proxy's address
unless the app is told how many proxies to trust (`SELFSERVICE_TRUSTED_PROXIES`, applied with Werkzeug's ProxyFix
in the app factory), and then one person could keep the sign-in at "too many attempts" for everyone. With the real
client address each person has their own bucket; a second bucket per account (a staff e-mail, an invitation code)
stops someone who spreads guesses over many addresses. The buckets live in shared storage (Redis) in production,
so two workers or two instances do not each allow the full number.
"""

import hashlib

from flask import current_app, request

from ..rules import invitations


def signin_limit() -> str:
    return current_app.config["RATELIMIT_SIGNIN"]


def staff_account_key() -> str:
    """The staff e-mail being tried, hashed: the limiter's storage never holds an address."""
    email = (request.form.get("email") or "").strip().lower()
    return "signin-staff:" + hashlib.sha256(email.encode()).hexdigest()


def invitation_code_key() -> str:
    return "signin-code:" + invitations.code_hash(request.form.get("code") or "")
