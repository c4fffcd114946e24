"""Writing the search log (see models.LoggedQuery): counters per query, language and day."""

import datetime
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import MAX_LOGGED_QUERY_LENGTH, LoggedQuery


def normalise(query):
    return " ".join(str(query).lower().split())[:MAX_LOGGED_QUERY_LENGTH].strip()


def record_search(query, language, result_count, times=1, day=None):
    """Count `times` searches (on `day`, default today). Stores nothing about who searched."""
    query = normalise(query)
    if not query:
        return
    day = day or timezone.localdate()
    without_results = times if result_count == 0 else 0
    updates = {"searches": F("searches") + times}
    if without_results:
        updates["searches_without_results"] = F("searches_without_results") + without_results
    row = LoggedQuery.objects.filter(query=query, language=language, day=day)
    if row.update(**updates):
        return
    try:
        with transaction.atomic():
            LoggedQuery.objects.create(
                query=query,
                language=language,
                day=day,
                searches=times,
                searches_without_results=without_results,
            )
    except IntegrityError:  # a parallel request created the row first
        row.update(**updates)
        return
    # First search of the day for this query: a good moment to write what the page cache
    # buffered and to drop days older than the retention period.
    flush_search_log()
    keep_days = getattr(settings, "PORTAL_SEARCH_LOG_DAYS", 180)
    LoggedQuery.objects.filter(day__lt=day - datetime.timedelta(days=keep_days)).delete()


# Searches answered from the page cache are buffered in the cache (an append-only log:
# a sequence number and one entry per search), not written to the database at once: many
# readers searching the same words would otherwise queue on one row. `flush_search_log`
# moves them into LoggedQuery; the report calls it, and so does the first search of a day.
# A count can be lost if the cache evicts an entry before it is flushed; these are
# statistics, not records.
_SEQUENCE = "portal:searchlog:sequence"
_FLUSHED = "portal:searchlog:flushed"
_LOCK = "portal:searchlog:lock"
_ENTRY = "portal:searchlog:{}"
_KEEP_SECONDS = 30 * 24 * 3600


def buffer_search(query, language, result_count):
    """Count one search served from the page cache (two cache operations)."""
    try:
        number = cache.incr(_SEQUENCE)
    except ValueError:
        cache.add(_SEQUENCE, 0, timeout=None)
        number = cache.incr(_SEQUENCE)
    entry = (query, language, result_count, timezone.localdate().isoformat())
    cache.set(_ENTRY.format(number), entry, timeout=_KEEP_SECONDS)


def flush_search_log():
    """Write the buffered searches into LoggedQuery (one update per query and day)."""
    if not cache.add(_LOCK, 1, timeout=300):
        return  # another process is flushing (or this one, further up the stack)
    try:
        done, last = cache.get(_FLUSHED, 0), cache.get(_SEQUENCE, 0)
        keys = [_ENTRY.format(number) for number in range(done + 1, last + 1)]
        counts = Counter()
        for start in range(0, len(keys), 1000):
            counts.update(cache.get_many(keys[start : start + 1000]).values())
        cache.set(_FLUSHED, last, timeout=None)
        cache.delete_many(keys)
        for (query, language, result_count, day), times in counts.items():
            record_search(query, language, result_count, times, datetime.date.fromisoformat(day))
    finally:
        cache.delete(_LOCK)
