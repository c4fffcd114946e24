"""Public search views: the results page (/<lang>/suche/) and type-ahead suggestions."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from cms.cache import on_cache_hit
from search.engine import (
    FUZZY,
    PREFIX,
    load_hits,
    reader_locales,
    run_search,
)
from search.stats import record_search
from search.text import clean_query
from topics.localization import swap_language_prefix

SUGGESTIONS = 8
MIN_SUGGEST_LENGTH = 2


def results_per_page():
    return getattr(settings, "PORTAL_SEARCH_RESULTS_PER_PAGE", 10)


@dataclass
class Promotion:
    title: str
    url: str
    description: str
    fallback: bool = False
    external: bool = False
    obj: Any = None


def promotions_for(query, language_code, request):
    """Editors' "best bets" for this query, in the reader's language.

    A promoted page is shown in the reader's language if it has a live translation; a
    German page without one is shown in German (marked); a page an editor promoted in
    another language (an Arabic page for an Arabic query) is shown only to its readers.
    """
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    picks = [
        pick
        for q in Query.objects.filter(query_string=normalised).prefetch_related(
            "editors_picks__page"
        )
        for pick in q.editors_picks.all()
    ]
    if not picks:
        return []
    reader, default = reader_locales(language_code)
    keys = [pick.page.translation_key for pick in picks if pick.page_id]
    translations = {
        page.translation_key: page
        for page in Page.objects.live().public().filter(translation_key__in=keys, locale=reader)
    }
    promotions = []
    for pick in picks:
        if not pick.page_id:
            promotions.append(
                Promotion(
                    pick.external_link_text or pick.external_link_url,
                    pick.external_link_url,
                    pick.description,
                    external=True,
                )
            )
            continue
        if pick.page.locale_id not in (reader.pk, default.pk):
            continue  # promoted in another language, for its readers only
        page = translations.get(pick.page.translation_key)
        fallback = False
        if page is None:
            if pick.page.locale_id != default.pk or not pick.page.live:
                continue
            page, fallback = pick.page, True
        url = page.get_url(request) or ""
        if fallback:
            url = swap_language_prefix(url, language_code)
        promotions.append(Promotion(page.title, url, pick.description, fallback, obj=page))
    return promotions


def search(request):
    language_code = get_language()
    query = clean_query(request.GET.get("q", ""))
    type_key = request.GET.get("typ", "")
    outcome = run_search(query, language_code, type_key=type_key or None)
    paginator = Paginator(outcome.hits, results_per_page())
    page_obj = paginator.get_page(request.GET.get("seite"))
    hits = load_hits(list(page_obj.object_list), request, outcome.terms, language_code)
    # Count a search once: not again when the reader pages through it or filters it.
    if outcome.terms and request.GET.get("seite", "1") == "1" and not type_key:
        record_search(query, language_code, outcome.total)
        # Also on every cache hit of this page: the log counts searches, not renders.
        on_cache_hit(request, "search.stats.buffer_search", query, language_code, outcome.total)

    def link(**params):
        values = {"q": query}
        values.update({k: v for k, v in params.items() if v})
        return "?" + urlencode(values)

    active_type = type_key if any(t.key == type_key for t, _ in outcome.type_counts) else ""
    type_filters = [
        {"key": t.key, "label": t.label, "count": n, "url": link(typ=t.key)}
        for t, n in outcome.type_counts
    ]
    type_labels = {t.key: t.label for t, _n in outcome.type_counts}
    for hit in hits:
        hit.type_label = type_labels.get(hit.type_key, "")
    context = {
        "query": query,
        "outcome": outcome,
        "hits": hits,
        "page_obj": page_obj,
        "paginator": paginator,
        "type_filters": type_filters,
        "active_type": active_type,
        "all_url": link(),
        "page_links": {
            "previous": link(typ=active_type, seite=page_obj.previous_page_number())
            if page_obj.has_previous()
            else "",
            "next": link(typ=active_type, seite=page_obj.next_page_number())
            if page_obj.has_next()
            else "",
        },
        "promotions": promotions_for(query, language_code, request) if query else [],
        "is_fuzzy": outcome.mode == FUZZY,
        "is_prefix": outcome.mode == PREFIX,
    }
    return render(request, "search/search_results.html", context)


def suggest(request):
    """Type-ahead: up to eight titles as JSON, matched by word beginnings (and, on
    PostgreSQL, by similarity when nothing begins like that)."""
    language_code = get_language()
    query = clean_query(request.GET.get("q", ""))
    suggestions = []
    if len(query) >= MIN_SUGGEST_LENGTH:
        outcome = run_search(query, language_code, modes=(PREFIX, FUZZY))
        hits = load_hits(outcome.hits[:SUGGESTIONS], request, outcome.terms, language_code)
        labels = {t.key: str(t.label) for t, _n in outcome.type_counts}
        suggestions = [
            {
                "title": hit.plain_title,
                "url": hit.url,
                "type": labels.get(hit.type_key, ""),
                "in_german": hit.fallback,
            }
            for hit in hits
        ]
    return JsonResponse({"query": query, "suggestions": suggestions})
