"""Keep the translator groups complete: after `migrate`, when a locale is added and when
a locale gets its root page (the first translation of the home page)."""

from django.apps import apps
from django.db.models.signals import post_migrate, post_save
from wagtail.models import Locale, Page


def _after_migrate(sender, **kwargs):
    # Permissions are created app by app during post_migrate; wait for the last app so
    # that every snippet model's permissions exist.
    if sender is list(apps.get_app_configs())[-1]:
        from cms.translation.groups import sync_translator_groups

        sync_translator_groups()


def _locale_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.pk != Locale.get_default().pk:
        from cms.translation.groups import ensure_group

        ensure_group(instance)


def _page_saved(sender, instance, created, raw=False, **kwargs):
    if not isinstance(instance, Page):
        return
    if (
        created
        and not raw
        and instance.depth == 2
        and instance.locale_id
        and instance.locale_id != Locale.get_default().pk
    ):
        from cms.translation.groups import ensure_group

        ensure_group(instance.locale)


def connect():
    post_migrate.connect(_after_migrate, dispatch_uid="portal_translator_groups")
    post_save.connect(_locale_saved, sender=Locale, dispatch_uid="portal_translator_locale")
    # Page subclasses send post_save with their own class as sender: no sender filter.
    post_save.connect(_page_saved, dispatch_uid="portal_translator_root_page")
