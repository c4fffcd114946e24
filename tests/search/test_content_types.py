"""The site search covers the real content types: topic pages, organisations and
glossary terms, each under its own type, with umlaut-tolerant matching; the directory's
free-text filter matches the same way."""

import pytest

from tests.factories import GlossaryIndexPageFactory, GlossaryTermFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def women_refugees():
    organisation = OrganisationFactory(name="Netzwerk geflüchteter Frauen Münster")
    organisation.save()  # indexes the entry
    return organisation


def test_search_finds_organisations_without_umlauts(client, german_home, women_refugees):
    html = client.get("/de/suche/", {"q": "gefluchteter"}).content.decode()

    assert "Netzwerk <mark>geflüchteter</mark> Frauen Münster" in html
    assert f'href="/de/organisationen/{women_refugees.slug}/"' in html


def test_search_can_be_narrowed_to_organisations(client, german_home, women_refugees):
    GlossaryTermFactory(term="Frauenberatung", explanation="<p>Beratung für Frauen</p>")

    everything = client.get("/de/suche/", {"q": "Frauen"}).content.decode()
    only_organisations = client.get(
        "/de/suche/", {"q": "Frauen", "typ": "organisations"}
    ).content.decode()

    profile_link = f'href="/de/organisationen/{women_refugees.slug}/"'
    assert "Beratung für <mark>Frauen</mark>" in everything and profile_link in everything
    assert profile_link in only_organisations
    assert "Beratung für" not in only_organisations


def test_glossary_terms_are_found_and_link_to_the_glossary(client, german_home):
    GlossaryIndexPageFactory(parent=german_home, title="Glossar", slug="glossar")
    GlossaryTermFactory(
        term="Aufenthaltserlaubnis", slug="aufenthaltserlaubnis", explanation="<p>Ein Titel.</p>"
    )

    html = client.get("/de/suche/", {"q": "Aufenthaltserlaubnis"}).content.decode()

    assert 'href="/de/glossar/#aufenthaltserlaubnis"' in html


def test_draft_organisations_never_appear(client, german_home):
    draft = OrganisationFactory(name="Geheimer Entwurfsverein", live=False)
    draft.save()

    assert (
        "Geheimer Entwurfsverein"
        not in client.get("/de/suche/", {"q": "Entwurfsverein"}).content.decode()
    )


def test_directory_free_text_uses_the_tolerant_site_search(client, german_home, women_refugees):
    OrganisationFactory(name="Schachclub Nord").save()

    html = client.get("/de/organisationen/", {"q": "Muenster gefluchteter"}).content.decode()

    assert "Netzwerk geflüchteter Frauen Münster" in html
    assert "Schachclub Nord" not in html
