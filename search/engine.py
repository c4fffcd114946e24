"""The site search: one relevance-ordered list over pages and registered models, in the
reader's language with German as fallback.

How a query is answered (each step only when the previous one found nothing):

1. full-text search for all words (umlaut variants included: "Muenster" also looks for
   "Münster", "Strasse" for "Straße");
2. prefix search on titles ("Geflüch" → "Geflüchtete"), as type-ahead does;
3. PostgreSQL only: trigram similarity for words of 5+ letters ("Aufenthaltsgenemigung").

Each source (pages, every registered model) is searched with one query returning at most
`MAX_RESULTS` rows; the merged list is paginated in memory and only the shown slice is
loaded in full (`load_hits`). So a results page costs the same number of queries for 10
and for 100 results per page.
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.search.backends import get_search_backend
from wagtail.search.index import SearchField
from wagtail.search.query import And, Fuzzy, Or, PlainText

from search.backend import is_postgres
from search.registry import registry
from search.text import highlight, plain_text, query_terms, term_variants
from topics.localization import swap_language_prefix

MAX_RESULTS = 100  # per source: ten pages of results; more are announced, not listed
MIN_FUZZY_TERM_LENGTH = 5

EXACT, PREFIX, FUZZY = "exact", "prefix", "fuzzy"


@dataclass
class Hit:
    model: type  # Page, or a registered model
    pk: Any
    score: float
    type_key: str
    locale_id: Any = None
    fallback: bool = False  # shown in German because there is no translation
    obj: Any = None
    title: Any = ""
    excerpt: Any = ""
    url: str = ""
    plain_title: str = ""


@dataclass
class Outcome:
    query: str
    terms: list
    language_code: str
    mode: str = ""  # how the hits were found: EXACT, PREFIX or FUZZY ("" if none)
    hits: list = field(default_factory=list)  # of the chosen type, or all
    total: int = 0  # all types
    # A source had more matches than MAX_RESULTS: the count is "at least", and the reader
    # is asked to narrow the search (nobody pages through more than ten pages).
    truncated: bool = False
    type_counts: list = field(default_factory=list)  # [(SearchType, count)]


def reader_locales(language_code):
    """(the reader's locale, the default locale); the reader's is the default if unknown."""
    default_code = settings.LANGUAGE_CODE
    locales = {
        loc.language_code: loc
        for loc in Locale.objects.filter(language_code__in={language_code, default_code})
    }
    default = locales.get(default_code) or Locale.get_default()
    return locales.get(language_code, default), default


def visible(model, queryset, reader, default):
    """The part of `queryset` a reader of `reader` may see: live, in their language, and
    German where no live translation exists. Returned as an id filter (the only filter
    the search backends need to know about)."""
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    if issubclass(model, TranslatableMixin):
        if reader.pk == default.pk:
            queryset = queryset.filter(locale=default)
        else:
            translated = model._default_manager.filter(locale=reader)
            if issubclass(model, DraftStateMixin):
                translated = translated.filter(live=True)
            queryset = queryset.filter(
                Q(locale=reader)
                | (Q(locale=default) & ~Q(translation_key__in=translated.values("translation_key")))
            )
    return model._default_manager.filter(pk__in=queryset.values("pk"))


def build_query(terms):
    """All terms must match; each term in any of its spellings."""
    parts = []
    for term in terms:
        variants = term_variants(term)
        parts.append(
            PlainText(variants[0]) if len(variants) == 1 else Or([PlainText(v) for v in variants])
        )
    return parts[0] if len(parts) == 1 else And(parts)


def mode_applies(mode, terms):
    """Typo tolerance needs PostgreSQL's trigrams and a word long enough to have typos."""
    return mode != FUZZY or (is_postgres() and max(len(t) for t in terms) >= MIN_FUZZY_TERM_LENGTH)


def backend_results(mode, terms, queryset, order_by_relevance=True):
    """The search backend's answer for `terms` in one mode (exact, prefix or fuzzy)."""
    backend = get_search_backend()
    if mode == EXACT:
        return backend.search(build_query(terms), queryset, order_by_relevance=order_by_relevance)
    if mode == PREFIX:
        return backend.autocomplete(
            build_query(terms), queryset, order_by_relevance=order_by_relevance
        )
    return backend.search(
        Fuzzy(" ".join(terms), unaccent=True), queryset, order_by_relevance=order_by_relevance
    )


class _Source:
    """One searchable model: pages, or a registered model."""

    def __init__(self, model, base_queryset, type_key=None):
        self.model = model
        self.base_queryset = base_queryset
        self.type_key = type_key

    def hit_type(self, content_type_id):
        if self.type_key:
            return self.type_key
        model_class = ContentType.objects.get_for_id(content_type_id).model_class()
        return registry.type_for_page_class(model_class) if model_class else "pages"

    def run(self, mode, terms, reader, default):
        queryset = visible(self.model, self.base_queryset(), reader, default)
        results = backend_results(mode, terms, queryset).annotate_score("_score")[:MAX_RESULTS]
        if not hasattr(results, "get_queryset"):  # modelsearch's EmptySearchResults
            return []
        # Up to MAX_RESULTS rows per source: read the few columns a Hit needs as plain
        # values, not model instances (and not the search vector the backend selects);
        # `load_hits` loads the few shown in full. Measured at 5,000 organisations: a
        # quarter of the search's time.
        columns = ["pk", "_score"]
        if issubclass(self.model, TranslatableMixin):
            columns.append("locale_id")
        if issubclass(self.model, Page):
            columns.append("content_type_id")
        hits = []
        sqlite_rank = not is_postgres()
        for row in results.get_queryset().values(*columns):
            score = float(row["_score"] or 0)
            locale_id = row.get("locale_id")
            hits.append(
                Hit(
                    model=self.model,
                    pk=row["pk"],
                    # SQLite's bm25() is negative, lower is better; PostgreSQL's is positive.
                    score=-score if sqlite_rank else score,
                    type_key=self.hit_type(row.get("content_type_id")),
                    locale_id=locale_id,
                    fallback=locale_id is not None and locale_id != reader.pk,
                )
            )
        return hits


def _public_pages():
    pages = Page.objects.live().public().filter(depth__gt=1)
    # Page classes registered with register_searchable are searched through their
    # registration (own queryset, URL, excerpt) instead.
    registered = [s.model for s in registry.searchables if issubclass(s.model, Page)]
    return pages.not_type(*registered) if registered else pages


def sources():
    result = [_Source(Page, _public_pages)]
    for searchable in registry.searchables:
        base = searchable.queryset or searchable.model._default_manager.all
        if issubclass(searchable.model, Page):
            # Pages with view restrictions are never searchable, whatever the registration.
            base = (lambda b: lambda: b().public())(base)
        result.append(_Source(searchable.model, base, searchable.type_key))
    return result


def run_search(raw_query, language_code, type_key=None, modes=(EXACT, PREFIX, FUZZY)):
    terms = query_terms(raw_query)
    outcome = Outcome(query=raw_query, terms=terms, language_code=language_code)
    if not terms:
        return outcome
    reader, default = reader_locales(language_code)
    hits = []
    for mode in modes:
        if not mode_applies(mode, terms):
            continue
        for source in sources():
            found = source.run(mode, terms, reader, default)
            outcome.truncated = outcome.truncated or len(found) >= MAX_RESULTS
            hits.extend(found)
        if hits:
            outcome.mode = mode
            break
    # Best first; at equal relevance the reader's own language before German.
    hits.sort(key=lambda h: (-h.score, h.fallback, str(h.pk)))
    counts = {}
    for hit in hits:
        counts[hit.type_key] = counts.get(hit.type_key, 0) + 1
    outcome.total = len(hits)
    outcome.type_counts = [(t, counts[t.key]) for t in registry.ordered_types() if t.key in counts]
    outcome.hits = [h for h in hits if h.type_key == type_key] if type_key in counts else hits
    return outcome


def searchable_text(obj):
    """The text of an object's SearchFields (title excepted), as plain text."""
    chunks = []
    for search_field in obj.get_search_fields():
        if not isinstance(search_field, SearchField) or search_field.field_name == "title":
            continue
        value = search_field.get_value(obj)
        if isinstance(value, list | tuple):
            chunks.extend(str(v) for v in value)
        elif value:
            chunks.append(str(value))
    return " ".join(plain_text(chunk) for chunk in chunks if chunk)


def _excerpt_source(obj, terms, custom=None):
    if custom is not None:
        return plain_text(custom(obj))
    description = plain_text(getattr(obj, "search_description", ""))
    body = searchable_text(obj)
    lowered = description.lower()
    if description and any(t in lowered for t in terms):
        return description
    return body or description


def load_hits(hits, request, terms, language_code):
    """Load the objects of the shown hits (a constant number of queries) and render
    title, excerpt and URL of each."""
    reader, default = reader_locales(language_code)
    locales = {reader.pk: reader, default.pk: default}
    by_model = {}
    for hit in hits:
        by_model.setdefault(hit.model, []).append(hit.pk)
    objects = {}
    for model, pks in by_model.items():
        queryset = model._default_manager.filter(pk__in=pks)
        if model is Page:
            queryset = queryset.specific()
        for obj in queryset:
            objects[(model, obj.pk)] = obj
    searchables = {s.model: s for s in registry.searchables}
    shown = []
    for hit in hits:
        obj = objects.get((hit.model, hit.pk))
        if obj is None:  # deleted between search and load
            continue
        if getattr(obj, "locale_id", None) in locales:
            obj.locale = locales[obj.locale_id]  # spares a query per result
        hit.obj = obj
        searchable = searchables.get(hit.model)
        if searchable is None:
            title = obj.title
            url = obj.get_url(request) or ""
            if hit.fallback:
                url = swap_language_prefix(url, language_code)
            excerpt = _excerpt_source(obj, terms)
        else:
            title = searchable.title(obj) if searchable.title else str(obj)
            url = searchable.url(obj, request)
            excerpt = _excerpt_source(obj, terms, searchable.excerpt)
        hit.plain_title = plain_text(title)
        hit.title = highlight(title, terms, length=300)
        hit.excerpt = highlight(excerpt, terms)
        hit.url = url
        shown.append(hit)
    return shown


def _matches(candidates, terms, limit, order_by_relevance):
    """The objects of `candidates` matching `terms`, by the first mode that finds any."""
    for mode in (EXACT, PREFIX, FUZZY):
        if not mode_applies(mode, terms):
            continue
        results = backend_results(mode, terms, candidates, order_by_relevance)
        found = list(results[:limit] if limit else results)
        if found:
            return found
    return []


def filter_queryset(queryset, raw_query, language_code=None):
    """`queryset` narrowed to the (at most MAX_RESULTS) objects matching `raw_query`,
    best first.

    The free-text part goes through the search index, with the same tolerance (umlauts,
    prefix, typos on PostgreSQL) as the site search. An empty query leaves the queryset
    unchanged. For every match, unranked, see `all_matching`.
    """
    from django.db.models import Case, IntegerField, Value, When

    terms = query_terms(raw_query)
    if not terms:
        return queryset
    candidates = queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
    ids = [obj.pk for obj in _matches(candidates, terms, MAX_RESULTS, True)]
    if not ids:
        return queryset.none()
    ranking = Case(
        *[When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).order_by(ranking)


def all_matching(queryset, raw_query, *fields):
    """Every object of `queryset` matching `raw_query` (no cap, no ranking), loading only
    `fields`: for list views that sort and filter the matches themselves (the directory's
    free text combined with its facets). None for an empty query."""
    terms = query_terms(raw_query)
    if not terms:
        return None
    candidates = queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
    return _matches(candidates.only("pk", *fields), terms, None, False)
