"""Editors' report: searches that found nothing (Reports → Searches without results)."""

import datetime

from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import LoggedQuery
from search.stats import flush_search_log

REPORT_DAYS = 30


class LanguageColumn(Column):
    def get_value(self, instance):
        code = super().get_value(instance)
        return dict(settings.LANGUAGES).get(code, code)


class SearchesWithoutResultsView(ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "portal_search_report"
    index_results_url_name = "portal_search_report_results"
    permission_policy = ModelPermissionPolicy(LoggedQuery)
    permission_required = "view"
    paginate_by = 50
    columns = [
        Column("query", label=_("Query")),
        LanguageColumn("language", label=_("Language")),
        Column("without_results", label=_("Searches without results")),
        Column("last_day", label=_("Last searched")),
    ]
    list_export = ["query", "language", "without_results", "last_day"]
    export_headings = {
        "query": _("Query"),
        "language": _("Language"),
        "without_results": _("Searches without results"),
        "last_day": _("Last searched"),
    }

    def get_filename(self):
        return "searches-without-results"

    def get_queryset(self):
        flush_search_log()  # searches answered from the page cache (search/stats.py)
        since = timezone.localdate() - datetime.timedelta(days=REPORT_DAYS)
        return (
            LoggedQuery.objects.filter(day__gte=since, searches_without_results__gt=0)
            .values("query", "language")
            .annotate(without_results=Sum("searches_without_results"), last_day=Max("day"))
            .order_by("-without_results", "-last_day", "query")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report_days"] = REPORT_DAYS
        return context
