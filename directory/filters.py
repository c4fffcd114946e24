"""The public directory's filters: parse the query string, filter, count facets.

Filters combine with AND across filters and OR within one filter. Facet counts are
"disjunctive": the count next to an option is the number of results the reader gets when
that option is chosen in its filter (all other filters kept) — for a filter with nothing
chosen, simply how many of the current results have that option.

The filtered set is always the live German (source) entries; vocabulary links of
translations point at the German vocabulary entries too (they are synchronised fields).
A fixed number of queries runs whatever the number of organisations.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, ExpressionWrapper, F, FloatField, Q, Value
from django.db.models.functions import Coalesce, Lower
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from directory.models import (
    OFFERS_FOR,
    District,
    FocusArea,
    Language,
    Organisation,
    Origin,
)
from search.engine import all_matching

MAX_QUERY_LENGTH = 200
SORT_NAME = "name"
SORT_DISTANCE = "entfernung"
# One degree of longitude is about 0.62 of a degree of latitude at Münster's latitude.
LONGITUDE_SCALE = Decimal("0.62")


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    lang: str = ""  # set when the label is not in the reader's language
    children: list = field(default_factory=list)


@dataclass
class Facet:
    param: str
    label: str
    options: list
    selected: list


def _values(query, param):
    values = []
    for raw in query.getlist(param):
        values += [v.strip() for v in raw.split(",") if v.strip()]
    return list(dict.fromkeys(values))  # unique, order kept


class VocabularyNames:
    """Names of vocabulary entries in the reader's language, by German entry.

    One query per vocabulary model for the German entries and their translations.
    """

    def __init__(self, model, reader_locale, source_locale):
        rows = list(
            model.objects.filter(locale__in={reader_locale.pk, source_locale.pk}).order_by()
        )
        self.source_language = source_locale.language_code
        self.source = {row.pk: row for row in rows if row.locale_id == source_locale.pk}
        self.by_slug = {row.slug: row for row in self.source.values()}
        translated = {row.translation_key: row for row in rows if row.locale_id == reader_locale.pk}
        self.reader = {pk: translated.get(row.translation_key) for pk, row in self.source.items()}

    def label(self, pk):
        """(name, lang): the reader's name, or the German one with lang="de"."""
        translated = self.reader.get(pk)
        if translated is not None:
            return translated.name, ""
        source = self.source.get(pk)
        return (source.name, self.source_language) if source else ("", "")

    def names(self, pks):
        return [self.label(pk)[0] for pk in pks]


class DirectoryQuery:
    """Everything the list, the map and the downloads need for one query string."""

    VOCABULARY_FACETS = [
        # (param, model, M2M field on Organisation, label)
        ("herkunft", Origin, "origins", gettext_lazy("Origin")),
        ("sprache", Language, "languages", gettext_lazy("Languages")),
        ("schwerpunkt", FocusArea, "focus_areas", gettext_lazy("Focus areas")),
    ]

    def __init__(self, query: QueryDict, reader_locale=None):
        self.query = query
        self.source_locale = Locale.get_default()
        self.reader_locale = reader_locale or Locale.get_active()
        self.errors = []
        self.vocabularies = {
            Origin: VocabularyNames(Origin, self.reader_locale, self.source_locale),
            Language: VocabularyNames(Language, self.reader_locale, self.source_locale),
            FocusArea: VocabularyNames(FocusArea, self.reader_locale, self.source_locale),
            District: VocabularyNames(District, self.reader_locale, self.source_locale),
        }
        self.conditions = {}  # param -> Q
        self.selected = {}  # param -> [values]
        self._parse()

    # --- parsing ---------------------------------------------------------------------

    def _invalid(self, param, value):
        self.errors.append(
            _("“%(value)s” is not a valid value for the filter “%(filter)s”.")
            % {"value": value, "filter": param}
        )

    def _parse(self):
        query = self.query
        for param, model, field_name, _label in self.VOCABULARY_FACETS:
            values = _values(query, param)
            if not values:
                continue
            names = self.vocabularies[model]
            pks = []
            for value in values:
                entry = names.by_slug.get(value)
                if entry is None:
                    self._invalid(param, value)
                else:
                    pks.append(entry.pk)
            through = Organisation._meta.get_field(field_name).remote_field.through
            column = f"{model._meta.model_name}_id"
            self.selected[param] = values
            self.conditions[param] = Q(
                pk__in=through.objects.filter(**{f"{column}__in": pks}).values("organisation_id")
            )

        values = _values(query, "stadtteil")
        if values:
            names = self.vocabularies[District]
            pks = set()
            for value in values:
                entry = names.by_slug.get(value)
                if entry is None:
                    self._invalid("stadtteil", value)
                    continue
                pks.add(entry.pk)
                # A Stadtbezirk includes its Stadtteile.
                pks |= {d.pk for d in names.source.values() if d.parent_id == entry.pk}
            self.selected["stadtteil"] = values
            self.conditions["stadtteil"] = Q(district_id__in=pks)

        values = _values(query, "art")
        if values:
            valid = set(Organisation.Kind.values)
            for value in values:
                if value not in valid:
                    self._invalid("art", value)
            self.selected["art"] = values
            self.conditions["art"] = Q(kind__in=[v for v in values if v in valid])

        values = _values(query, "angebot")
        if values:
            fields = {value: field_name for value, field_name, _label in OFFERS_FOR}
            condition = Q(pk__in=[])
            for value in values:
                if value not in fields:
                    self._invalid("angebot", value)
                else:
                    condition |= Q(**{fields[value]: True})
            self.selected["angebot"] = values
            self.conditions["angebot"] = condition

        self.q = " ".join(query.get("q", "").split())
        if len(self.q) > MAX_QUERY_LENGTH:
            self.errors.append(_("The search text is too long."))
        if self.q:
            self.conditions["q"] = Q(translation_key__in=self._search_keys(self.q))

        self.sort = query.get("sortierung", "") or SORT_NAME
        self.near = None
        if self.sort not in (SORT_NAME, SORT_DISTANCE):
            self._invalid("sortierung", self.sort)
            self.sort = SORT_NAME
        elif self.sort == SORT_DISTANCE:
            near = query.get("nahe", "")
            self.near = self.vocabularies[District].by_slug.get(near)
            if self.near is None:
                self.errors.append(
                    _("Choose a district to sort by distance.")
                    if not near
                    else _("“%(value)s” is not a valid value for the filter “%(filter)s”.")
                    % {"value": near, "filter": "nahe"}
                )
                self.sort = SORT_NAME

    def _search_keys(self, text):
        """Translation keys of the live entries (any language) that match the text."""
        if len(text) > MAX_QUERY_LENGTH:
            return []
        # The site search's matching (umlaut folding, prefix, typos on PostgreSQL), so the
        # directory's free text behaves like the header search.
        # Every match, not the best few: the facets and the sort order apply afterwards.
        matches = all_matching(Organisation.objects.filter(live=True), text, "translation_key")
        return list({organisation.translation_key for organisation in matches or []})

    # --- results ---------------------------------------------------------------------

    def base(self):
        return Organisation.objects.filter(locale=self.source_locale, live=True)

    def filtered(self, exclude=None):
        queryset = self.base()
        if self.errors:
            return queryset.none()
        for param, condition in self.conditions.items():
            if param != exclude:
                queryset = queryset.filter(condition)
        return queryset

    def results(self):
        queryset = self.filtered().select_related("district")
        if self.sort == SORT_DISTANCE and self.near is not None:
            lat0, lng0 = self.near.latitude, self.near.longitude
            lat = Coalesce(F("latitude"), F("district__latitude"))
            lng = Coalesce(F("longitude"), F("district__longitude"))
            distance = ExpressionWrapper(
                (lat - Value(lat0)) * (lat - Value(lat0))
                + (lng - Value(lng0)) * (lng - Value(lng0)) * Value(LONGITUDE_SCALE**2),
                output_field=FloatField(),
            )
            return queryset.annotate(distance=distance).order_by(
                F("distance").asc(nulls_last=True), Lower("name"), "pk"
            )
        return queryset.order_by(Lower("name"), "pk")

    # --- facets ----------------------------------------------------------------------

    def facets(self):
        facets = []
        for param, model, field_name, label in self.VOCABULARY_FACETS:
            through = Organisation._meta.get_field(field_name).remote_field.through
            column = f"{model._meta.model_name}_id"
            counts = dict(
                through.objects.filter(organisation_id__in=self.filtered(param).values("pk"))
                .values_list(column)
                .annotate(n=Count("organisation_id"))
                .order_by()
            )
            facets.append(self._vocabulary_facet(param, label, self.vocabularies[model], counts))
        facets.append(self._district_facet())
        facets.append(self._kind_facet())
        facets.append(self._offers_facet())
        return facets

    def _vocabulary_facet(self, param, label, names, counts):
        selected = self.selected.get(param, [])
        options = []
        for pk, entry in names.source.items():
            count = counts.get(pk, 0)
            if count or entry.slug in selected:
                name, lang = names.label(pk)
                options.append(Option(entry.slug, name, count, entry.slug in selected, lang))
        options.sort(key=lambda option: option.label.casefold())
        return Facet(param, str(label), options, selected)

    def _district_facet(self):
        names = self.vocabularies[District]
        selected = self.selected.get("stadtteil", [])
        counts = dict(
            self.filtered("stadtteil")
            .exclude(district=None)
            .values_list("district_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        bezirke = []
        for pk, entry in names.source.items():
            if entry.parent_id is not None:
                continue
            children = []
            total = counts.get(pk, 0)
            for child_pk, child in names.source.items():
                if child.parent_id == pk:
                    count = counts.get(child_pk, 0)
                    total += count
                    if count or child.slug in selected:
                        name, lang = names.label(child_pk)
                        children.append(
                            Option(child.slug, name, count, child.slug in selected, lang)
                        )
            if total or entry.slug in selected:
                children.sort(key=lambda option: option.label.casefold())
                name, lang = names.label(pk)
                bezirke.append(
                    Option(entry.slug, name, total, entry.slug in selected, lang, children)
                )
        bezirke.sort(key=lambda option: option.label.casefold())
        return Facet("stadtteil", _("District"), bezirke, selected)

    def _kind_facet(self):
        selected = self.selected.get("art", [])
        counts = dict(self.filtered("art").values_list("kind").annotate(n=Count("pk")).order_by())
        options = [
            Option(value, str(label), counts.get(value, 0), value in selected)
            for value, label in Organisation.Kind.choices
            if counts.get(value) or value in selected
        ]
        return Facet("art", _("Kind of organisation"), options, selected)

    def _offers_facet(self):
        selected = self.selected.get("angebot", [])
        counts = self.filtered("angebot").aggregate(
            **{
                field_name: Count("pk", filter=Q(**{field_name: True}))
                for _value, field_name, _label in OFFERS_FOR
            }
        )
        options = [
            Option(value, str(label), counts[field_name], value in selected)
            for value, field_name, label in OFFERS_FOR
            if counts[field_name] or value in selected
        ]
        return Facet("angebot", _("Offers for"), options, selected)

    # --- chips and links ---------------------------------------------------------------

    def active_filters(self):
        """[(label, url without this value)] for the "remove filter" chips."""
        chips = []
        labels = {}
        vocabulary_params = [(param, model) for param, model, _f, _l in self.VOCABULARY_FACETS]
        for param, model in vocabulary_params + [("stadtteil", District)]:
            names = self.vocabularies[model]
            for slug, entry in names.by_slug.items():
                labels[(param, slug)] = names.label(entry.pk)[0]
        for value, label in Organisation.Kind.choices:
            labels[("art", value)] = str(label)
        for value, _field_name, label in OFFERS_FOR:
            labels[("angebot", value)] = str(label)
        for param, values in self.selected.items():
            for value in values:
                chips.append((labels.get((param, value), value), self.url_without(param, value)))
        if self.q:
            chips.append((f"„{self.q}“", self.url_without("q", self.q)))
        return chips

    def url_without(self, param, value):
        query = self.query.copy()
        query.pop("seite", None)
        if param == "q":
            query.pop("q", None)
        else:
            remaining = [v for v in self.selected.get(param, []) if v != value]
            query.setlist(param, remaining)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    def querystring(self, drop=("seite",)):
        query = self.query.copy()
        for key in drop:
            query.pop(key, None)
        return query.urlencode()
