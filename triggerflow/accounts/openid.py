"""OpenID Connect, the authorisation code flow with PKCE, with Authlib as the client: send a person to
their organisation's identity provider, and check what comes back.

`begin` gives the provider's address to send the browser to and what to keep until it returns
(state, nonce and PKCE verifier: the caller keeps them in the signed session cookie). `finish`
refuses a reply to any other request (state), from any other issuer, or with an ID token that is
not signed by the provider's keys, not for this client, expired or not bound to the nonce.
"""

from dataclasses import dataclass
from typing import Any, cast

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, KeySetSerialization

from triggerflow.models import IdentityProvider

SCOPE = "openid email profile"
TIMEOUT = 10  # seconds for each call to the provider


class Refused(Exception):
    """The provider's answer is not accepted; `reason` is for the security log."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Begun:
    url: str
    pending: dict[str, Any]


def begin(provider: IdentityProvider, redirect_uri: str) -> Begun:
    metadata = _discover(provider)
    verifier, nonce = generate_token(48), generate_token(24)
    url, state = _client(provider, redirect_uri).create_authorization_url(
        metadata["authorization_endpoint"], nonce=nonce, code_verifier=verifier
    )
    return Begun(url, {"provider_id": provider.id, "state": state, "nonce": nonce, "verifier": verifier})


def finish(
    provider: IdentityProvider, pending: dict[str, Any], reply: dict[str, str], redirect_uri: str
) -> dict[str, Any]:
    """The ID token's claims, checked; Refused otherwise."""
    if not reply.get("state") or reply.get("state") != pending.get("state"):
        raise Refused("wrong_state")
    if reply.get("iss") and reply["iss"] != provider.issuer:  # RFC 9207: which provider answered
        raise Refused("wrong_issuer")
    if reply.get("error") or not reply.get("code"):
        raise Refused(f"provider_said_{reply.get('error') or 'nothing'}"[:60])
    metadata = _discover(provider)
    client = _client(provider, redirect_uri)
    try:
        token = client.fetch_token(
            metadata["token_endpoint"],
            code=reply["code"],
            code_verifier=pending["verifier"],
            grant_type="authorization_code",
            timeout=TIMEOUT,
        )
        keys = KeySet.import_key_set(cast(KeySetSerialization, _get(metadata["jwks_uri"])))  # joserfc checks it
        claims = jwt.decode(token["id_token"], keys).claims
    except AuthlibBaseError as error:  # the provider refused the code or the verifier
        raise Refused(f"token_refused: {error}"[:60]) from None
    except (KeyError, JoseError, ValueError) as error:
        raise Refused(f"bad_token: {type(error).__name__}"[:60]) from None
    _check(claims, provider, pending["nonce"])
    return _with_user_info(client, metadata, claims)


def _with_user_info(client: OAuth2Session, metadata: dict[str, Any], claims: dict[str, Any]) -> dict[str, Any]:
    """Many providers put the e-mail address only in the user info: it counts when it is about the same
    subject; what the signed ID token says wins."""
    if not metadata.get("userinfo_endpoint"):
        return claims
    response = client.get(metadata["userinfo_endpoint"], timeout=TIMEOUT)
    response.raise_for_status()
    info = response.json()
    return {**info, **claims} if isinstance(info, dict) and info.get("sub") == claims["sub"] else claims


def _check(claims: dict[str, Any], provider: IdentityProvider, nonce: str) -> None:
    registry = jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": provider.issuer},
        aud={"essential": True, "value": provider.client_id},
        nonce={"essential": True, "value": nonce},
        exp={"essential": True},
        sub={"essential": True},
    )
    try:
        registry.validate(claims)
    except JoseError as error:
        raise Refused(f"bad_claims: {error}"[:60]) from None


def _client(provider: IdentityProvider, redirect_uri: str) -> OAuth2Session:
    return OAuth2Session(
        provider.client_id, provider.client_secret, scope=SCOPE, redirect_uri=redirect_uri, code_challenge_method="S256"
    )


def _discover(provider: IdentityProvider) -> dict[str, Any]:
    metadata = _get(provider.issuer.rstrip("/") + "/.well-known/openid-configuration")
    if metadata.get("issuer") != provider.issuer:
        raise Refused("wrong_issuer")
    return metadata


def _get(url: str) -> dict[str, Any]:
    response = requests.get(url, timeout=TIMEOUT)
    response.raise_for_status()
    return response.json()
