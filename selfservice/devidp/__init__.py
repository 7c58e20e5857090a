"""A development OpenID Connect provider, mounted at /dev-idp/ in demo mode only.

Why a real provider rather than a "log in as" shortcut: the demo and the tests then use exactly the production
sign-in code path — discovery, PKCE, state, nonce, a signed ID token checked against published keys.
ProductionConfig refuses to start with demo mode on, so this can never face real citizens.
"""

from flask import Blueprint

bp = Blueprint("devidp", __name__, url_prefix="/dev-idp")

from . import views  # noqa: E402, F401
