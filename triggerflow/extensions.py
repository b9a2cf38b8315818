"""Extension singletons, bound to an app in create_app."""

from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from govuk_frontend_wtf.main import WTFormsHelpers

csrf = CSRFProtect()
login_manager = LoginManager()
migrate = Migrate()
wtforms_helpers = WTFormsHelpers()
