"""The Wagtail admin as an organisation editor sees it (imported by wagtail_hooks.py).

- "My organisation(s)" on the dashboard: their entries, status, last confirmed, edit link.
- The image chooser offers them only their organisations' images (the image permission
  policy, `directory.permissions.OrganisationImagePolicy`).
- Reports that list every organisation's history or workflow (site history, workflow
  reports, wagtail-localize's translations report and snippet API) are hidden from them
  and refused on the server (directory.middleware.OrganisationEditorMiddleware): those
  views filter by content type only, not by object.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from cms import roles
from directory.permissions import member_organisations, organisation_policy

# Views that list every organisation (by content type, not by object): an organisation
# editor never sees them (menu) nor opens them (directory/middleware.py).
REFUSED_URL_NAMES = {
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_results",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:workflow_tasks_results",
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
}
MENU_URL_NAMES = [
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtail_localize:translations_report",
]


def is_organisation_editor(user):
    """A user whose access to organisations is limited to their memberships."""
    if not user.is_authenticated or user.is_superuser:
        return False
    if not user.groups.filter(name=roles.ORGANISATIONS).exists():
        return False
    return organisation_policy().is_restricted(user)


def organisation_status(organisation):
    """(label, css modifier) of an entry as its editor should read it."""
    if organisation.workflow_in_progress:
        return _("in moderation"), "in-moderation"
    if not organisation.live:
        return _("draft"), "draft"
    if organisation.has_unpublished_changes:
        return _("live, with a draft"), "live-draft"
    return _("live"), "live"


class MyOrganisationsPanel(Component):
    name = "my_organisations"
    template_name = "directory/admin/my_organisations_panel.html"
    order = 50

    def __init__(self, organisations):
        self.organisations = organisations

    def get_context_data(self, parent_context):
        rows = []
        for organisation in self.organisations:
            label, modifier = organisation_status(organisation)
            rows.append(
                {
                    "organisation": organisation,
                    "status": label,
                    "status_modifier": modifier,
                    "edit_url": reverse(
                        "wagtailsnippets_directory_organisation:edit", args=[organisation.pk]
                    ),
                    "live_url": organisation.get_url() if organisation.live else "",
                }
            )
        return {"rows": rows}


@hooks.register("construct_homepage_panels")
def add_my_organisations_panel(request, panels):
    organisations = list(member_organisations(request.user).order_by("name"))
    if organisations:
        panels.insert(0, MyOrganisationsPanel(organisations))


@hooks.register("construct_reports_menu")
def hide_reports_from_organisation_editors(request, menu_items):
    if is_organisation_editor(request.user):
        hidden = {reverse(name) for name in MENU_URL_NAMES}
        menu_items[:] = [item for item in menu_items if item.url not in hidden]
