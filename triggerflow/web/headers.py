"""Security headers on every response, pages and API alike.

The content security policy allows scripts and styles from this site only. The one inline
script, GOV.UK Frontend's template marking the body as able to run its JavaScript, carries a
nonce drawn for each request (the template reads it as `cspNonce`).
"""

import secrets

from flask import Flask, Response, current_app, has_request_context, request

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PERMISSIONS_POLICY = "camera=(), geolocation=(), microphone=(), payment=(), usb=()"
HSTS = "max-age=31536000; includeSubDomains"
# Files that are the same for everyone; every other response may hold OFFICIAL-SENSITIVE content.
CACHEABLE_ENDPOINTS = frozenset({"static", "assets.govuk_asset"})


def csp_nonce() -> str:
    """This request's nonce (kept in the request's environ: `g` can outlive a request in tests)."""
    return request.environ.setdefault("triggerflow.csp_nonce", secrets.token_urlsafe(18))


def secure(response: Response) -> Response:
    headers = response.headers
    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.format(nonce=csp_nonce())
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"  # frame-ancestors, for browsers that predate it
    headers["Referrer-Policy"] = "same-origin"
    headers["Permissions-Policy"] = PERMISSIONS_POLICY
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if current_app.config["HSTS"]:
        headers["Strict-Transport-Security"] = HSTS
    if request.endpoint not in CACHEABLE_ENDPOINTS:
        headers["Cache-Control"] = "no-store"
    return response


def register(app: Flask) -> None:
    app.after_request(secure)
    # E-mails are rendered outside any request, and have no scripts.
    app.context_processor(lambda: {"cspNonce": csp_nonce()} if has_request_context() else {})
