"""Admin hooks of the translation workflow (imported by cms/wagtail_hooks.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.cache import on_cache_hit
from cms.translation import views
from cms.translation.models import count_page_view

app_name = "cms_translation"
urlpatterns = [
    path("queue/", views.QueueView.as_view(), name="queue"),
    path("status/", views.StatusView.as_view(), name="status"),
    path("<int:translation_id>/reviewed/", views.mark_reviewed, name="mark_reviewed"),
    path("sync-section/<int:page_id>/", views.sync_section, name="sync_section"),
    path(
        "glossary/<str:language_code>.<str:file_format>",
        views.glossary_export,
        name="glossary",
    ),
]


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("translation/", include((urlpatterns, app_name), namespace=app_name))]


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(views.visible_locales(request.user))


class StatusMenuItem(MenuItem):
    def is_shown(self, request):
        return views.is_translation_manager(request.user)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(
        _("My translations"),
        reverse("cms_translation:queue"),
        name="translation-queue",
        icon_name="wagtail-localize-language",
        order=250,
    )


@hooks.register("register_reports_menu_item")
def register_status_menu_item():
    return StatusMenuItem(
        _("Translation status"),
        reverse("cms_translation:status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=9100,
    )


@hooks.register("before_serve_page", order=100)
def count_view(page, request, serve_args, serve_kwargs):
    """The anonymous view counter behind "most read" (see ContentViewCount). Runs after
    the hooks that may redirect, counts only pages actually served to anonymous readers;
    stores nothing about the reader."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return None
    if request.user.is_authenticated:
        return None
    count_page_view(str(page.translation_key))
    # Counted again on every cache hit of the page (cms/cache.py).
    on_cache_hit(request, "cms.translation.models.count_page_view", str(page.translation_key))
    return None


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def sync_section_button(page, user, view_name=None, next_url=None):
    """ "Sync translations of this section" on German pages with children."""
    from wagtail.admin.widgets import ListingButton

    from cms.locales import default_locale

    if page.is_root() or page.locale_id != default_locale().pk or not page.numchild:
        return
    if not views.is_translation_manager(user):
        return
    yield ListingButton(
        _("Sync translations of this section"),
        reverse("cms_translation:sync_section", args=[page.pk]),
        priority=61,
        icon_name="resubmit",
    )
