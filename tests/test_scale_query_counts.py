"""Every endpoint the benchmark measures needs at most the same number of database
queries with a small and with a five times larger generated site — so no list grows a
query per item (N+1). The endpoints come from `cms.bench.endpoints()`, the list
`make bench` uses; page cache off, worst case (the anonymous view counter is included).
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from cms.bench import endpoints

SIZES = {
    "small": {"organisations": 12, "pages": 20},
    "large": {"organisations": 60, "pages": 100},
}
# One bound per endpoint and language, the same for both sizes. German is what the
# benchmark measures (the target: at most 20 per page). Arabic readers of pages
# that exist only in German cost a few more: routing falls back to the German tree and
# every list looks up its translations.
BOUNDS = {
    "home": 16,
    "topic page": 20,
    "news index": 16,
    "event index": 17,
    "directory": 19,
    "directory, 3 filters": 19,
    "profile": 18,
    "GeoJSON (all)": 11,
    "search results": 16,
    "news feed (RSS)": 12,
}
BOUNDS_AR = BOUNDS | {
    "home": 18,
    "topic page": 27,
    "news index": 21,
    "event index": 22,
    "profile": 19,  # the German entry, with the fallback notice
    "news feed (RSS)": 15,
}


@pytest.fixture(scope="module", params=list(SIZES), ids=list(SIZES))
def scale_site(request, django_db_setup, django_db_blocker):
    """A generated site of one size for the whole module, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("generate_scale_data", **SIZES[request.param], stdout=io.StringIO())
        yield request.param
        transaction.set_rollback(True)


@pytest.fixture
def measure(db, client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0

    def queries_for(path):
        client.get(path)  # warm per-process caches; the view counter row exists
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, path
        return len(captured), response

    return queries_for


@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_endpoint_stays_within_its_query_bound(scale_site, measure, language):
    found = dict(endpoints())
    assert set(found) == set(BOUNDS)  # every endpoint exists at every size
    counts = {}
    for name, path in found.items():
        path = f"/{language}/" + path.split("/", 2)[2]
        counts[name], response = measure(path)
        assert response.content
    bounds = BOUNDS if language == "de" else BOUNDS_AR
    over = {name: (n, bounds[name]) for name, n in counts.items() if n > bounds[name]}
    assert not over, f"{scale_site}, {language}: {over}"
