"""The browser interface: blueprints, access control, template globals and error pages."""

from flask import Flask

from triggerflow.web import assets, errors, header_parts, headers, health
from triggerflow.web import globals as template_globals
from triggerflow.web.access import init_access


def register_web(app: Flask) -> None:
    from triggerflow.web.account.routes import bp as account
    from triggerflow.web.admin.identity_providers import bp as admin_identity
    from triggerflow.web.admin.routes import bp as admin
    from triggerflow.web.admin.settings import bp as admin_settings
    from triggerflow.web.admin.sign_in import bp as admin_sign_in
    from triggerflow.web.api_reference import bp as api_reference
    from triggerflow.web.auth.organisation import bp as organisation_sign_in
    from triggerflow.web.auth.routes import bp as auth
    from triggerflow.web.criteria.routes import bp as criteria
    from triggerflow.web.dashboards.routes import bp as dashboards
    from triggerflow.web.decisions.routes import bp as decisions
    from triggerflow.web.drafting.routes import bp as drafting
    from triggerflow.web.exports.routes import bp as exports
    from triggerflow.web.force_operations.routes import bp as force_operations
    from triggerflow.web.forms.routes import bp as forms
    from triggerflow.web.home.routes import bp as home
    from triggerflow.web.mail.routes import bp as mail
    from triggerflow.web.review.routes import bp as review
    from triggerflow.web.routing.routes import bp as routing
    from triggerflow.web.search.routes import bp as search
    from triggerflow.web.threats.routes import bp as threats
    from triggerflow.web.tokens.routes import bp as tokens

    for blueprint in (
        auth,
        account,
        home,
        forms,
        drafting,
        decisions,
        threats,
        criteria,
        dashboards,
        mail,
        tokens,
        exports,
        review,
        routing,
        admin,
        admin_settings,
        admin_sign_in,
        api_reference,
        assets.bp,
        health.bp,
        search,
        organisation_sign_in,
        admin_identity,
        force_operations,
    ):
        app.register_blueprint(blueprint)
    init_access(app)
    errors.register(app)
    headers.register(app)
    template_globals.register(app)
    header_parts.register(app)
