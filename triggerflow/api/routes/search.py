"""Search: the forms within your scope that match the words given, as the search page finds them."""

from triggerflow.api import bp, present
from triggerflow.api.operations import caller, operation, respond
from triggerflow.api.schemas.forms import SearchResults
from triggerflow.api.schemas.queries import SearchQuery
from triggerflow.queries.search import search


@bp.get("/search")
@operation(
    "Search for forms",
    "Search",
    query=SearchQuery,
    response=SearchResults,
    description="Forms within your scope matching every word of `q`, narrowed by the same filters as "
    "the form list, 20 to a page.",
)
def search_forms(query: SearchQuery):
    found = search(caller(), query.q, query.filters(), query.page)
    return respond(
        SearchResults(
            forms=[present.summary(form) for form in found.rows],
            total=found.total,
            page=found.number,
            pages=found.pages,
            size=found.size,
        )
    )
