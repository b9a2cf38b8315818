"""The header's GOV.UK parts, each rendered once for each set of parameters it is given.

Every page's header calls the generic header (the same on every page) and the service navigation
(one of a few menus for each role: which link is the page's own, how many forms wait); calling
their macros anew on each page was a tenth of a short page's time. Their markup depends on their
parameters alone, so a menu rendered once serves every later page that shows the same one.
"""

from collections.abc import Callable
from typing import Any

from flask import Flask
from markupsafe import Markup

_COMPONENTS = "govuk_frontend_jinja/components/{}/macro.html"
KEPT = 1024  # menus a process keeps; past it they are rendered afresh (a few roles × pages × counts)


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        generic_header=_rendered_once(app, "generic-header", "govukGenericHeader"),
        service_navigation=_rendered_once(app, "service-navigation", "govukServiceNavigation"),
    )


def _rendered_once(app: Flask, component: str, macro: str) -> Callable[[dict[str, Any]], Markup]:
    rendered: dict[str, Markup] = {}

    def render(params: dict[str, Any]) -> Markup:
        # repr tells Markup from text that reads the same, which the macro escapes.
        key = repr(params)
        if key not in rendered:
            if len(rendered) >= KEPT:
                rendered.clear()
            rendered[key] = getattr(app.jinja_env.get_template(_COMPONENTS.format(component)).module, macro)(params)
        return rendered[key]

    return render
