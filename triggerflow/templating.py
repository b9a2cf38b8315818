"""Flask's Jinja environment, with one change that makes every `{% import %}` cheap."""

from collections.abc import MutableMapping
from typing import Any

from flask.templating import Environment as FlaskEnvironment


class Environment(FlaskEnvironment):
    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        # Jinja layers each template's globals over the environment's in a ChainMap, and each
        # import compares the two key by key; a page makes some twenty imports, which cost a fifth
        # of rendering its header and footer. No template here has globals of its own, so it
        # shares the environment's dict, and the comparison is one set operation.
        return self.globals if not d else super().make_globals(d)
