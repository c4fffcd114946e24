"""Writing the search log (see models.LoggedQuery): counters per query, language and day."""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from cms.cache import flush_cache_hits
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


# Searches answered from the page cache are counted in the cache, not written to the
# database at once: many readers searching the same words would otherwise queue on one
# row. A hit costs one INCR on a counter per (day, language, query, found or not); the
# first count of a counter also registers it in a small log (sequence number → counter),
# which `flush_search_log` walks to move the counts into LoggedQuery. The report calls it,
# and so does the first search of a day. A count can be lost if the cache evicts a counter
# before it is flushed; these are statistics, not records.
_SEQUENCE = "portal:searchlog:sequence"
_START = "portal:searchlog:start"
_LOCK = "portal:searchlog:lock"
_ENTRY = "portal:searchlog:entry:{}"
_KEEP_SECONDS = 30 * 24 * 3600


def _counter_key(query, language, found, day):
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    return f"portal:searchlog:count:{day}:{language}:{int(found)}:{digest}"


def buffer_search(query, language, result_count, times=1):
    """Count `times` searches served from the page cache (usually one cache operation)."""
    day = timezone.localdate().isoformat()
    key = _counter_key(query, language, result_count > 0, day)
    try:
        cache.incr(key, times)
        return
    except ValueError:
        pass
    if not cache.add(key, times, timeout=_KEEP_SECONDS):
        cache.incr(key, times)  # another process registered it meanwhile
        return
    try:
        number = cache.incr(_SEQUENCE)
    except ValueError:
        cache.add(_SEQUENCE, 0, timeout=None)
        number = cache.incr(_SEQUENCE)
    entry = (key, query, language, result_count, day)
    cache.set(_ENTRY.format(number), entry, timeout=_KEEP_SECONDS)


def flush_search_log():
    """Write the searches counted in the cache into LoggedQuery."""
    flush_cache_hits()  # page-cache hits this process has not handed over yet
    if not cache.add(_LOCK, 1, timeout=300):
        return  # another process is flushing (or this one, further up the stack)
    try:
        first, last = cache.get(_START, 1), cache.get(_SEQUENCE, 0)
        numbers = list(range(first, last + 1))
        entries = {}
        for start in range(0, len(numbers), 1000):
            chunk = [_ENTRY.format(n) for n in numbers[start : start + 1000]]
            entries.update(cache.get_many(chunk))
        counts = cache.get_many([entry[0] for entry in entries.values()])
        for key, query, language, result_count, day in entries.values():
            times = counts.get(key) or 0
            if times:
                cache.decr(key, times)  # searches counted meanwhile stay in the cache
                record_search(
                    query, language, result_count, times, datetime.date.fromisoformat(day)
                )
        # Counters of past days get no more searches: forget their log entries.
        today = timezone.localdate().isoformat()
        while first <= last:
            entry = entries.get(_ENTRY.format(first))
            if entry is not None and entry[4] >= today:
                break
            cache.delete(_ENTRY.format(first))
            if entry is not None:
                cache.delete(entry[0])
            first += 1
        cache.set(_START, first, timeout=None)
    finally:
        cache.delete(_LOCK)
