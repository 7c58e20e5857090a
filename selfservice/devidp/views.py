"""Discovery, authorization, token, keys and userinfo endpoints of the development provider."""

import base64
import hashlib
import secrets
import time
from urllib.parse import urlencode

from flask import abort, current_app, jsonify, redirect, render_template, request, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer
from joserfc import jwt

from ..access import demo_only
from ..extensions import csrf
from ..rules.assurance import ORDER, level_uri
from . import bp
from .keys import signing_key
from .people import PEOPLE, by_subject

CODE_MAX_AGE = 120


def _issuer() -> str:
    return current_app.config["BASE_URL"].rstrip("/") + "/dev-idp"


def _clients() -> dict[str, dict]:
    """The two registered clients, each with the one callback URL it may receive codes at."""
    cfg = current_app.config
    base = cfg["BASE_URL"].rstrip("/")
    return {
        cfg["OIDC_CITIZEN_CLIENT_ID"]: {
            "secret": cfg["OIDC_CITIZEN_CLIENT_SECRET"],
            "kind": "citizen",
            "redirect_uris": (base + url_for("auth.citizen_callback"),),
        },
        cfg["OIDC_STAFF_CLIENT_ID"]: {
            "secret": cfg["OIDC_STAFF_CLIENT_SECRET"],
            "kind": "staff",
            "redirect_uris": (base + url_for("auth.staff_callback"),),
        },
    }


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"dev-idp-{purpose}")


@bp.get("/.well-known/openid-configuration")
@demo_only
def discovery():
    issuer = _issuer()
    return jsonify(
        issuer=issuer,
        authorization_endpoint=issuer + "/authorize",
        token_endpoint=issuer + "/token",
        userinfo_endpoint=issuer + "/userinfo",
        jwks_uri=issuer + "/jwks",
        response_types_supported=["code"],
        subject_types_supported=["public"],
        id_token_signing_alg_values_supported=["RS256"],
        code_challenge_methods_supported=["S256"],
        token_endpoint_auth_methods_supported=["client_secret_basic", "client_secret_post"],
        acr_values_supported=[level_uri(level) for level in ORDER],
        scopes_supported=["openid", "profile", "email"],
    )


@bp.get("/jwks")
@demo_only
def jwks():
    key = signing_key(current_app.instance_path)
    public = key.as_dict(private=False)
    public.update(kid=key.thumbprint(), use="sig", alg="RS256")
    return jsonify(keys=[public])


def _checked_request(params) -> dict:
    client = _clients().get(params.get("client_id", ""))
    # Exact comparison with the registered callbacks, as OAuth 2.0 Security BCP requires: a prefix check let
    # "http://host:port@evil.example/cb" receive the code, and a malformed one made the redirect fail with a 500.
    redirect_uri = params.get("redirect_uri", "")
    if client is None or redirect_uri not in client["redirect_uris"]:
        abort(400)
    if params.get("response_type") != "code" or "openid" not in params.get("scope", "").split():
        abort(400)
    if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
        abort(400)  # PKCE is required, as it is at the real brokers
    return client


@bp.route("/authorize", methods=["GET", "POST"])
@demo_only
def authorize():
    params = request.values
    client = _checked_request(params)
    if request.method == "GET":
        people = [p for p in PEOPLE if p.kind == client["kind"]]
        keep = {k: params[k] for k in params if k not in ("subject", "level", "csrf_token")}
        return render_template(
            "devidp/authorize.html",
            people=people,
            params=keep,
            levels=ORDER,
            requested_level=params.get("acr_values", ""),
        )
    person = by_subject(params.get("subject", ""))
    if person is None or person.kind != client["kind"]:
        abort(400)
    level = params.get("level", "substantial")
    code = _serializer("code").dumps(
        {
            "sub": person.subject,
            "client_id": params["client_id"],
            "redirect_uri": params["redirect_uri"],
            "nonce": params.get("nonce"),
            "challenge": params["code_challenge"],
            "acr": level_uri(level if level in ORDER else "substantial"),
        }
    )
    query = {"code": code}
    if params.get("state"):
        query["state"] = params["state"]
    return redirect(params["redirect_uri"] + "?" + urlencode(query))


def _client_from_token_request():
    auth = request.authorization
    if auth and auth.username:
        client_id, secret = auth.username, auth.password
    else:
        client_id, secret = request.form.get("client_id", ""), request.form.get("client_secret", "")
    client = _clients().get(client_id)
    if client is None or not secrets.compare_digest(client["secret"], secret or ""):
        return None, None
    return client_id, client


@bp.post("/token")
@demo_only
@csrf.exempt
def token():
    client_id, client = _client_from_token_request()
    if client is None:
        return jsonify(error="invalid_client"), 401
    if request.form.get("grant_type") != "authorization_code":
        return jsonify(error="unsupported_grant_type"), 400
    try:
        grant = _serializer("code").loads(request.form.get("code", ""), max_age=CODE_MAX_AGE)
    except BadSignature:
        return jsonify(error="invalid_grant"), 400
    verifier = request.form.get("code_verifier", "")
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    if (
        grant["client_id"] != client_id
        or grant["redirect_uri"] != request.form.get("redirect_uri")
        or not secrets.compare_digest(challenge, grant["challenge"])
    ):
        return jsonify(error="invalid_grant"), 400
    person = by_subject(grant["sub"])
    if person is None:  # signed by us, but for a demo person no longer in the list
        return jsonify(error="invalid_grant"), 400
    now = int(time.time())
    claims = {
        "iss": _issuer(),
        "sub": person.subject,
        "aud": client_id,
        "iat": now,
        "exp": now + 300,
        "acr": grant["acr"],
        "name": person.name,
    }
    if grant.get("nonce"):
        claims["nonce"] = grant["nonce"]
    if person.birthdate:
        claims["birthdate"] = person.birthdate
    if person.email:
        claims["email"] = person.email
    key = signing_key(current_app.instance_path)
    id_token = jwt.encode({"alg": "RS256", "kid": key.thumbprint()}, claims, key)
    access_token = _serializer("access").dumps({"sub": person.subject})
    return jsonify(
        access_token=access_token,
        token_type="Bearer",  # noqa: S106 - the OAuth token type, not a secret
        expires_in=300,
        id_token=id_token,
        scope="openid profile",
    )


@bp.get("/userinfo")
@demo_only
def userinfo():
    header = request.headers.get("Authorization", "")
    try:
        data = _serializer("access").loads(header.removeprefix("Bearer "), max_age=600)
    except BadSignature:
        return jsonify(error="invalid_token"), 401
    person = by_subject(data["sub"])
    if person is None:
        return jsonify(error="invalid_token"), 401
    return jsonify(sub=person.subject, name=person.name, birthdate=person.birthdate)
