"""Management information (DESIGN section 7), each measure computed in SQL from the state
column and the event log, within the user's scope and the filters they chose."""

from triggerflow.queries.measures.scope import Filters, MeasureScope

__all__ = ["Filters", "MeasureScope"]
