"""Admin for the directory: snippet viewsets (grouped in one menu) and the CSV import.

Organisation editors (self-service) see and change only their own organisations: the
permission policy below is registered first (before anything asks Wagtail for the
Organisation policy), the viewset's queryset uses it (listing, search, filters, chooser,
export), and every URL of the viewset that takes a pk refuses other organisations on the
server (wagtail#13314: the generic views check only the model permission).
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy

from directory.models import Organisation
from directory.permissions import OrganisationPermissionPolicy

# First, before any other import can create the fallback policy for Organisation.
register_permission_policy(
    Organisation, OrganisationPermissionPolicy(Organisation), exact_class=True
)

from wagtail import hooks  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402
from wagtail.snippets.models import register_snippet  # noqa: E402
from wagtail.snippets.views import chooser  # noqa: E402
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup  # noqa: E402

from directory import moderation_admin  # noqa: E402,F401  (dashboard, reports, e-mails)
from directory.admin_views import import_view, user_can_import  # noqa: E402
from directory.models import District, FocusArea, Language, Origin  # noqa: E402
from directory.permissions import organisation_policy  # noqa: E402
from directory.selfservice_admin import OrganisationFilterSet  # noqa: E402 (registers hooks)

MENU_HOOK = "register_directory_menu_item"
# The viewsets below set no `search_fields`: the models are indexed, and Wagtail then
# searches their own index fields. Naming fields here makes Wagtail's SQLite backend
# query columns its full-text table does not have ("no such column: name").
# Any of these on an object makes it visible to a user (listing, history, usage, …);
# what each view then allows is checked by Wagtail against the same policy.
VISIBLE_WITH = ["change", "publish", "delete", "lock", "unlock", "view"]


def guard_object(view):
    """Refuse (403) a view on an organisation the user may not see at all."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        instance = get_object_or_404(Organisation, pk=unquote(str(kwargs["pk"])))
        policy = organisation_policy()
        if not policy.user_has_any_permission_for_instance(request.user, VISIBLE_WITH, instance):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    guarded.organisation_guard = True
    return guarded


def visible_organisations(user):
    return organisation_policy().instances_user_has_any_permission_for(user, VISIBLE_WITH)


class ScopedObjectList:
    """Chooser views list (and return) only organisations the user may see."""

    def get_object_list(self):
        return visible_organisations(self.request.user)


class OrganisationChooseView(ScopedObjectList, chooser.ChooseView):
    pass


class OrganisationChooseResultsView(ScopedObjectList, chooser.ChooseResultsView):
    pass


class OrganisationChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return visible_organisations(self.request.user).get(pk=pk)


class OrganisationChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_organisations(self.request.user).filter(pk__in=pks)


class OrganisationChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView
    chosen_view_class = OrganisationChosenView
    chosen_multiple_view_class = OrganisationChosenMultipleView


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_name = "organisations"
    list_display = ["name", "kind", "district", "last_confirmed", "live"]
    filterset_class = OrganisationFilterSet  # list filters + "not confirmed for 12 months"
    list_export = [
        "name",
        "slug",
        "kind",
        "short_description",
        "district",
        "street_address",
        "postcode",
        "latitude",
        "longitude",
        "email",
        "phone",
        "website",
        "founding_year",
        "last_confirmed",
        "live",
    ]
    export_filename = "organisationen"
    ordering = ["name"]

    chooser_viewset_class = OrganisationChooserViewSet

    def get_queryset(self, request):
        return visible_organisations(request.user)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "pk" in pattern.pattern.regex.groupindex:
                pattern.callback = guard_object(pattern.callback)
        return patterns


class OriginViewSet(SnippetViewSet):
    model = Origin
    icon = "globe"
    menu_label = _("Origins")
    list_display = ["name", "kind", "code", "slug"]
    list_filter = ["kind"]
    list_export = ["name", "kind", "code", "slug"]
    export_filename = "herkunft"


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "comment"
    menu_label = _("Languages")
    list_display = ["name", "endonym", "code", "slug"]
    list_export = ["name", "endonym", "code", "slug"]
    export_filename = "sprachen"


class FocusAreaViewSet(SnippetViewSet):
    model = FocusArea
    icon = "tag"
    menu_label = _("Focus areas")
    list_display = ["name", "slug"]
    list_export = ["name", "slug"]
    export_filename = "arbeitsschwerpunkte"


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    list_display = ["name", "parent", "latitude", "longitude", "slug"]
    list_filter = ["parent"]
    list_export = ["name", "parent", "latitude", "longitude", "slug"]
    export_filename = "stadtteile"


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "group"
    menu_order = 250
    submenu_hook = MENU_HOOK
    items = (OrganisationViewSet, OriginViewSet, LanguageViewSet, FocusAreaViewSet, DistrictViewSet)


register_snippet(DirectoryGroup)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import(request.user)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("directory/import/", import_view, name="directory_import")]


@hooks.register(MENU_HOOK)
def register_import_menu_item():
    return ImportMenuItem(
        _("Import (CSV)"), reverse("directory_import"), icon_name="upload", order=900
    )


# Correction reports from the public profiles (directory/corrections_admin.py).
@hooks.register("register_admin_viewset")
def register_correction_reports():
    from directory.corrections_admin import correction_reports_viewset

    return correction_reports_viewset


@hooks.register(MENU_HOOK)
def register_correction_reports_menu_item():
    from directory.corrections_admin import correction_reports_viewset

    return correction_reports_viewset.get_menu_item()
