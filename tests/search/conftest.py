"""A small multilingual corpus for the search tests: German sources, English, Arabic and
Ukrainian translations, plus the things that must never be found (drafts, unpublished
translations, private pages, unpublished changes)."""

import pytest
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.demo_translation import publish_translation
from home.models import HomePage
from search.registry import registry
from tests.factories import StandardPageFactory

REFUGEES_DE = "Geflüchtete in Münster"
REFUGEES_TEXT_DE = "Beratung für Geflüchtete: Aufenthaltsgenehmigung, Arbeit und Wohnen in Münster."
COURSES_DE = "Deutschkurse und Integrationskurse"
COURSES_TEXT_DE = "Sprachkurse für Erwachsene an der Volkshochschule, mit Kinderbetreuung."
HEALTH_DE = "Gesundheit und Pflege"
HEALTH_TEXT_DE = "Ärztliche Versorgung und Krankenversicherung für alle Familien."


def draft_translation(page, language_code, texts):
    """Translate `page` through wagtail-localize but leave the translation unpublished."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": texts[segment.string.data], "translation_type": "manual"},
            )
    translation.save_target(publish=False)
    return page.get_translation(locale)


def add_page(parent, title, text, slug, **kwargs):
    return StandardPageFactory(
        parent=parent, title=title, slug=slug, body=f"<p>{text}</p>", **kwargs
    )


class Corpus:
    pass


@pytest.fixture
def corpus(german_home):
    c = Corpus()
    c.home = german_home
    # The home page comes from a migration, which does not index; publishing does.
    german_home.save_revision().publish()
    for code, title in [("en", "Portal for Münster"), ("ar", "بوابة مونستر"), ("uk", "Портал")]:
        publish_translation(german_home, code, {"Portal für Münster": title})

    c.refugees = add_page(german_home, REFUGEES_DE, REFUGEES_TEXT_DE, "gefluechtete")
    c.refugees_en = publish_translation(
        c.refugees,
        "en",
        {
            REFUGEES_DE: "Refugees in Münster",
            REFUGEES_TEXT_DE: "Advice for refugees: residence permit, work and housing in Münster.",
        },
    )
    c.refugees_ar = publish_translation(
        c.refugees,
        "ar",
        {
            REFUGEES_DE: "اللاجئون في مونستر",
            REFUGEES_TEXT_DE: "استشارات للاجئين: تصريح الإقامة والعمل والسكن في مونستر.",
        },
    )
    c.refugees_uk = publish_translation(
        c.refugees,
        "uk",
        {
            REFUGEES_DE: "Біженці в Мюнстері",
            REFUGEES_TEXT_DE: "Консультації для біженців: дозвіл на проживання, робота і житло.",
        },
    )

    c.courses = add_page(german_home, COURSES_DE, COURSES_TEXT_DE, "deutschkurse")
    c.courses_en = publish_translation(
        c.courses, "en", {COURSES_DE: "German and integration courses"}
    )
    # An Arabic translation exists but is not published: Arabic readers get German.
    c.courses_ar_draft = draft_translation(
        c.courses, "ar", {COURSES_DE: "دورات سرية غيرمنشورة", COURSES_TEXT_DE: "نصمخفي"}
    )

    c.health = add_page(german_home, HEALTH_DE, HEALTH_TEXT_DE, "gesundheit")

    # Never to be found:
    c.draft = add_page(
        german_home, "Entwurf Geflüchtete", "Unveröffentlichter Entwurfstext", "entwurf", live=False
    )
    c.private = add_page(
        german_home, "Intern Geflüchtete", "Nur für Mitarbeitende: Passwortseite", "intern"
    )
    PageViewRestriction.objects.create(
        page=c.private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    c.health.body = "<p>Zauberwort aus einer unveröffentlichten Änderung</p>"
    c.health.save_revision()  # a draft of new content; the live page is unchanged
    c.health.refresh_from_db()
    return c


@pytest.fixture
def clean_registry():
    """Registrations made in a test are undone afterwards."""
    types, page_types, searchables = (
        dict(registry.types),
        dict(registry.page_types),
        list(registry.searchables),
    )
    yield registry
    registry.types, registry.page_types, registry.searchables = types, page_types, searchables


@pytest.fixture
def home_pages_as_type(clean_registry):
    from search.registry import register_page_type

    register_page_type(HomePage, "start", "Start pages")
    return clean_registry
