"""The anonymous page cache: hits for readers, never for logged-in users, and a change
that a page shows is visible at once."""

from decimal import Decimal
from http import HTTPStatus

import pytest

from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600


@pytest.fixture
def imprint(german_home):
    page = StandardPageFactory(parent=german_home, title="Impressum", slug="impressum")
    page.save_revision().publish()
    return page


def test_second_anonymous_request_is_a_cache_hit_without_database_queries(
    client, imprint, django_assert_num_queries
):
    first = client.get("/de/impressum/")
    assert first["X-Cache"] == "MISS"

    with django_assert_num_queries(0):
        second = client.get("/de/impressum/")

    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=" in second["Cache-Control"]


def test_languages_and_query_strings_are_cached_separately(client, imprint):
    client.get("/de/impressum/")

    assert client.get("/en/impressum/")["X-Cache"] == "MISS"
    assert client.get("/de/impressum/?seite=2")["X-Cache"] == "MISS"


def test_publishing_a_change_is_visible_at_once(client, imprint):
    client.get("/de/impressum/")

    imprint.title = "Impressum (neu)"
    imprint.save_revision().publish()
    response = client.get("/de/impressum/")

    assert response["X-Cache"] == "MISS"
    assert "Impressum (neu)" in response.content.decode()


def test_unpublishing_removes_the_page_for_readers(client, imprint):
    client.get("/de/impressum/")

    imprint.unpublish()

    assert client.get("/de/impressum/").status_code == HTTPStatus.NOT_FOUND


def test_a_translation_published_later_replaces_the_german_fallback(client, imprint, translate):
    client.get("/de/")  # an English home must exist first
    translate(imprint.get_parent().specific, "en", {})
    assert "not yet available in English" in client.get("/en/impressum/").content.decode()

    translate(imprint, "en", {"Impressum": "Imprint"})

    response = client.get("/en/impressum/")
    assert "not yet available" not in response.content.decode()
    assert "Imprint" in response.content.decode()


def test_logged_in_users_never_get_or_fill_the_cache(client, imprint):
    client.get("/de/impressum/")  # cached for anonymous readers
    client.force_login(UserFactory(is_superuser=True))

    response = client.get("/de/impressum/")

    assert "X-Cache" not in response
    client.logout()
    assert client.get("/de/impressum/")["X-Cache"] == "HIT"


def test_admin_and_non_200_responses_are_not_cached(client, german_home):
    assert "X-Cache" not in client.get("/admin/login/")
    client.get("/de/gibt-es-nicht/")
    assert client.get("/de/gibt-es-nicht/").get("X-Cache") != "HIT"


def test_conditional_get_answers_304_for_an_unchanged_page(client, imprint):
    etag = client.get("/de/impressum/")["ETag"]

    response = client.get("/de/impressum/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == HTTPStatus.NOT_MODIFIED


def test_a_page_with_a_csrf_protected_form_is_never_cached(rf, german_home):
    """A form page hands each reader their own CSRF token: it must not be shared."""
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.http import HttpResponse
    from django.middleware.csrf import CsrfViewMiddleware, get_token

    from cms.cache import AnonymousPageCacheMiddleware

    def form_view(request):
        return HttpResponse(f'<form method="post"><input value="{get_token(request)}"></form>')

    handler = AnonymousPageCacheMiddleware(SessionMiddleware(CsrfViewMiddleware(form_view)))
    first = handler(rf.get("/de/eintrag-vorschlagen/"))
    second = handler(rf.get("/de/eintrag-vorschlagen/"))

    assert "csrftoken" in first.cookies
    assert "X-Cache" not in first and "X-Cache" not in second


def test_compressed_and_plain_responses_are_cached_separately(client, imprint):
    compressed = client.get("/de/impressum/", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/de/impressum/")

    assert compressed["Content-Encoding"] == "gzip"
    assert plain["X-Cache"] == "MISS" and "Content-Encoding" not in plain
    assert client.get("/de/impressum/", HTTP_ACCEPT_ENCODING="gzip")["X-Cache"] == "HIT"


def test_readers_served_from_the_cache_are_still_counted(client, imprint):
    """ "Most read" and the search log count readers, not renders."""
    from cms.translation.models import ContentViewCount, flush_view_counts
    from search.models import LoggedQuery
    from search.stats import flush_search_log

    responses = [client.get("/de/impressum/") for _ in range(3)]
    searches = [client.get("/de/suche/?q=Impressum") for _ in range(2)]

    assert [r["X-Cache"] for r in responses] == ["MISS", "HIT", "HIT"]
    assert [r["X-Cache"] for r in searches] == ["MISS", "HIT"]
    flush_view_counts([imprint.translation_key])
    flush_search_log()
    assert ContentViewCount.objects.get(translation_key=imprint.translation_key).views == 3
    assert LoggedQuery.objects.get(query="impressum", language="de").searches == 2


def test_a_new_best_bet_is_shown_at_once(client, imprint):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    client.get("/de/suche/?q=kontakt")
    assert client.get("/de/suche/?q=kontakt")["X-Cache"] == "HIT"

    SearchPromotion.objects.create(query=Query.get("kontakt"), page=imprint, sort_order=0)
    response = client.get("/de/suche/?q=kontakt")

    assert response["X-Cache"] == "MISS"
    assert "Impressum" in response.content.decode()


def test_directory_views_are_cached_and_miss_after_an_organisation_changes(client, german_home):
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(
        name="Sprachtreff Kinderhaus",
        slug="sprachtreff",
        latitude=Decimal("51.99"),
        longitude=Decimal("7.6"),
    )
    views = [
        "/de/organisationen/",
        "/de/organisationen/?q=Sprachtreff",
        "/de/organisationen/organisationen.geojson",
        "/de/organisationen/sprachtreff/",
    ]
    for address in views:
        client.get(address)
        assert client.get(address)["X-Cache"] == "HIT", address

    organisation.name = "Sprachtreff Coerde"
    organisation.save_revision().publish()

    for address in views:
        response = client.get(address)
        assert response["X-Cache"] == "MISS", address
        assert "Sprachtreff Coerde" in response.content.decode(), address


def test_a_draft_of_an_organisation_does_not_change_what_readers_see(client, german_home):
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Frauencafé", slug="frauencafe")
    client.get("/de/organisationen/frauencafe/")

    organisation.name = "Frauencafé (Entwurf)"
    organisation.save_revision()

    assert "Entwurf" not in client.get("/de/organisationen/frauencafe/").content.decode()


def test_cache_hits_reach_the_counters_without_anyone_asking(client, imprint, monkeypatch):
    """Hits are added up in the process and handed over in batches: after a batch of
    hits, or on the first request after a few quiet seconds, the cache holds them."""
    from django.core.cache import cache

    from cms.cache import hit_buffer
    from cms.translation.models import VIEW_COUNTER_PREFIX

    counter = f"{VIEW_COUNTER_PREFIX}{imprint.translation_key}"
    monkeypatch.setattr(hit_buffer, "MAX_HITS", 3)
    responses = [client.get("/de/impressum/") for _ in range(4)]

    assert [r["X-Cache"] for r in responses] == ["MISS", "HIT", "HIT", "HIT"]
    assert cache.get(counter) == 4  # the render, then a batch of three hits

    client.get("/de/impressum/")
    assert cache.get(counter) == 4  # the fifth waits for its batch …
    monkeypatch.setattr(hit_buffer, "MAX_SECONDS", 0)
    client.get("/de/")
    assert cache.get(counter) == 5  # … or for the next request after MAX_SECONDS


def test_a_failing_counter_never_fails_a_reader(client, imprint, monkeypatch, caplog):
    """The counters run while a reader waits (a batch is handed over during a request):
    if one fails, the reader still gets the page and the failure is logged."""
    from cms.cache import hit_buffer
    from cms.translation import models

    assert client.get("/de/impressum/")["X-Cache"] == "MISS"

    def broken(*args, times):
        raise ConnectionError("counter store gone")

    monkeypatch.setattr(models, "count_page_view", broken)
    monkeypatch.setattr(hit_buffer, "MAX_HITS", 1)
    response = client.get("/de/impressum/")

    assert response.status_code == 200 and response["X-Cache"] == "HIT"
    assert "could not hand over 1 hits to cms.translation.models.count_page_view" in caplog.text


@pytest.fixture
def clock(monkeypatch):
    """The page cache's clocks, moved by hand: [monotonic seconds, wall-clock seconds]."""
    import time

    from cms import cache as page_cache

    now = [time.monotonic() + 1000, time.time()]
    monkeypatch.setattr(page_cache, "_now", lambda: now[0])
    monkeypatch.setattr(page_cache, "_wallclock", lambda: now[1])
    return now


def test_a_process_serves_busy_pages_from_its_own_copy(client, imprint, clock):
    """A hit on a page this process served lately needs no trip to the shared cache."""
    from django.core.cache import cache

    client.get("/de/impressum/")
    cache.clear()  # the shared cache (Redis in production) loses everything

    response = client.get("/de/impressum/")

    assert response["X-Cache"] == "HIT"
    assert "Impressum" in response.content.decode()


def test_a_change_made_by_another_process_reaches_readers_within_seconds(
    client, imprint, settings, clock
):
    from django.core.cache import cache

    from cms import cache as page_cache

    settings.PORTAL_PAGE_CACHE_LOCAL_SECONDS = 1
    client.get("/de/impressum/")
    cache.incr(page_cache.GENERATION_KEY)  # another app server published something

    clock[0] += 0.5
    assert client.get("/de/impressum/")["X-Cache"] == "HIT"  # not yet seen here …
    clock[0] += 0.6
    assert client.get("/de/impressum/")["X-Cache"] == "MISS"  # … within a second


def test_pages_expire_even_when_nothing_is_published(client, imprint, settings, clock):
    """Some pages change with the clock (upcoming events, "most read"): neither the
    shared entry nor a process's copy outlives PORTAL_PAGE_CACHE_SECONDS."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    assert client.get("/de/impressum/")["X-Cache"] == "MISS"

    clock[1] += 599
    assert client.get("/de/impressum/")["X-Cache"] == "HIT"
    clock[1] += 2
    assert client.get("/de/impressum/")["X-Cache"] == "MISS"


def test_a_generation_read_before_an_own_change_does_not_win(client, imprint, clock):
    """Threads of one process: a reader that asked the shared cache before this process
    published must not bring the old generation back (and with it the old copies)."""
    from cms import cache as page_cache

    client.get("/de/impressum/")
    before = page_cache.local_copies.current_generation()
    read_started = clock[0]
    clock[0] += 0.1
    imprint.title = "Impressum (neu)"
    imprint.save_revision().publish()

    page_cache.local_copies.remember_generation(before, read_started)  # the slow reader

    assert page_cache.local_copies.current_generation() != before
    assert "Impressum (neu)" in client.get("/de/impressum/").content.decode()


def test_after_a_cache_restart_the_generation_never_repeats(client, imprint, clock):
    """Redis restarted without its data: counting starts anew, above every number a
    process may still hold copies of."""
    from django.core.cache import cache

    from cms import cache as page_cache

    client.get("/de/impressum/")
    before = page_cache.current_generation()
    for _ in range(3):
        page_cache.bump_generation()
    cache.clear()

    assert page_cache.current_generation() > before + 3


@pytest.fixture
def committed_page(german_home):
    """A page for tests that commit for real (the test transaction of an ordinary test
    never commits). Its own slug: in a process that ran the browser tests, the restored
    database holds the demo, imprint included."""
    page = StandardPageFactory(parent=german_home, title="Cache", slug="cache-commit-test")
    page.save_revision().publish()
    return page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_generation_moves_again_when_the_change_is_committed(committed_page):
    """A reader rendering between a change and its commit reads the old rows; the bump
    on commit makes what it stored a miss."""
    from django.db import transaction

    from cms import cache as page_cache

    with transaction.atomic():
        committed_page.title = "Cache (neu)"
        committed_page.save_revision().publish()
        during = page_cache.current_generation()

    assert page_cache.current_generation() > during


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_commit_bump_per_transaction_however_many_rows_it_saves(committed_page):
    """An import saving thousands of rows must not queue thousands of cache calls."""
    from django.db import connection, transaction

    from cms import cache as page_cache

    with transaction.atomic():
        for number in range(3):
            committed_page.title = f"Cache {number}"
            committed_page.save_revision().publish()
        queued = [f for _, f, _ in connection.run_on_commit if f is page_cache._bump]

    assert queued == [page_cache._bump]


def test_without_local_copies_every_hit_asks_the_shared_cache(client, imprint, settings):
    from django.core.cache import cache

    settings.PORTAL_PAGE_CACHE_LOCAL_SECONDS = 0
    client.get("/de/impressum/")
    assert client.get("/de/impressum/")["X-Cache"] == "HIT"
    cache.clear()

    assert client.get("/de/impressum/")["X-Cache"] == "MISS"


def test_without_the_shared_cache_pages_are_rendered_fresh(client, imprint, monkeypatch):
    """Redis down (django-redis then answers every call with nothing, IGNORE_EXCEPTIONS):
    no process can learn of changes, so none serves copies."""
    from django.core.cache import cache

    answers = {"get_many": {}, "get": None, "add": False, "set": None, "incr": None}
    for method, answer in answers.items():
        monkeypatch.setattr(cache, method, lambda *args, answer=answer, **kwargs: answer)
    client.get("/de/impressum/")

    imprint.title = "Impressum (neu)"
    imprint.save_revision().publish()
    response = client.get("/de/impressum/")

    assert "X-Cache" not in response
    assert "Impressum (neu)" in response.content.decode()
