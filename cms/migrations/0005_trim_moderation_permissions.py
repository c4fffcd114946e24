"""Moderation keeps only what cms/roles.py grants it.

The group was Wagtail's "Moderators" group (renamed in 0003_roles), which came with
Wagtail's defaults: add/lock/unlock pages from the root and add/change/delete images and
documents. Moderators review and publish; they do not create pages or curate media.
"""

from django.db import migrations

from cms.roles import COLLECTION_PERMISSIONS, MODERATORS, PAGE_PERMISSIONS


def trim(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is None:
        return
    GroupPagePermission.objects.filter(group=group).exclude(
        permission__content_type__app_label="wagtailcore",
        permission__codename__in=PAGE_PERMISSIONS[MODERATORS],
    ).delete()
    allowed = [dotted.split(".", 1)[1] for dotted in COLLECTION_PERMISSIONS[MODERATORS]]
    GroupCollectionPermission.objects.filter(group=group).exclude(
        permission__codename__in=allowed
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_translation")]

    operations = [migrations.RunPython(trim, migrations.RunPython.noop)]
