"""Links from a number to the forms behind it, keeping the filters the number was counted under."""

from functools import cached_property
from urllib.parse import urlencode

from flask import url_for

from triggerflow.queries.measures import Filters
from triggerflow.web.dashboards.filters import filter_args

_SAFE = "!$'()*,/:;?@"  # left unescaped, as url_for leaves them


class Links:
    def __init__(self, filters: Filters):
        self.filters = filters
        self.args = filter_args(filters)

    def forms(self, measure: str, cell: str, force: str | None = None, **keys) -> str:
        """The list of forms behind one cell; `force` narrows to a force row (ALL is the total)."""
        return self._list(self._forms_path, measure, cell, force, **keys)

    def events(self, measure: str, cell: str, force: str | None = None, **keys) -> str:
        """The list of times behind a cell that counts times (events), not forms."""
        return self._list(self._events_path, measure, cell, force, **keys)

    def _list(self, path: str, measure: str, cell: str, force: str | None = None, **keys) -> str:
        args = {"measure": measure, "cell": cell, **self.args}
        if force and force != "ALL":
            args["force"] = force
        args.update((k, v) for k, v in keys.items() if v)
        # A national table has hundreds of these: the path is built once, the query string each time.
        return f"{path}?{urlencode(args, doseq=True, safe=_SAFE)}"

    @cached_property
    def _forms_path(self) -> str:
        return url_for("dashboards.forms")

    @cached_property
    def _events_path(self) -> str:
        return url_for("dashboards.events")

    def csv(self, key: str) -> str:
        return url_for("dashboards.download", key=key, **self.args)
