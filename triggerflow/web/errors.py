"""GOV.UK-style error pages."""
from flask import Flask, render_template
from werkzeug.exceptions import HTTPException

from triggerflow.workflow.errors import ActionNotAllowed

_TITLES = {
    400: "Sorry, there is a problem with your request",
    403: "You do not have permission to do that",
    404: "Page not found",
    405: "Sorry, there is a problem with your request",
    413: "The information you sent is too large",
    500: "Sorry, there is a problem with the service",
}


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = error.code or 500
        return render_template("errors/error.html", code=code,
                               title=_TITLES.get(code, error.name)), code

    @app.errorhandler(ActionNotAllowed)
    def not_allowed(error: ActionNotAllowed):
        return render_template("errors/error.html", code=403, title=_TITLES[403]), 403
