"""Admin views of the translation workflow: the translators' queue, the status overview
for editors (with CSV export), marking machine translation as reviewed, and the glossary
export."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail_localize.models import Translation

from cms.spreadsheet import safe_cell
from cms.translation import glossary, status
from cms.translation.models import MachineTranslationReview
from cms.translation.permissions import translator_locale_ids, user_can_edit_instance


def is_translation_manager(user):
    """Editors (who request translations) and superusers see every language."""
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


def visible_locales(user):
    locales = status.target_locales()
    if is_translation_manager(user):
        return locales
    own = translator_locale_ids(user)
    return [locale for locale in locales if locale.pk in own]


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/translation/queue.html"
    page_title = gettext_lazy("My translations")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, *args, **kwargs):
        self.locales = visible_locales(request.user)
        if not self.locales:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = self.request.GET.get("language", "")
        locales = [loc for loc in self.locales if loc.language_code == language] or self.locales
        items = status.queue(locales)
        context.update(
            {
                "items": items,
                "locales": self.locales,
                "language": language,
                "new_count": sum(1 for item in items if item.is_new),
                "outdated_count": sum(1 for item in items if item.state == status.OUTDATED),
            }
        )
        return context


class StatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/translation/status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, *args, **kwargs):
        if not is_translation_manager(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filters(self):
        get = self.request.GET
        all_locales = status.target_locales()
        language = get.get("language", "")
        locales = [loc for loc in all_locales if loc.language_code == language] or all_locales
        kinds = dict(status.content_kinds())
        kind = get.get("kind", "")
        state = get.get("state", "")
        return {
            "all_locales": all_locales,
            "locales": locales,
            "language": language if len(locales) == 1 and language else "",
            "kinds": kinds,
            "kind": kind if kind in kinds else "",
            "state": state if state in status.STATE_LABELS else "",
            "q": get.get("q", "").strip(),
        }

    def get_rows(self, filters):
        rows = status.status_rows(filters["locales"], kind=filters["kind"] or None)
        locale_id = filters["locales"][0].pk if filters["language"] else None
        return status.filter_rows(rows, locale_id, filters["state"], filters["q"])

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            filters = self.get_filters()
            return self.csv_response(filters, self.get_rows(filters))
        return super().get(request, *args, **kwargs)

    def csv_response(self, filters, rows):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
        writer = csv.writer(response)
        writer.writerow(["type", "id", "title"] + [loc.language_code for loc in filters["locales"]])
        for row in rows:
            writer.writerow(
                [row.kind, row.source_id, safe_cell(row.title)]
                + [row.cells[loc.pk].state for loc in filters["locales"]]
            )
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.get_filters()
        rows = self.get_rows(filters)
        counts = status.counts_per_locale(rows, filters["locales"])
        for row in rows:
            row.ordered = [row.cells[loc.pk] for loc in filters["locales"]]
        top, shares = status.most_read_share(filters["locales"])
        context.update(filters)
        context.update(
            {
                "rows": rows,
                "states": status.STATES,
                "summary": [
                    {
                        "locale": loc,
                        "counts": [(key, counts[loc.pk][key]) for key, _label in status.STATES],
                        "share": shares[loc.pk],
                    }
                    for loc in filters["locales"]
                ],
                "most_read_top": top,
                "csv_query": self.request.GET.copy().urlencode(),
            }
        )
        return context


@require_POST
def mark_reviewed(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id)
    try:
        target = translation.get_target_instance()
    except Exception as error:
        raise Http404 from error
    if not user_can_edit_instance(request.user, target):
        raise PermissionDenied
    MachineTranslationReview.objects.update_or_create(
        translation=translation,
        defaults={"reviewed_at": timezone.now(), "reviewed_by": request.user},
    )
    messages.success(request, _("The machine translation was marked as reviewed."))
    return redirect(get_valid_next_url_from_request(request) or "cms_translation:queue")


def glossary_export(request, language_code, file_format):
    locale = get_object_or_404(Locale, language_code=language_code)
    if locale not in visible_locales(request.user):
        raise PermissionDenied
    entries = glossary.glossary_entries(locale)
    if file_format == "tbx":
        response = HttpResponse(
            glossary.as_tbx(entries, locale), content_type="application/x-tbx+xml; charset=utf-8"
        )
    else:
        response = HttpResponse(
            glossary.as_csv(entries, locale), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = (
        f'attachment; filename="glossary-{locale.language_code}.{file_format}"'
    )
    return response


def _section_sources(page):
    from wagtail_localize.models import TranslationSource

    pages = page.get_descendants(inclusive=True).live().filter(locale_id=page.locale_id)
    return TranslationSource.objects.filter(
        object_id__in=pages.values("translation_key"),
        specific_content_type__in=pages.values("content_type"),
        translations__isnull=False,
    ).distinct()


def sync_section(request, page_id):
    """ "Sync" for a whole section: every live German page from `page_id` down whose
    translations were requested gets the current German text as its translation source, so
    new and changed segments appear in the translators' editor (and the queue marks them
    outdated). Nothing is published; translators publish after translating. GET asks,
    POST does it."""
    from django.db import transaction
    from django.shortcuts import render
    from wagtail.models import Page

    page = get_object_or_404(Page, pk=page_id)
    if not is_translation_manager(request.user):
        raise PermissionDenied
    if page.locale_id != Locale.get_default().pk:
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    sources = list(_section_sources(page))
    if request.method != "POST":
        context = {"page": page, "count": len(sources)}
        return render(request, "cms/translation/sync_section.html", context)
    with transaction.atomic():
        for source in sources:
            source.update_from_db()
    messages.success(
        request,
        _("%(count)d page(s) of “%(section)s” synced: translators see the changes now.")
        % {"count": len(sources), "section": page.title},
    )
    return redirect("wagtailadmin_explore", page.pk)
