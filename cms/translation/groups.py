"""One translator group per locale, created automatically (also for locales that
editors add later in the admin), with exactly the permissions translating needs."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    DraftStateMixin,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
)

GROUP_NAME = "Übersetzung: {name} ({code})"
PAGE_PERMISSIONS = ["change_page", "publish_page"]
COLLECTION_PERMISSIONS = ["wagtailimages.choose_image", "wagtaildocs.choose_document"]


def _permission(app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def snippet_permissions():
    """change (and publish, for draftable models) of every translatable snippet model."""
    from cms.translation.permissions import translatable_snippet_models

    permissions = []
    for model in translatable_snippet_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        actions = ["change"] + (["publish"] if issubclass(model, DraftStateMixin) else [])
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        permissions += Permission.objects.filter(content_type=content_type, codename__in=codenames)
    return permissions


def ensure_group(locale):
    """The translator group of `locale`, created with its permissions if missing."""
    from cms.translation.models import TranslatorLanguage

    link = TranslatorLanguage.objects.filter(locale=locale).select_related("group").first()
    if link is None:
        name = GROUP_NAME.format(name=locale.get_display_name(), code=locale.language_code)
        group, _created = Group.objects.get_or_create(name=name[:150])
        link = TranslatorLanguage.objects.create(locale=locale, group=group)
    group = link.group
    access_admin = _permission("wagtailadmin", "access_admin")
    if access_admin:
        group.permissions.add(access_admin)
    group.permissions.add(*snippet_permissions())
    for root in Page.objects.filter(depth=2, locale=locale):
        for codename in PAGE_PERMISSIONS:
            permission = _permission("wagtailcore", codename)
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )
    root_collection = Collection.get_first_root_node()
    if root_collection:
        for dotted in COLLECTION_PERMISSIONS:
            permission = _permission(*dotted.split("."))
            if permission:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    return group


def sync_translator_groups():
    """A group for every locale except the source language. Idempotent; only adds."""
    default = Locale.get_default()
    for locale in Locale.objects.exclude(pk=default.pk):
        ensure_group(locale)


def translator_group(locale):
    from cms.translation.models import TranslatorLanguage

    link = TranslatorLanguage.objects.filter(locale=locale).select_related("group").first()
    return link.group if link else None
