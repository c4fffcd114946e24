"""The site's search backend: Wagtail's database backend (from `modelsearch`), configured
for a multilingual site.

`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backend"` loads `SearchBackend`
below. It builds the backend modelsearch would build for the current database and, on
PostgreSQL, makes type-ahead (``.autocomplete()``) use the same text search configuration
as search. modelsearch hard-codes ``"simple"`` for autocomplete, which does not fold
umlauts, so "Geflu" would not find "Geflüchtete" in the suggestions.

No monkey patching: this only sets an attribute of the backend instance that modelsearch
itself reads (``autocomplete_config``).
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as _database_search_backend


def SearchBackend(params):  # noqa: N802 (the name modelsearch's loader looks for)
    backend = _database_search_backend(params)
    if connection.vendor == "postgresql" and params.get("SEARCH_CONFIG"):
        backend.autocomplete_config = params["SEARCH_CONFIG"]
    return backend


def is_postgres():
    return connection.vendor == "postgresql"
