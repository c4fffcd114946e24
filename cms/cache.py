"""Whole-page cache for anonymous readers.

A city portal is read by many and edited by few, so anonymous GET responses of public
pages are cached in the configured cache (Redis in production, process memory in the
demo), per full URL — which includes the language prefix and the directory's filter
query string.

Invalidation is deliberately coarse and therefore safe: every cache entry carries the
"content generation" number it was rendered in, which is bumped whenever content is
published, unpublished, translated, saved or deleted (see `bump_generation`); an entry
of an older generation is a miss. One edit makes every cached page miss once; no page
can show stale content because someone forgot a dependency. Pages also expire after
PORTAL_PAGE_CACHE_SECONDS, for those that change with the clock (upcoming events). The
generation and the page are read in one round trip (MGET), so a hit costs at most one
cache request; a busy page is served from the process's own copy without any
(`_LocalCopies`, at most a second behind changes made through other processes).

Never served from or stored in the cache: requests with a session cookie (logged-in
users), previews, non-GET/HEAD requests, responses that set a cookie (e.g. a CSRF
token for a form), responses marked private/no-store, and non-200 responses.
"""

import atexit
import hashlib
import logging
import pickle
import threading
import time
from collections import Counter, OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

GENERATION_KEY = "portal:content-generation"
# Paths under these prefixes are never cached (admin, uploads, Django internals).
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/django-admin/")


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _first_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _first_generation():
    """Where the generation starts when the shared cache has none (first start, or Redis
    restarted without its data): the clock in nanoseconds, so that it never repeats a
    number that processes may still hold copies of (bumps add one each)."""
    return time.time_ns()


def bump_generation(**kwargs):
    """Signal receiver: content changed, so every cached page is stale.

    Bumped at once (this request sees the change) and again when the transaction
    commits: a reader rendering between the two may have read the old rows and stored
    them under the first bump's generation.
    """
    _bump()
    # Once per transaction is enough, however many rows it saves.
    if connection.in_atomic_block and not any(
        callback is _bump for _, callback, _ in connection.run_on_commit
    ):
        transaction.on_commit(_bump)


def _bump():
    started = _now()
    try:
        generation = cache.incr(GENERATION_KEY)
    except ValueError:  # key missing (evicted, or Redis restarted)
        generation = _first_generation()
        cache.set(GENERATION_KEY, generation, timeout=None)
    # This process's readers see the change at once, unless a read started after this
    # bump returned the old number (then within PORTAL_PAGE_CACHE_LOCAL_SECONDS).
    local_copies.remember_generation(generation, started)


def on_cache_hit(request, dotted_path, *args):
    """Have `dotted_path(*args, times=n)` run for the cache hits of the page being rendered.

    For counters that must see every reader, not only cache misses: the search log and
    the "most read" view counter. The call is stored with the cached page (plain data
    only), so a hit replays it without rendering. Hits are added up in the process and
    handed over in batches (`times` hits at once, see `_HitBuffer`), so a hit costs no
    extra round trip to the cache.
    """
    actions = getattr(request, "_portal_cache_hit_actions", None)
    if actions is None:
        actions = request._portal_cache_hit_actions = []
    actions.append((dotted_path, args))


class _HitBuffer:
    """The hit actions of this process, added up until there are `MAX_HITS` of them or
    the oldest is `MAX_SECONDS` old (checked on every request), then run once per action
    with its count. At worst a few seconds of counts wait in a quiet worker or are lost
    when one crashes: these are statistics, and a city portal's readers should not pay a
    cache round trip each for them (bench: about a fifth of a cache hit's time)."""

    MAX_HITS = 50
    MAX_SECONDS = 5.0

    def __init__(self):
        self.lock = threading.Lock()
        self.pending = Counter()
        self.hits = 0
        self.since = 0.0

    def add(self, actions):
        with self.lock:
            if not self.hits:
                self.since = time.monotonic()
            for dotted_path, args in actions:
                self.pending[(dotted_path, tuple(args))] += 1
            self.hits += 1
        if self.hits >= self.MAX_HITS:
            self.flush()

    def due(self):
        return self.hits and time.monotonic() - self.since >= self.MAX_SECONDS

    def clear(self):
        with self.lock:
            self.pending, self.hits = Counter(), 0

    def flush(self):
        with self.lock:
            pending, self.pending, self.hits = self.pending, Counter(), 0
        for (dotted_path, args), times in pending.items():
            try:
                import_string(dotted_path)(*args, times=times)
            except Exception:  # a failing counter must not fail the reader's request
                logger.exception(
                    "Page cache: could not hand over %s hits to %s", times, dotted_path
                )


hit_buffer = _HitBuffer()
# A worker that stops hands over what it has counted.
atexit.register(hit_buffer.flush)


def flush_cache_hits():
    """Run the hit actions this process has buffered (before reading what they count)."""
    hit_buffer.flush()


def _cache_key(request):
    # Responses are stored as they leave GZipMiddleware (which sits inside this one), so
    # readers that accept gzip and those that don't get separate entries. The entry holds
    # the generation it was rendered in (see the middleware), so the key does not need to.
    encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
    raw = f"{request.method}:{encoding}:{request.get_host()}:{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"portal:page:{digest}"


def _is_cacheable_request(request):
    return (
        getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0) > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(UNCACHED_PREFIXES)
        and "preview" not in request.GET
    )


def _is_cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not getattr(request, "is_preview", False)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (user is not None and user.is_authenticated)
    )


class _LocalCopies:
    """This process's copies of the pages it served last, so that a hit on a busy page
    needs no round trip to the shared cache (measured: about half of a hit's time).

    A copy is used only while the content generation it was rendered in is current. The
    process re-reads the generation from the shared cache at most
    `PORTAL_PAGE_CACHE_LOCAL_SECONDS` after it last did (with every page it fetches from
    there, and at once after its own edits), so a change made through another process
    reaches this one's readers that much later — well inside the minute a reverse proxy
    may keep a page (`PORTAL_PROXY_CACHE_SECONDS`). Copies are kept pickled, as in the
    shared cache, so every request gets its own response object; the least recently used
    go when they take more than `MAX_BYTES`.
    """

    MAX_BYTES = 32 * 1024 * 1024

    def __init__(self):
        self.lock = threading.Lock()
        self.clear()

    def clear(self):
        with self.lock:  # also called while serving (Redis down), by any thread
            self.entries = OrderedDict()  # cache key → (generation, expiry, pickled entry)
            self.size = 0
            self.generation, self.generation_read_at = None, float("-inf")

    def current_generation(self):
        """The generation, if read from the shared cache recently enough; else None."""
        seconds = getattr(settings, "PORTAL_PAGE_CACHE_LOCAL_SECONDS", 0)
        if self.generation is not None and _now() - self.generation_read_at < seconds:
            return self.generation
        return None

    def remember_generation(self, generation, read_at):
        """Remember `generation`, read from the shared cache at `read_at` (`_now()` when
        the read started), unless another thread has since read a newer answer: the
        latest read wins, whichever number it holds (after a Redis restart the
        generation starts anew). None (no answer) makes the process ask again next time.
        """
        with self.lock:
            if read_at >= self.generation_read_at:
                self.generation, self.generation_read_at = generation, read_at

    def get(self, key, generation):
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            if found[0] != generation or found[1] <= _wallclock():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
        return pickle.loads(found[2])  # noqa: S301 (written by this process, below)

    def put(self, key, entry):
        if not getattr(settings, "PORTAL_PAGE_CACHE_LOCAL_SECONDS", 0):
            return
        data = pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)
        if len(data) > self.MAX_BYTES // 8:
            return
        generation, expires_at = entry[0], entry[3]
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (generation, expires_at, data)
            self.size += len(data)
            while self.size > self.MAX_BYTES:
                self._drop(next(iter(self.entries)))

    def _drop(self, key):
        self.size -= len(self.entries.pop(key)[2])


def _now():
    """For how long a process trusts the generation it read (monotonic)."""
    return time.monotonic()


def _wallclock():
    """For when a page expires (shared by all processes: wall-clock time)."""
    return time.time()


local_copies = _LocalCopies()


def _is_fresh(entry, generation):
    """An entry is (generation, response, hit actions, expiry time). It expires after
    PORTAL_PAGE_CACHE_SECONDS even if nothing is published: pages such as the event list
    and "most read" change with the clock."""
    return (
        entry is not None and len(entry) == 4 and entry[0] == generation and entry[3] > _wallclock()
    )


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous public pages; sets X-Cache: HIT/MISS for diagnostics."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if hit_buffer.due():
            hit_buffer.flush()
        if not _is_cacheable_request(request):
            return self.get_response(request)

        # This process's copy if it has a current one; else one round trip to the shared
        # cache for the generation and the page together (MGET). An entry rendered in an
        # older generation is a miss.
        key = _cache_key(request)
        generation = local_copies.current_generation()
        entry = local_copies.get(key, generation) if generation is not None else None
        if entry is None:
            read_at = _now()
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY)
            if generation is None:
                generation = current_generation()
            if generation is None:
                # The shared cache does not answer (Redis down): nobody could tell this
                # process about changes, so render every request and keep no copies.
                local_copies.clear()
                return self.get_response(request)
            local_copies.remember_generation(generation, read_at)
            entry = found.get(key)
            if _is_fresh(entry, generation):
                local_copies.put(key, entry)
        if _is_fresh(entry, generation):
            cached, actions = entry[1], entry[2]
            if actions:
                hit_buffer.add(actions)
            cached["X-Cache"] = "HIT"
            return cached

        response = self.get_response(request)
        if _is_cacheable_response(request, response):
            seconds = settings.PORTAL_PAGE_CACHE_SECONDS
            # Let a reverse proxy or CDN in front cache briefly too (see README).
            patch_cache_control(response, public=True, max_age=settings.PORTAL_PROXY_CACHE_SECONDS)
            response["X-Cache"] = "MISS"
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            # Hash the body once, here, rather than in ConditionalGetMiddleware on every
            # hit (an MD5 of the 160 kB GeoJSON per request).
            set_response_etag(response)
            actions = getattr(request, "_portal_cache_hit_actions", [])
            entry = (generation, response, actions, _wallclock() + seconds)
            cache.set(key, entry, seconds)
            local_copies.put(key, entry)
        return response


def content_saved(sender, created=False, **kwargs):
    """post_save/post_delete receiver: bump only for models whose data readers see."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if created and issubclass(sender, BaseGenericSetting | BaseSiteSetting):
        return  # a settings row created with its defaults on first use changes nothing
    if is_public_content_model(sender):
        bump_generation()


def is_public_content_model(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Locale, Page, Site

    return (
        issubclass(model, Page | Site | Locale | BaseGenericSetting | BaseSiteSetting)
        or model._meta.app_label in settings.PORTAL_CONTENT_APPS
        or model._meta.label in settings.PORTAL_CONTENT_MODELS
    )


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, published, unpublished

    for signal in (published, unpublished, page_published, page_unpublished):
        signal.connect(bump_generation, dispatch_uid=f"portal-cache-{id(signal)}")
    post_save.connect(content_saved, dispatch_uid="portal-cache-post-save")
    post_delete.connect(content_saved, dispatch_uid="portal-cache-post-delete")
