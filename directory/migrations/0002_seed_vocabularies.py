"""Seed the vocabularies: countries and regions, languages, focus areas, districts.

German entries are the source; English entries are their translations (same
translation_key). Idempotent per slug, so it never duplicates entries editors created.
"""

import uuid

from django.db import migrations

from directory.models import german_slugify
from directory.vocabulary_data import COUNTRIES, DISTRICTS, FOCUS_AREAS, LANGUAGES, REGIONS


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    german = Locale.objects.filter(language_code="de").first()
    english = Locale.objects.filter(language_code="en").first()
    if german is None:
        return

    def add(model_name, slug, name_de, name_en=None, **fields):
        Model = apps.get_model("directory", model_name)
        source = Model.objects.filter(locale=german, slug=slug).first()
        if source is None:
            source = Model.objects.create(
                locale=german, translation_key=uuid.uuid4(), slug=slug, name=name_de, **fields
            )
        if english is not None and name_en:
            Model.objects.get_or_create(
                locale=english,
                translation_key=source.translation_key,
                defaults={"slug": slug, "name": name_en, **fields},
            )
        return source

    # English entries even where the name is the same, so English readers are not told
    # that "Afghanistan" is German.
    for code, name_de, name_en in COUNTRIES:
        add("Origin", german_slugify(name_de), name_de, name_en, kind="country", code=code)
    for name_de, name_en in REGIONS:
        add("Origin", german_slugify(name_de), name_de, name_en, kind="region", code="")
    for code, name_de, name_en, endonym in LANGUAGES:
        add("Language", german_slugify(name_de), name_de, name_en, code=code, endonym=endonym)
    for slug, name_de, name_en in FOCUS_AREAS:
        add("FocusArea", slug, name_de, name_en)
    for bezirk, (lat, lng), stadtteile in DISTRICTS:
        parent = add("District", german_slugify(bezirk), bezirk, latitude=lat, longitude=lng)
        for name, (lat, lng) in stadtteile:
            add("District", german_slugify(name), name, latitude=lat, longitude=lng, parent=parent)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_locales"),
        ("directory", "0001_organisations_and_vocabularies"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
