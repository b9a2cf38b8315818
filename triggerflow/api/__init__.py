"""The JSON API under /api/v1: the same services, queries and scope rules as the web pages,
authenticated by personal tokens and described by an OpenAPI 3.1 document."""

from flask import Blueprint, Flask

from triggerflow.api import auth, problems
from triggerflow.api.converters import CONVERTERS
from triggerflow.api.limits import (
    DEFAULT_RATE,
    DEFAULT_STORAGE,
    api_rate,
    check_rate,
    limiter,
    retry_after_only_when_limited,
)
from triggerflow.extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# Token authentication, not cookies: no session to ride, so no CSRF token either; and the
# web's sign-in hook steps aside for these views (web.access), leaving them to auth.authenticate.
bp.authenticates_itself = True
bp.before_request(auth.authenticate)
problems.register(bp)
limiter.shared_limit(api_rate, scope="api")(bp)

from triggerflow.api.routes import (  # noqa: E402,F401  # noqa: E402,F401
    actions,
    exports,
    forms,
    internal_notes,
    measures,
    meta,
    queues,
    return_items,
    search,
    sections,
    threats,
)


def register_api(app: Flask) -> None:
    app.url_map.converters.update(CONVERTERS)
    app.config.setdefault("RATELIMIT_STORAGE_URI", DEFAULT_STORAGE)
    check_rate(app.config.get("API_RATE_LIMIT", DEFAULT_RATE))
    csrf.exempt(bp)
    app.after_request(retry_after_only_when_limited)  # registered first, so it runs after the limiter's own
    limiter.init_app(app)
    app.register_blueprint(bp)
