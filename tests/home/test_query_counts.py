"""The page frame (menu, footer, language switcher) costs the same number of queries
however much content there is."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import FooterLinks
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, path):
    client.get(path)  # the page's anonymous view counter row exists after its first view
    cache.clear()  # worst case: nothing cached yet
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/de/", "/ar/", "/de/seite-0/"])
def test_query_count_does_not_grow_with_menu_items(client, german_home, settings, path):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    FooterLinks.load()  # the settings row exists in any running site
    for number in range(3):
        StandardPageFactory(parent=german_home, slug=f"seite-{number}", show_in_menus=True)
    few = queries_for(client, path)

    for number in range(3, 30):
        StandardPageFactory(parent=german_home, slug=f"seite-{number}", show_in_menus=True)
    many = queries_for(client, path)

    assert many == few
    assert few <= 22  # incl. the anonymous view counter (cms/translation); bench target: 20
    assert "seite-29" in client.get("/de/").content.decode()


def test_frame_is_built_once_per_language_and_content_change(client, german_home, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    client.get("/de/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/de/")

    assert len(warm) < queries_for(client, "/de/")
