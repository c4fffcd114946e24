"""Admin parts of invitations and the annual confirmation (imported by wagtail_hooks).

- "Members and invitations" screens (URLs, the menu item in the directory group, a
  "Members" button on each German organisation in the snippet listing);
- the listing filter "not confirmed for 12 months" (`OrganisationFilterSet`);
- a dashboard panel for KI editors with the number of such entries.
"""

import django_filters
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale

from directory import invitations
from directory.confirmation import FLAG_AFTER_MONTHS, not_confirmed_since, overdue_organisations
from directory.models import Organisation

MENU_HOOK = "register_directory_menu_item"
ORGANISATION_LIST_FILTER = ["kind", "live", "district", "origins", "languages", "focus_areas"]
OVERDUE = "overdue"


class OrganisationFilterSet(WagtailFilterSet):
    """The organisation listing's filters plus "not confirmed for 12 months"."""

    confirmation = django_filters.ChoiceFilter(
        label=_("Confirmation"),
        choices=[(OVERDUE, _("not confirmed for 12 months"))],
        empty_label=_("any"),
        method="filter_confirmation",
    )

    class Meta:
        model = Organisation
        fields = ORGANISATION_LIST_FILTER

    def filter_confirmation(self, queryset, name, value):
        if value == OVERDUE:
            return queryset.filter(not_confirmed_since(FLAG_AFTER_MONTHS))
        return queryset


def overdue_listing_url():
    query = {"confirmation": OVERDUE, "locale": Locale.get_default().language_code}
    return f"{reverse('wagtailsnippets_directory_organisation:list')}?{urlencode(query)}"


class UnconfirmedOrganisationsPanel(Component):
    name = "unconfirmed_organisations"
    template_name = "directory/admin/unconfirmed_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        return {
            "count": overdue_organisations().count(),
            "url": overdue_listing_url(),
            "months": FLAG_AFTER_MONTHS,
        }


@hooks.register("construct_homepage_panels")
def add_unconfirmed_panel(request, panels):
    if invitations.is_directory_editor(request.user):
        panels.append(UnconfirmedOrganisationsPanel())


@hooks.register("register_admin_urls")
def register_member_urls():
    return [
        path("directory/members/", invitations.members_index, name="directory_members_index"),
        path(
            "directory/members/<int:pk>/",
            invitations.organisation_members,
            name="directory_members",
        ),
        path(
            "directory/members/<int:pk>/invitations/<int:invitation_pk>/revoke/",
            invitations.revoke_invitation,
            name="directory_invitation_revoke",
        ),
        path(
            "directory/members/<int:pk>/memberships/<int:membership_pk>/remove/",
            invitations.remove_membership,
            name="directory_membership_remove",
        ),
    ]


class MembersMenuItem(MenuItem):
    def is_shown(self, request):
        return invitations.user_may_see_members_menu(request.user)


@hooks.register(MENU_HOOK)
def register_members_menu_item():
    return MembersMenuItem(
        _("Members and invitations"),
        reverse("directory_members_index"),
        icon_name="user",
        order=800,
    )


@hooks.register("register_snippet_listing_buttons")
def members_listing_button(snippet, user, next_url=None):
    if (
        isinstance(snippet, Organisation)
        and snippet.locale_id == Locale.get_default().pk
        and invitations.can_manage_members(user, snippet)
    ):
        yield ListingButton(
            _("Members"),
            reverse("directory_members", args=[snippet.pk]),
            icon_name="user",
            priority=60,
        )
