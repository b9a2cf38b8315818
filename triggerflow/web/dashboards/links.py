"""Links from a number to the forms behind it, keeping the filters the number was counted under."""
from flask import url_for

from triggerflow.queries.measures import Filters
from triggerflow.web.dashboards.filters import filter_args


class Links:
    def __init__(self, filters: Filters):
        self.filters = filters
        self.args = filter_args(filters)

    def forms(self, measure: str, cell: str, force: str | None = None, **keys) -> str:
        """The list of forms behind one cell; `force` narrows to a force row (ALL is the total)."""
        args = dict(self.args)
        if force and force != "ALL":
            args["force"] = force
        return url_for("dashboards.forms", measure=measure, cell=cell, **args,
                       **{k: v for k, v in keys.items() if v})

    def csv(self, key: str) -> str:
        return url_for("dashboards.download", key=key, **self.args)
