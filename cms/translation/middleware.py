"""Server-side guard in front of wagtail-localize's admin views and the snippet views.

wagtail-localize checks only the snippet *type* permission in its translation editor API
(string and override edits, PO upload, machine translation, preview, stop), and only the
`submit_translation` permission in "Translate" and "Sync". This middleware checks the
object and the locale before any of those views runs. Views are identified by URL name,
so every URL of the `wagtail_localize` namespace must be listed in `LOCALIZE_GUARDS`; an
unlisted one (a new view after an upgrade) is refused to everyone but superusers until it
is reviewed (tests/cms/test_translation_permissions.py fails when one appears).

No view is replaced or patched: the middleware only refuses requests (403/404) and turns
a machine-translation provider failure into a message for the translator.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from cms.translation.machine import MachineTranslationError
from cms.translation.permissions import (
    snippet_locale_allowed,
    snippet_url_namespace,
    user_can_edit_instance,
)


def _target_of(kwargs):
    translation = get_object_or_404(Translation, id=kwargs["translation_id"])
    try:
        return translation.get_target_instance()
    except Exception as error:  # the target was deleted: nothing to edit
        raise Http404 from error


def _source_of(kwargs):
    source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
    try:
        return source.get_source_instance()
    except Exception as error:
        raise Http404 from error


def _page(kwargs):
    return get_object_or_404(Page, id=kwargs["page_id"]).specific


def _snippet(kwargs):
    for model in get_snippet_models():
        meta = model._meta
        if (meta.app_label, meta.model_name) == (kwargs["app_label"], kwargs["model_name"]):
            return get_object_or_404(model, pk=kwargs["pk"])
    raise Http404


ALLOW = None

# URL name -> how to find the object the user must be allowed to edit (None: no object,
# the view only reads and wagtail-localize's/Wagtail's own checks apply).
LOCALIZE_GUARDS = {
    "javascript_catalog": ALLOW,
    "translations_report": ALLOW,
    "translations_report_results": ALLOW,
    "snippets_api_listing": ALLOW,
    "snippets_api_detail": ALLOW,
    # Requesting and syncing translations is an action on the German source.
    "submit_page_translation": _page,
    "submit_snippet_translation": _snippet,
    "update_translations": _source_of,
    # The translation editor and its API act on the translated copy.
    "edit_string_translation": _target_of,
    "edit_override": _target_of,
    "download_pofile": _target_of,
    "upload_pofile": _target_of,
    "machine_translate": _target_of,
    "preview_translation": _target_of,
    "stop_translation": _target_of,
    "convert_to_alias": _page,
}

# Snippet views that only read; every other snippet view that takes a pk writes (edit,
# delete, unpublish, revert, lock, workflow actions, …) and is checked.
SNIPPET_READ_ONLY = {
    "history",
    "history_results",
    "usage",
    "inspect",
    "revisions_view",
    "revisions_compare",
    "workflow_history",
    "workflow_history_detail",
    "workflow_preview",
}


def _translatable_snippet_for_namespace(namespace):
    """The translatable snippet model whose viewset owns this URL namespace (also when
    a viewset sets its own `url_namespace`)."""
    if not namespace:
        return None
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin) and snippet_url_namespace(model) == namespace:
            return model
    return None


class TranslationPermissionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.user.is_authenticated:
            return None
        if match.namespace == "wagtail_localize":
            return self._check_localize(request, match.url_name, view_kwargs)
        elif "pk" in view_kwargs and match.url_name not in SNIPPET_READ_ONLY:
            model = _translatable_snippet_for_namespace(match.namespace)
            if model is not None:
                instance = get_object_or_404(model, pk=view_kwargs["pk"])
                if not snippet_locale_allowed(request.user, instance):
                    raise PermissionDenied
        return None

    def _check_localize(self, request, url_name, kwargs):
        if url_name not in LOCALIZE_GUARDS:
            if not request.user.is_superuser:
                raise PermissionDenied
            return None
        find = LOCALIZE_GUARDS[url_name]
        if find is ALLOW:
            return None
        if not user_can_edit_instance(request.user, find(kwargs)):
            raise PermissionDenied
        if (
            url_name == "update_translations"
            and request.method == "POST"
            and request.POST.get("publish_translations")
            and request.POST.get("use_machine_translation")
        ):
            # Machine translation is a first draft: never published before a person saw it.
            messages.error(
                request,
                _(
                    "Machine translations are never published unseen. Sync with machine "
                    "translation as drafts, or publish without machine translation."
                ),
            )
            return HttpResponseRedirect(request.get_full_path())
        return None

    def process_exception(self, request, exception):
        """A provider failure during machine translation: tell the translator, keep
        everything they typed (nothing was written), go back to the editor."""
        if not isinstance(exception, MachineTranslationError):
            return None
        messages.error(request, str(exception))
        next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
        return HttpResponseRedirect(next_url)
