"""Replace Wagtail's "Welcome" page with the German home page and point the site at it."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    # Wagtail's initial data creates a placeholder page at depth 2; remove it.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()

    homepage_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    locale = Locale.objects.get(language_code="de")
    position = Page.objects.filter(depth=2).count() + 1
    home = HomePage.objects.create(
        title="Portal für Münster",
        draft_title="Portal für Münster",
        slug="start",
        content_type=homepage_type,
        path=f"{root.path}{position:04d}",
        depth=2,
        numchild=0,
        url_path="/start/",
        locale=locale,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Portal für Münster"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("cms", "0001_locales"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
