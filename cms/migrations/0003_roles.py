"""Create the portal's role groups (Redaktion, Moderation, Übersetzung, Organisationen)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from cms.roles import ensure_roles


def create_roles(apps, schema_editor):
    # Wagtail ships "Editors" and "Moderators" groups (the latter used by its default
    # approval workflow). They become our roles rather than confusing editors next to them.
    Group = apps.get_model("auth", "Group")
    for wagtail_name, portal_name in (("Editors", "Redaktion"), ("Moderators", "Moderation")):
        if not Group.objects.filter(name=portal_name).exists():
            Group.objects.filter(name=wagtail_name).update(name=portal_name)
    # Permissions are normally created after all migrations have run; make sure the ones
    # the roles need exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps)


def remove_roles(apps, schema_editor):
    from cms.roles import ROLE_NAMES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_footerlinks"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
