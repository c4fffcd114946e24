"""Refuses organisation editors the admin views that list every organisation.

Wagtail's site history and workflow reports and wagtail-localize's translations report
and snippet API filter by content type only: anyone who may change *an* organisation
would see all of them, and so would Wagtail's bulk actions on organisations. Organisation
editors get 403 (see directory/moderation_admin.py). (Which images they may choose is
the image permission policy's business: `directory.permissions.OrganisationImagePolicy`.)
"""

from django.core.exceptions import PermissionDenied


class OrganisationEditorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from directory.moderation_admin import REFUSED_URL_NAMES, is_organisation_editor

        match = request.resolver_match
        if match is None:
            return None
        # Bulk actions take their ids from the query string (`?id=all` loads every
        # object and names those the user may not act on), so no pk guard sees them.
        bulk_on_directory = (
            match.view_name == "wagtail_bulk_action" and view_kwargs.get("app_label") == "directory"
        )
        if match.view_name not in REFUSED_URL_NAMES and not bulk_on_directory:
            return None
        if is_organisation_editor(request.user):
            raise PermissionDenied
        return None
