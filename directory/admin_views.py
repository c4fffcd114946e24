"""Admin screen: import organisations from a CSV file (same rules as the command)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.forms import ImportForm
from directory.importer import COLUMNS, ImportFailed, import_organisations

IMPORT_PERMISSIONS = [
    "directory.add_organisation",
    "directory.change_organisation",
    "directory.publish_organisation",
]


def user_can_import(user):
    return user.is_active and user.has_perms(IMPORT_PERMISSIONS)


def import_view(request):
    if not user_can_import(request.user):
        raise PermissionDenied
    errors = []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            dry_run = form.cleaned_data["dry_run"]
            try:
                summary = import_organisations(form.cleaned_data["file"], dry_run=dry_run)
            except ImportFailed as failure:
                errors = failure.errors
            else:
                if dry_run:
                    messages.success(request, _("The file is valid. Nothing was imported."))
                else:
                    messages.success(
                        request,
                        _(
                            "Import done: %(created)d new, %(updated)d updated, "
                            "%(unchanged)d unchanged."
                        )
                        % {
                            "created": len(summary.created),
                            "updated": len(summary.updated),
                            "unchanged": len(summary.unchanged),
                        },
                    )
                return redirect(reverse("directory_import"))
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "directory/admin/import.html",
        {
            "form": form,
            "errors": errors,
            "columns": COLUMNS,
            "page_title": _("Import organisations"),
        },
    )
