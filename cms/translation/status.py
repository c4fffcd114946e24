"""Where each piece of content stands in each language — computed in a fixed number of
queries whatever the amount of content (a few per content type).

States of a translation (one content item × one language):
- missing: no translation (a page alias that only mirrors German counts as missing);
- draft: a translation exists but was never published;
- outdated: published, but the German source was published again afterwards;
- current: published after the latest German publication.
Snippets without draft states have no publication dates: an existing copy is "current".
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.translation.permissions import snippet_url_namespace, translatable_snippet_models

MISSING, DRAFT, OUTDATED, CURRENT = "missing", "draft", "outdated", "current"
STATES = [
    (MISSING, _("missing")),
    (DRAFT, _("draft")),
    (OUTDATED, _("outdated")),
    (CURRENT, _("up to date")),
]
STATE_LABELS = dict(STATES)


@dataclass
class Cell:
    state: str
    target_id: object = None
    edit_url: str = ""

    @property
    def label(self):
        return STATE_LABELS[self.state]


@dataclass
class Row:
    kind: str  # "page" or the snippet model's label
    kind_label: str
    source_id: object
    translation_key: object
    title: str
    edit_url: str
    cells: dict = field(default_factory=dict)  # locale id -> Cell


def target_locales():
    default = Locale.get_default()
    return list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))


def content_kinds():
    """("page", label) plus every translatable snippet model."""
    kinds = [("page", _("Page"))]
    for model in translatable_snippet_models():
        kinds.append((model._meta.label_lower, model._meta.verbose_name))
    return kinds


def _state(live, published_at, source_published_at):
    if not live:
        return DRAFT
    if source_published_at and published_at and published_at < source_published_at:
        return OUTDATED
    return CURRENT


def _page_rows(default, locales):
    rows = []
    sources = (
        Page.objects.filter(locale=default, depth__gt=1)
        .order_by("path")
        .values("id", "translation_key", "title", "last_published_at", "content_type_id")
    )
    copies = defaultdict(dict)
    for copy in (
        Page.objects.filter(depth__gt=1, alias_of__isnull=True)
        .exclude(locale=default)
        .values("id", "translation_key", "locale_id", "live", "last_published_at")
    ):
        copies[copy["translation_key"]][copy["locale_id"]] = copy
    for source in sources:
        content_type = ContentType.objects.get_for_id(source["content_type_id"])
        model = content_type.model_class()
        row = Row(
            kind="page",
            kind_label=model._meta.verbose_name if model else _("Page"),
            source_id=source["id"],
            translation_key=source["translation_key"],
            title=source["title"],
            edit_url=reverse("wagtailadmin_pages:edit", args=[source["id"]]),
        )
        for locale in locales:
            copy = copies[source["translation_key"]].get(locale.pk)
            if copy is None:
                row.cells[locale.pk] = Cell(MISSING)
            else:
                row.cells[locale.pk] = Cell(
                    _state(copy["live"], copy["last_published_at"], source["last_published_at"]),
                    copy["id"],
                    reverse("wagtailadmin_pages:edit", args=[copy["id"]]),
                )
        rows.append(row)
    return rows


def _snippet_rows(model, default, locales):
    draftable = issubclass(model, DraftStateMixin)
    url_name = f"{snippet_url_namespace(model)}:edit"
    fields = ["pk", "translation_key", "locale_id"] + (
        ["live", "last_published_at"] if draftable else []
    )
    copies = defaultdict(dict)
    for copy in model.objects.exclude(locale=default).values(*fields):
        copies[copy["translation_key"]][copy["locale_id"]] = copy
    rows = []
    for source in model.objects.filter(locale=default).order_by("pk"):
        row = Row(
            kind=model._meta.label_lower,
            kind_label=model._meta.verbose_name,
            source_id=source.pk,
            translation_key=source.translation_key,
            title=str(source),
            edit_url=reverse(url_name, args=[source.pk]),
        )
        for locale in locales:
            copy = copies[source.translation_key].get(locale.pk)
            if copy is None:
                row.cells[locale.pk] = Cell(MISSING)
                continue
            if draftable:
                state = _state(copy["live"], copy["last_published_at"], source.last_published_at)
            else:
                state = CURRENT
            row.cells[locale.pk] = Cell(state, copy["pk"], reverse(url_name, args=[copy["pk"]]))
        rows.append(row)
    return rows


def status_rows(locales, kind=None):
    """One Row per German content item (pages and translatable snippets)."""
    default = Locale.get_default()
    rows = []
    if kind in (None, "", "page"):
        rows += _page_rows(default, locales)
    for model in translatable_snippet_models():
        if kind in (None, "", model._meta.label_lower):
            rows += _snippet_rows(model, default, locales)
    return rows


def filter_rows(rows, locale_id=None, state=None, query=""):
    query = (query or "").strip().lower()
    result = []
    for row in rows:
        if query and query not in row.title.lower():
            continue
        if state:
            cells = [row.cells[locale_id]] if locale_id else row.cells.values()
            if not any(cell.state == state for cell in cells):
                continue
        result.append(row)
    return result


def counts_per_locale(rows, locales):
    """{locale id: Counter(state -> number)}"""
    counts = {locale.pk: Counter() for locale in locales}
    for row in rows:
        for locale_id, cell in row.cells.items():
            counts[locale_id][cell.state] += 1
    return counts


def most_read_share(locales, top=20):
    """For the `top` most viewed German pages (anonymous view counter), the share that
    has a published translation in each language. Returns (pages, {locale id: (n, %)})."""
    from cms.translation.models import ContentViewCount, flush_view_counts

    default = Locale.get_default()
    flush_view_counts(
        Page.objects.filter(locale=default, live=True).values_list("translation_key", flat=True)
    )
    keys = list(
        ContentViewCount.objects.filter(
            views__gt=0,
            translation_key__in=Page.objects.filter(locale=default, live=True).values(
                "translation_key"
            ),
        )
        .order_by("-views", "translation_key")
        .values_list("translation_key", flat=True)[:top]
    )
    available = Counter(
        Page.objects.filter(translation_key__in=keys, live=True, alias_of__isnull=True)
        .exclude(locale=default)
        .values_list("locale_id", flat=True)
    )
    shares = {}
    for locale in locales:
        n = available.get(locale.pk, 0)
        shares[locale.pk] = (n, round(100 * n / len(keys)) if keys else None)
    return len(keys), shares


@dataclass
class QueueItem:
    translation: Translation
    row: Row
    cell: Cell
    locale: Locale
    total: int
    translated: int

    @property
    def state(self):
        return self.cell.state

    needs_review: bool = False

    @property
    def is_new(self):
        return self.cell.state == DRAFT and self.translated == 0


def queue(locales):
    """Open work (draft or outdated translations) in `locales`, with progress."""
    locale_ids = {locale.pk for locale in locales}
    locales_by_id = {locale.pk: locale for locale in locales}
    rows = {row.translation_key: row for row in status_rows(locales)}
    translations = list(
        Translation.objects.filter(enabled=True, target_locale_id__in=locale_ids).select_related(
            "source"
        )
    )
    source_ids = {t.source_id for t in translations}
    segments = defaultdict(set)
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source_id__in=source_ids
    ).values_list("source_id", "string_id", "context_id"):
        segments[source_id].add((string_id, context_id))
    done = defaultdict(set)
    for locale_id, string_id, context_id in StringTranslation.objects.filter(
        locale_id__in=locale_ids,
        has_error=False,
        context__stringsegment__source_id__in=source_ids,
    ).values_list("locale_id", "translation_of_id", "context_id"):
        done[locale_id].add((string_id, context_id))
    unreviewed = unreviewed_machine_translations(translations)
    items = []
    for translation in translations:
        row = rows.get(translation.source.object_id)
        if row is None:
            continue
        cell = row.cells.get(translation.target_locale_id)
        if cell is None or cell.state == MISSING:
            continue
        if cell.state == CURRENT and translation.pk not in unreviewed:
            continue
        wanted = segments[translation.source_id]
        items.append(
            QueueItem(
                translation=translation,
                row=row,
                cell=cell,
                locale=locales_by_id[translation.target_locale_id],
                total=len(wanted),
                translated=len(wanted & done[translation.target_locale_id]),
                needs_review=translation.pk in unreviewed,
            )
        )
    items.sort(key=lambda item: (item.state != OUTDATED, item.locale.language_code, item.row.title))
    return items


def unreviewed_machine_translations(translations):
    """Ids of the translations using machine-translated text not marked as reviewed
    since (two queries)."""
    from django.db.models import Max

    from cms.translation.models import MachineTranslationReview

    by_key = {(t.source_id, t.target_locale_id): t for t in translations}
    if not by_key:
        return set()
    latest = (
        StringTranslation.objects.filter(
            locale_id__in={key[1] for key in by_key},
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            context__stringsegment__source_id__in={key[0] for key in by_key},
        )
        .values_list("context__stringsegment__source_id", "locale_id")
        .annotate(latest=Max("updated_at"))
    )
    reviews = dict(
        MachineTranslationReview.objects.filter(
            translation_id__in=[t.pk for t in translations]
        ).values_list("translation_id", "reviewed_at")
    )
    result = set()
    for source_id, locale_id, when in latest:
        translation = by_key.get((source_id, locale_id))
        if translation is None:
            continue
        reviewed = reviews.get(translation.pk)
        if reviewed is None or reviewed < when:
            result.add(translation.pk)
    return result
