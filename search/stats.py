"""Writing the search log (see models.LoggedQuery): counters per query, language and day."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import MAX_LOGGED_QUERY_LENGTH, LoggedQuery


def normalise(query):
    return " ".join(str(query).lower().split())[:MAX_LOGGED_QUERY_LENGTH].strip()


def record_search(query, language, result_count):
    """Count one search. Stores nothing about who searched."""
    query = normalise(query)
    if not query:
        return
    today = timezone.localdate()
    updates = {"searches": F("searches") + 1}
    if result_count == 0:
        updates["searches_without_results"] = F("searches_without_results") + 1
    row = LoggedQuery.objects.filter(query=query, language=language, day=today)
    if row.update(**updates):
        return
    try:
        with transaction.atomic():
            LoggedQuery.objects.create(
                query=query,
                language=language,
                day=today,
                searches=1,
                searches_without_results=1 if result_count == 0 else 0,
            )
    except IntegrityError:  # a parallel request created the row first
        row.update(**updates)
        return
    # First search of the day for this query: drop days older than the retention period.
    keep_days = getattr(settings, "PORTAL_SEARCH_LOG_DAYS", 180)
    LoggedQuery.objects.filter(day__lt=today - datetime.timedelta(days=keep_days)).delete()
