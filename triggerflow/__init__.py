"""TriggerFlow: SOC trigger forms from police forces to their region's ROCTA."""

from pathlib import Path

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from config import Config, config_from_environment
from triggerflow import input_body, serving
from triggerflow.audit import logs
from triggerflow.db import db as database
from triggerflow.extensions import csrf, login_manager, migrate, wtforms_helpers
from triggerflow.input_ids import Id
from triggerflow.input_text import CleanRequest, PathPart
from triggerflow.templating import Environment

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config_class: type[Config] | None = None) -> Flask:
    """Wire the application together. Touches no database and no network."""
    config_class = config_class or config_from_environment()
    config_class.validate()
    app = Flask(__name__, instance_path=str(PROJECT_ROOT / "instance"))
    app.jinja_environment = Environment
    app.request_class = CleanRequest
    app.url_map.converters.update(default=PathPart, string=PathPart, int=Id)
    app.before_request(input_body.check_body)  # before any view, hook or parser reads a byte of it
    app.config.from_object(config_class)
    serving.configure(app)
    logs.configure(app)
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(PROJECT_ROOT / "templates"),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    database.init_app(app)
    from triggerflow.search import index as search_index

    migrate.init_app(
        app,
        database,
        directory=str(PROJECT_ROOT / "migrations"),
        render_as_batch=True,
        include_name=search_index.include_name,
    )
    csrf.init_app(app)
    login_manager.init_app(app)
    wtforms_helpers.init_app(app)

    from triggerflow.api import register_api
    from triggerflow.web import register_web

    register_web(app)
    register_api(app)

    from triggerflow.cli import register_cli

    register_cli(app)
    return app
