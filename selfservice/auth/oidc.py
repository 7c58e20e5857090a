"""OpenID Connect clients (Authlib): authorization code flow with PKCE, state and nonce.

Authlib checks state, nonce, the ID token's signature (against the provider's published keys), issuer, audience
and expiry. We add the level-of-assurance check and identify a person by issuer + subject, never by CPR number.
"""

from dataclasses import dataclass

from flask import Flask, current_app, url_for

from ..extensions import oauth
from ..rules import assurance

KINDS = ("citizen", "staff")


class SignInRefused(Exception):
    """The provider answered, but the answer cannot be used to sign in (a reason code for the page)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Identity:
    issuer: str
    subject: str
    name: str | None
    birthdate: str | None
    email: str | None
    acr: str | None


def register_clients(app: Flask) -> None:
    for kind in KINDS:
        issuer = app.config.get(f"OIDC_{kind.upper()}_ISSUER")
        if not issuer:
            continue
        kwargs = {"scope": "openid profile", "code_challenge_method": "S256"}
        oauth.register(
            kind,
            client_id=app.config[f"OIDC_{kind.upper()}_CLIENT_ID"],
            client_secret=app.config[f"OIDC_{kind.upper()}_CLIENT_SECRET"],
            server_metadata_url=issuer.rstrip("/") + "/.well-known/openid-configuration",
            client_kwargs=kwargs,
            overwrite=True,
        )


def is_configured(kind: str) -> bool:
    return bool(current_app.config.get(f"OIDC_{kind.upper()}_ISSUER"))


def _client(kind: str):
    return oauth.create_client(kind)


def start(kind: str):
    """Redirect to the provider. Authlib keeps state, nonce and the PKCE verifier in our server-side session."""
    extra = {}
    if kind == "citizen":
        extra["acr_values"] = assurance.level_uri(current_app.config["OIDC_CITIZEN_REQUIRED_LOA"])
    redirect_uri = current_app.config["BASE_URL"].rstrip("/") + url_for(f"auth.{kind}_callback")
    try:
        return _client(kind).authorize_redirect(redirect_uri, **extra)
    except Exception as error:  # the provider's discovery document could not be fetched
        current_app.logger.warning("OpenID Connect provider unavailable: %s", type(error).__name__)
        raise SignInRefused("unavailable") from error


def finish(kind: str) -> Identity:
    client = _client(kind)
    try:
        token = client.authorize_access_token()
    except Exception as error:  # Authlib raises several types; the page only needs to know it failed
        current_app.logger.warning("OpenID Connect sign-in failed: %s", type(error).__name__)
        raise SignInRefused("failed") from error
    claims = token.get("userinfo") or {}
    metadata = client.load_server_metadata()
    issuer = claims.get("iss")
    if not issuer or issuer != metadata.get("issuer"):
        raise SignInRefused("failed")
    audience = claims.get("aud")
    audiences = [audience] if isinstance(audience, str) else list(audience or [])
    if client.client_id not in audiences:
        raise SignInRefused("failed")
    if kind == "citizen" and not assurance.satisfies(
        claims.get("acr"), current_app.config["OIDC_CITIZEN_REQUIRED_LOA"]
    ):
        raise SignInRefused("assurance")
    return Identity(
        issuer=issuer,
        subject=str(claims["sub"]),
        name=claims.get("name"),
        birthdate=claims.get("birthdate"),
        email=claims.get("email"),
        acr=claims.get("acr"),
    )
