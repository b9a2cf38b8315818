"""The browser interface: blueprints, access control, template globals and error pages."""
from flask import Flask

from triggerflow.web import assets, errors, globals as template_globals
from triggerflow.web.access import init_access


def register_web(app: Flask) -> None:
    from triggerflow.web.auth.routes import bp as auth
    from triggerflow.web.criteria.routes import bp as criteria
    from triggerflow.web.decisions.routes import bp as decisions
    from triggerflow.web.drafting.routes import bp as drafting
    from triggerflow.web.forms.routes import bp as forms
    from triggerflow.web.home.routes import bp as home

    for blueprint in (auth, home, forms, drafting, decisions, criteria, assets.bp):
        app.register_blueprint(blueprint)
    init_access(app)
    errors.register(app)
    template_globals.register(app)
