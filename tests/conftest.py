import pytest
from wagtail.models import Site

from cms.demo_translation import publish_translation


@pytest.fixture
def german_home(db):
    """The German home page created by the migrations (the default site's root)."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def translate():
    """Translate a page through wagtail-localize and publish the translation."""
    return publish_translation


@pytest.fixture(autouse=True)
def _empty_cache():
    """The page cache lives in process memory in tests; a rolled-back test database
    sends no signals, so start every test with an empty cache (and no page-cache hits
    of an earlier test waiting to be counted)."""
    from django.core.cache import cache

    from cms.cache import hit_buffer, local_copies

    hit_buffer.clear()
    local_copies.clear()
    cache.clear()
    yield
    hit_buffer.clear()
    local_copies.clear()
    cache.clear()


@pytest.fixture(autouse=True)
def _german_by_default():
    """A request leaves its language active in the thread; every test starts in German,
    the site's source language, as a fresh process would."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
