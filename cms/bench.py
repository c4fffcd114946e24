"""The endpoints `make bench` measures, resolved against the current database.

Each app contributes its endpoints when its content exists, so the benchmark grows with
the portal. Paths are language-prefixed public URLs. The same list drives the query-count
tests (tests/test_scale_data.py), so what is benchmarked is also bounded in tests.
"""

from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

SEARCH_TEXT = "Beratung"


def _first_live(model_path):
    from django.apps import apps

    try:
        model = apps.get_model(model_path)
    except LookupError:
        return None
    if issubclass(model, Page):
        return model.objects.live().filter(locale__language_code="de").order_by("path").first()
    return model.objects.first()


def _most_used(through, column):
    """The vocabulary pk linked to most German organisations (a filter with results)."""
    return (
        through.objects.filter(organisation__locale=Locale.get_default(), organisation__live=True)
        .values_list(column, flat=True)
        .annotate(n=Count("organisation_id"))
        .order_by("-n", column)
        .first()
    )


def _directory_endpoints():
    from directory.models import District, Language, Organisation, Origin

    german = Locale.get_default()
    organisations = Organisation.objects.filter(locale=german, live=True)
    first = organisations.order_by("name", "pk").first()
    if first is None:
        return []
    origin = Origin.objects.get(pk=_most_used(Organisation.origins.through, "origin_id")).slug
    language = Language.objects.get(
        pk=_most_used(Organisation.languages.through, "language_id")
    ).slug
    district_pk = (
        organisations.exclude(district=None)
        .values_list("district__parent_id", flat=True)
        .annotate(n=Count("pk"))
        .order_by("-n", "district__parent_id")
        .first()
    )
    district = District.objects.get(pk=district_pk).slug if district_pk else ""
    with translation.override("de"):
        base = reverse("directory:list")
        filtered = f"{base}?herkunft={origin}&sprache={language}"
        if district:
            filtered += f"&stadtteil={district}"
        return [
            ("directory", base),
            ("directory, 3 filters", filtered),
            ("profile", first.get_url()),
            ("GeoJSON (all)", reverse("directory:geojson")),
        ]


def endpoints():
    found = [("home", "/de/")]
    for name, model_path in [
        ("topic page", "topics.TopicPage"),
        ("news index", "topics.NewsIndexPage"),
        ("event index", "topics.EventIndexPage"),
    ]:
        page = _first_live(model_path)
        if page is not None:
            found.append((name, page.url))
    found += _directory_endpoints()
    with translation.override("de"):
        found.append(("search results", f"{reverse('search')}?q={SEARCH_TEXT}"))
    news_index = _first_live("topics.NewsIndexPage")
    if news_index is not None:
        found.append(("news feed (RSS)", news_index.url + news_index.reverse_subpage("rss")))
    return found
