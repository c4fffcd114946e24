"""The index follows publishing at once; other models join the search through the
registry; list views (the directory) reuse the search for their free-text filter."""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from cms.models import FooterLinks
from home.models import StandardPage
from search.engine import filter_queryset
from search.registry import register_searchable

pytestmark = pytest.mark.django_db


def found(client, language, query):
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (
            " ".join(item.select_one(".search-result__title").get_text().split()),
            " ".join(item.select_one(".search-result__type").get_text().split()),
            item.select_one(".search-result__title a")["href"],
        )
        for item in soup.select(".search-result")
    ]


def titles(client, language, query):
    return [title for title, _type, _url in found(client, language, query)]


def test_publishing_unpublishing_and_deleting_update_results_at_once(client, german_home):
    page = StandardPage(title="Wohnberechtigungsschein", slug="wbs", body="<p>Antrag</p>")
    german_home.add_child(instance=page)
    page.save_revision().publish()
    assert titles(client, "de", "Wohnberechtigungsschein") == ["Wohnberechtigungsschein"]

    page.title = "Wohngeld"
    page.save_revision().publish()
    assert titles(client, "de", "Wohnberechtigungsschein") == []
    assert titles(client, "de", "Wohngeld") == ["Wohngeld"]

    page.unpublish()
    assert titles(client, "de", "Wohngeld") == []

    page.save_revision().publish()
    assert titles(client, "de", "Wohngeld") == ["Wohngeld"]
    page_id = page.pk
    Page.objects.get(pk=page_id).delete()
    assert titles(client, "de", "Wohngeld") == []
    assert not IndexEntry.objects.filter(object_id=str(page_id)).exists()


def test_publishing_a_translation_makes_it_findable_in_its_language(client, corpus, translate):
    assert titles(client, "en", "Krankenversicherung") == ["Gesundheit und Pflege"]

    translate(
        corpus.health,
        "en",
        {"Gesundheit und Pflege": "Health and care"},
    )

    assert titles(client, "en", "Health") == ["Health and care"]
    assert titles(client, "en", "Gesundheit") == []  # no German duplicate any more


def test_update_index_indexes_what_was_created_without_signals(client, german_home):
    # The German home page comes from a data migration, which does not index.
    assert titles(client, "de", "Portal") == []

    call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert titles(client, "de", "Portal") == ["Portal für Münster"]


@pytest.fixture
def standard_pages_registered(clean_registry):
    register_searchable(
        StandardPage,
        "legal",
        "Legal notices",
        url=lambda page, request: f"/{page.locale.language_code}/recht/{page.slug}/",
        excerpt=lambda page: page.body,
    )


def test_registered_models_are_searched_with_their_type_url_and_language(
    client, corpus, standard_pages_registered
):
    assert found(client, "de", "Geflüchtete") == [
        ("Geflüchtete in Münster", "Legal notices", "/de/recht/gefluechtete/")
    ]
    # Translated into English: the English entry; not translated: German, marked.
    assert found(client, "en", "refugees") == [
        ("Refugees in Münster", "Legal notices", "/en/recht/gefluechtete/")
    ]
    response = client.get("/en/suche/", {"q": "Krankenversicherung"})
    result = BeautifulSoup(response.content, "html.parser").select_one(".search-result")
    assert "in German (not yet translated)" in result.get_text()
    # Drafts and unpublished translations stay out on this path too.
    assert titles(client, "de", "Entwurfstext") == []
    assert titles(client, "ar", "غيرمنشورة") == []


def test_only_indexed_models_with_an_id_filter_can_be_registered(clean_registry):
    with pytest.raises(ImproperlyConfigured):
        register_searchable(FooterLinks, "footer", "Footer", url=lambda obj, request: "/")


def test_directory_style_free_text_filter_combines_with_other_filters(corpus):
    german = StandardPage.objects.live().public().filter(locale=corpus.home.locale)

    assert list(filter_queryset(german, "gefluchtete")) == [corpus.refugees]
    assert list(filter_queryset(german.exclude(slug="gefluechtete"), "gefluchtete")) == []
    assert list(filter_queryset(german, "Integrationsk")) == [corpus.courses]
    assert filter_queryset(german, "  ") is german
    assert list(filter_queryset(german, "%' OR 1=1 --")) == []


@pytest.mark.parametrize("kind", ["organisation", "glossary"])
def test_snippets_follow_publishing_translating_and_deleting_at_once(client, translate, kind):
    from tests.factories import GlossaryTermFactory, OrganisationFactory

    if kind == "organisation":
        item = OrganisationFactory(name="Teestube Hiltrup", slug="teestube")
        field = "name"
    else:
        item = GlossaryTermFactory(term="Teestube Hiltrup", slug="teestube")
        item.save_revision().publish()
        field = "term"
    assert titles(client, "de", "Teestube") == ["Teestube Hiltrup"]

    setattr(item, field, "Gemeinschaftsraum Hiltrup")
    item.save_revision().publish()
    assert titles(client, "de", "Teestube") == []
    assert titles(client, "de", "Gemeinschaftsraum") == ["Gemeinschaftsraum Hiltrup"]

    item.unpublish()
    assert titles(client, "de", "Gemeinschaftsraum") == []
    item.save_revision().publish()

    translate(item, "en", {"Gemeinschaftsraum Hiltrup": "Community Room Hiltrup"})
    assert titles(client, "en", "Community") == ["Community Room Hiltrup"]
    assert titles(client, "de", "Community") == []

    item.delete()
    assert titles(client, "de", "Gemeinschaftsraum") == []
