"""CSV exports over the API: the same lists, filters and audit as the web page's downloads."""

from triggerflow.api import bp
from triggerflow.api.operations import CSV, caller, operation
from triggerflow.exports import KINDS, export

TAG = "Exports"


def _export_route(key: str) -> None:
    kind = KINDS[key]

    @operation(
        f"Download {kind.title.lower()} as CSV",
        TAG,
        query=kind.query,
        media_type=CSV,
        description=f"{kind.description} Within your scope; streamed; recorded in the export audit.",
    )
    def download(query):
        return export(caller(), key, query, "api")

    download.__name__ = f"export_{key.replace('-', '_')}"
    bp.add_url_rule(f"/exports/{key}.csv", download.__name__, download, methods=["GET"])


for _key in KINDS:
    _export_route(_key)
