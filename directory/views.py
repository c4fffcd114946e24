"""Public views of the directory: list + map, profile, GeoJSON and CSV downloads."""

import copy
import gc
import io
import json
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import FloatField
from django.db.models.functions import Cast, Lower
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale
from wagtail_localize.fields import TranslatableField

from directory.filters import SORT_DISTANCE, DirectoryQuery, VocabularyNames
from directory.importer import export_rows, write_csv
from directory.linking import topics_for_organisation
from directory.models import District, FocusArea, Language, Organisation, Origin

PAGE_SIZE = 20
M2M = {"origins": Origin, "languages": Language, "focus_areas": FocusArea}

# Same escapes as django.utils.html.json_script: the JSON cannot end the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def map_settings():
    tile_url = settings.DIRECTORY_MAP_TILE_URL
    return {
        "tile_url": tile_url,
        "tile_host": urlsplit(tile_url.replace("{s}", "a")).hostname or "",
        "attribution": settings.DIRECTORY_MAP_ATTRIBUTION,
    }


def _m2m_pks(organisation_ids):
    """{column: {organisation pk: [vocabulary pks]}} in one query per vocabulary."""
    result = {}
    for column, model in M2M.items():
        through = Organisation._meta.get_field(column).remote_field.through
        fk = f"{model._meta.model_name}_id"
        mapping = {}
        for organisation_id, pk in through.objects.filter(
            organisation_id__in=organisation_ids
        ).values_list("organisation_id", fk):
            mapping.setdefault(organisation_id, []).append(pk)
        result[column] = mapping
    return result


class Entry:
    """An organisation as the reader sees it: their language if translated, else German."""

    def __init__(self, source, translation, m2m, names, kind_labels):
        self.source = source
        self.display = translation or source
        self.is_fallback = translation is None and source.locale_id != names.reader_locale_id
        self.lang = "de" if self.is_fallback else ""
        self.url = source.get_url()
        self.kind = kind_labels.get(source.kind, "")
        self.district = names.district(source.district_id)
        self.languages = sorted(names.names(Language, m2m["languages"].get(source.pk, [])))
        self.focus_areas = sorted(names.names(FocusArea, m2m["focus_areas"].get(source.pk, [])))
        self.origins = sorted(names.names(Origin, m2m["origins"].get(source.pk, [])))
        self.position = source.position()


class Names:
    """Vocabulary names in the reader's language, for all four vocabularies."""

    def __init__(self, directory_query):
        self.vocabularies = directory_query.vocabularies
        self.reader_locale_id = directory_query.reader_locale.pk

    def names(self, model, pks):
        return self.vocabularies[model].names(pks)

    def district(self, pk):
        return self.vocabularies[District].label(pk)[0] if pk else ""


def entries_for(directory_query, organisations):
    organisations = list(organisations)
    ids = [o.pk for o in organisations]
    m2m = _m2m_pks(ids)
    reader = directory_query.reader_locale
    translations = {}
    if reader.pk != directory_query.source_locale.pk:
        translations = {
            t.translation_key: t
            for t in Organisation.objects.filter(
                locale=reader,
                live=True,
                translation_key__in=[o.translation_key for o in organisations],
            )
        }
    names = Names(directory_query)
    kind_labels = dict(Organisation.Kind.choices)
    return [
        Entry(o, translations.get(o.translation_key), m2m, names, kind_labels)
        for o in organisations
    ]


def _download_url(name, directory_query):
    query = directory_query.querystring(drop=("seite", "sortierung", "nahe"))
    url = reverse(name)
    return f"{url}?{query}" if query else url


def directory_list(request):
    directory_query = DirectoryQuery(request.GET)
    paginator = Paginator(directory_query.results(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("seite"))
    entries = entries_for(directory_query, page.object_list)
    district_names = directory_query.vocabularies[District]
    districts_for_sorting = sorted(
        (
            (entry.slug, district_names.label(pk)[0], entry.parent_id is None)
            for pk, entry in district_names.source.items()
        ),
        key=lambda item: item[1].casefold(),
    )
    context = {
        "query": directory_query,
        "facets": directory_query.facets(),
        "chips": directory_query.active_filters(),
        "page_obj": page,
        "paginator": paginator,
        "entries": entries,
        "pagination_query": directory_query.querystring(),
        "geojson_url": _download_url("directory:geojson", directory_query),
        "csv_url": _download_url("directory:csv", directory_query),
        "districts_for_sorting": districts_for_sorting,
        "sort_distance": SORT_DISTANCE,
        "map": map_settings(),
        "licence_name": settings.DIRECTORY_DATA_LICENCE_NAME,
        "licence_url": settings.DIRECTORY_DATA_LICENCE_URL,
    }
    return render(request, "directory/organisation_list.html", context)


@contextmanager
def _gc_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def directory_geojson(request):
    """The filtered result as a GeoJSON FeatureCollection, in the reader's language.

    The whole directory is thousands of entries: only the columns the map needs are read
    (no model instances), vocabulary names come from the tables `DirectoryQuery` already
    loaded, and the URL is built once — a fixed number of queries and little Python per
    entry."""
    directory_query = DirectoryQuery(request.GET)
    # In name order, as the list: neighbouring names make the response compress better.
    # Coordinates as floats straight from the database (no Decimal per entry).
    rows = (
        directory_query.filtered()
        .order_by(Lower("name"), "pk")
        .annotate(lat=Cast("latitude", FloatField()), lng=Cast("longitude", FloatField()))
        .values_list("pk", "slug", "name", "kind", "translation_key", "district_id", "lat", "lng")
    )
    selected = directory_query.filtered()
    reader = directory_query.reader_locale
    translated_names = {}
    if reader.pk != directory_query.source_locale.pk:
        translated_names = dict(
            Organisation.objects.filter(
                locale=reader,
                live=True,
                translation_key__in=selected.values("translation_key"),
            ).values_list("translation_key", "name")
        )
    through = Organisation.languages.through
    languages = {}
    for organisation_id, language_id in through.objects.filter(
        organisation_id__in=selected.values("pk")
    ).values_list("organisation_id", "language_id"):
        languages.setdefault(organisation_id, []).append(language_id)
    vocabulary = directory_query.vocabularies[Language]
    language_names = {pk: vocabulary.label(pk)[0] for pk in vocabulary.source}
    districts = directory_query.vocabularies[District]
    district_names = {pk: districts.label(pk)[0] for pk in districts.source}
    kind_labels = {value: str(label) for value, label in Organisation.Kind.choices}
    base_url = request.build_absolute_uri(reverse("directory:list"))
    centres = {pk: (float(d.latitude), float(d.longitude)) for pk, d in districts.source.items()}
    features = []
    # Thousands of small dicts and lists, none of them cyclic: pause the cycle collector
    # while building them (it would walk the whole heap several times).
    with _gc_paused():
        for pk, slug, name, kind, key, district_id, latitude, longitude in rows:
            approximate = latitude is None or longitude is None
            if approximate:
                if district_id not in centres:
                    continue
                latitude, longitude = centres[district_id]
            features.append(
                {
                    "type": "Feature",
                    "id": slug,
                    "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
                    "properties": {
                        "name": translated_names.get(key, name),
                        "kind": kind_labels.get(kind, ""),
                        "languages": sorted(language_names[p] for p in languages.get(pk, ())),
                        "district": district_names.get(district_id, ""),
                        "url": f"{base_url}{slug}/",
                        "approximate_location": approximate,
                    },
                }
            )
    data = {
        "type": "FeatureCollection",
        "features": features,
        "licence": settings.DIRECTORY_DATA_LICENCE_NAME,
        "errors": directory_query.errors,
    }
    response = JsonResponse(
        data, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")}
    )
    response["Content-Type"] = "application/geo+json; charset=utf-8"
    return response


def directory_csv(request):
    """The filtered result as CSV in the import format (German source data)."""
    directory_query = DirectoryQuery(request.GET)
    organisations = list(directory_query.results())
    m2m = _m2m_pks([o.pk for o in organisations])
    vocabularies = directory_query.vocabularies
    m2m_names = {
        column: {
            pk: [
                vocabularies[model].source[v].name
                for v in values
                if v in vocabularies[model].source
            ]
            for pk, values in m2m[column].items()
        }
        for column, model in M2M.items()
    }
    district_names = {pk: d.name for pk, d in vocabularies[District].source.items()}
    stream = io.StringIO()
    write_csv(stream, export_rows(organisations, m2m_names, district_names))
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organisationen-muenster.csv"'
    return response


def _json_ld(request, organisation, entry_names):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "description": organisation.short_description,
        "url": request.build_absolute_uri(organisation.get_url()),
    }
    if organisation.website:
        data["sameAs"] = [organisation.website, *organisation.social_link_list]
    if organisation.email:
        data["email"] = organisation.email
    if organisation.phone:
        data["telephone"] = organisation.phone
    if organisation.founding_year:
        data["foundingDate"] = str(organisation.founding_year)
    if organisation.street_address or organisation.postcode:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": organisation.street_address,
            "postalCode": organisation.postcode,
            "addressLocality": "Münster",
            "addressCountry": "DE",
        }
    if organisation.latitude is not None and organisation.longitude is not None:
        data["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(organisation.latitude),
                "longitude": float(organisation.longitude),
            },
        }
    if entry_names["languages"]:
        data["knowsLanguage"] = entry_names["languages"]
    if organisation.contact_person_public and organisation.contact_person:
        data["contactPoint"] = {"@type": "ContactPoint", "name": organisation.contact_person}
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def detail_context(request, organisation, source=None, is_preview=False):
    """Context for the profile: `organisation` is what is shown (translation, German
    entry or, in the admin preview, an unsaved revision)."""
    source = source or organisation
    reader = Locale.get_active()
    default = Locale.get_default()
    vocabularies = {
        model: VocabularyNames(model, reader, default)
        for model in (Origin, Language, FocusArea, District)
    }
    names = {
        column: sorted(
            vocabularies[model].names(obj.pk for obj in getattr(organisation, column).all())
        )
        for column, model in M2M.items()
    }
    district = (
        vocabularies[District].label(organisation.district_id)[0]
        if organisation.district_id
        else ""
    )
    is_fallback = organisation.locale_id != reader.pk
    return {
        # Languages with a live translation: the language switcher and hreflang.
        "translated_languages": set(
            Organisation.objects.filter(
                translation_key=source.translation_key, live=True
            ).values_list("locale__language_code", flat=True)
        )
        if source.pk
        else None,
        "organisation": organisation,
        "source": source,
        "names": names,
        "district": district,
        "kind": dict(Organisation.Kind.choices).get(organisation.kind, ""),
        "accessibility": dict(Organisation.Accessibility.choices).get(organisation.accessibility),
        "position": organisation.position(),
        "is_fallback": is_fallback,
        "content_language": organisation.locale.language_code if is_fallback else get_language(),
        "reader_language": dict(settings.LANGUAGES).get(get_language(), get_language()),
        "json_ld": _json_ld(request, organisation, names),
        # The "report a correction" form (directory/corrections.py), for published entries.
        "correction_url": reverse("directory:correction", kwargs={"slug": source.slug})
        if source.pk and source.live and not is_preview
        else "",
        "map": map_settings(),
        "topic_pages": topics_for_organisation(source, request) if source.pk else [],
        "is_preview": is_preview,
        "request": request,
    }


def with_source_facts(translation, source):
    """What a translated profile shows: the translation's texts on the German entry's facts.

    Contacts, address, coordinates, vocabularies, logo and consents are synchronised
    fields; a translation's own copies of them are only as fresh as its last sync, so a
    withdrawn consent or a new phone number in German would linger in other languages.
    """
    shown = copy.copy(source)
    for field in Organisation.translatable_fields:
        if isinstance(field, TranslatableField):
            setattr(shown, field.field_name, getattr(translation, field.field_name))
    shown.locale, shown.locale_id = translation.locale, translation.locale_id
    shown.last_published_at = translation.last_published_at
    return shown


def directory_detail(request, slug):
    source = get_object_or_404(
        Organisation.objects.select_related("district", "logo"),
        locale=Locale.get_default(),
        slug=slug,
        live=True,
    )
    reader = Locale.get_active()
    organisation = source
    if reader.pk != source.locale_id:
        translation = (
            Organisation.objects.filter(
                translation_key=source.translation_key, locale=reader, live=True
            )
            .select_related("locale")
            .first()
        )
        if translation is not None:
            organisation = with_source_facts(translation, source)
    return render(
        request, "directory/organisation_detail.html", detail_context(request, organisation, source)
    )
