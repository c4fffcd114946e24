from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import SearchesWithoutResultsView


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("portal_search.view_loggedquery")


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path(
            "reports/searches-without-results/",
            SearchesWithoutResultsView.as_view(),
            name="portal_search_report",
        ),
        path(
            "reports/searches-without-results/results/",
            SearchesWithoutResultsView.as_view(results_only=True),
            name="portal_search_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Searches without results"),
        reverse("portal_search_report"),
        name="searches-without-results",
        icon_name="search",
        order=1000,
    )
