"""Whole-page cache for anonymous readers.

A city portal is read by many and edited by few, so anonymous GET responses of public
pages are cached in the configured cache (Redis in production, process memory in the
demo), per full URL — which includes the language prefix and the directory's filter
query string.

Invalidation is deliberately coarse and therefore safe: every cache entry carries the
"content generation" number it was rendered in, which is bumped whenever content is
published, unpublished, translated, saved or deleted (see `bump_generation`); an entry of
an older generation is a miss. One edit makes every cached page miss once; no page can
show stale content because someone forgot a dependency. The generation and the page are
read in one round trip (MGET), so a hit costs one cache request.

Never served from or stored in the cache: requests with a session cookie (logged-in
users), previews, non-GET/HEAD requests, responses that set a cookie (e.g. a CSRF
token for a form), responses marked private/no-store, and non-200 responses.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.module_loading import import_string

GENERATION_KEY = "portal:content-generation"
# Paths under these prefixes are never cached (admin, uploads, Django internals).
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/django-admin/")


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def bump_generation(**kwargs):
    """Signal receiver: content changed, so every cached page is stale."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # key missing (evicted or never set)
        cache.set(GENERATION_KEY, 2, timeout=None)


def on_cache_hit(request, dotted_path, *args):
    """Have `dotted_path(*args)` run on every cache hit of the page being rendered.

    For counters that must see every reader, not only cache misses: the search log and
    the "most read" view counter. The call is stored with the cached page (plain data
    only), so a hit replays it without rendering. It should be cheap (a cache operation,
    not a database write): it runs on every hit.
    """
    actions = getattr(request, "_portal_cache_hit_actions", None)
    if actions is None:
        actions = request._portal_cache_hit_actions = []
    actions.append((dotted_path, args))


def _replay(actions):
    for dotted_path, args in actions:
        import_string(dotted_path)(*args)


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


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous public pages; sets X-Cache: HIT/MISS for diagnostics."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)

        # One round trip to the cache for the generation and the page together: a hit
        # costs a single MGET. An entry rendered in an older generation is a miss.
        key = _cache_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = current_generation()
        entry = found.get(key)
        if entry is not None and len(entry) == 3 and entry[0] == generation:
            cached, actions = entry[1], entry[2]
            _replay(actions)
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
            actions = getattr(request, "_portal_cache_hit_actions", [])
            cache.set(key, (generation, response, actions), seconds)
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
