"""Topic pages list the organisations of their focus area; organisation profiles link
back to the topic pages of their focus areas."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import FocusArea
from tests.factories import OrganisationFactory, TopicIndexPageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def work():
    return FocusArea.objects.get(slug="arbeit", locale__language_code="de")


@pytest.fixture
def topic(german_home, work):
    index = TopicIndexPageFactory(parent=german_home)
    return TopicPageFactory(parent=index, title="Arbeit", slug="arbeit", focus_area=work)


def organisations(count, focus_area, start=0):
    made = []
    for number in range(start, start + count):
        organisation = OrganisationFactory(name=f"Arbeitsverein {number:03d}")
        organisation.focus_areas.add(focus_area)
        organisation.save()  # a ParentalManyToManyField is written on save
        made.append(organisation)
    return made


def test_topic_page_lists_organisations_of_its_focus_area(client, topic, work):
    organisations(2, work)
    OrganisationFactory(name="Schachclub ohne Schwerpunkt")

    html = client.get("/de/themen/arbeit/").content.decode()

    assert "Arbeitsverein 000" in html and "Arbeitsverein 001" in html
    assert "Schachclub ohne Schwerpunkt" not in html
    assert "/de/organisationen/?schwerpunkt=arbeit" in html


def test_untranslated_organisations_are_marked_german_for_arabic_readers(client, topic, work):
    organisations(1, work)

    html = client.get("/ar/themen/arbeit/").content.decode()

    assert 'href="/ar/organisationen/arbeitsverein-000/" lang="de">Arbeitsverein 000' in html


def test_the_list_costs_the_same_queries_for_3_and_30_organisations(client, topic, work):
    def count():
        client.get("/de/themen/arbeit/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/de/themen/arbeit/")
        return len(queries)

    organisations(3, work)
    few = count()
    organisations(27, work, start=3)
    assert count() == few
    html = client.get("/de/themen/arbeit/").content.decode()
    assert "Arbeitsverein 005" in html and "Arbeitsverein 006" not in html  # six shown
    assert "30" in html.split("?schwerpunkt=arbeit")[1].split("</a>")[0]


def test_profile_links_the_topic_pages_of_its_focus_areas(client, topic, work):
    organisation = organisations(1, work)[0]

    html = client.get(f"/de/organisationen/{organisation.slug}/").content.decode()

    assert 'href="/de/themen/arbeit/"' in html


def test_event_links_its_organiser_in_the_readers_language(client, german_home, translate):
    from tests.factories import EventIndexPageFactory, EventPageFactory

    organiser = OrganisationFactory(name="Frauentreff", slug="frauentreff")
    translate(organiser, "ar", {"Frauentreff": "ملتقى النساء"})
    events = EventIndexPageFactory(parent=german_home, slug="veranstaltungen")
    EventPageFactory(
        parent=events, slug="fest", organiser="Wird ersetzt", organiser_organisation=organiser
    )

    german = client.get("/de/veranstaltungen/fest/").content.decode()
    assert '<a href="/de/organisationen/frauentreff/">Frauentreff</a>' in german
    assert "Wird ersetzt" not in german
    # The event itself is not translated: German page, organiser in Arabic with its link.
    arabic = client.get("/ar/veranstaltungen/fest/").content.decode()
    assert '<a href="/ar/organisationen/frauentreff/">ملتقى النساء</a>' in arabic


def test_event_organiser_without_public_entry_falls_back_to_the_plain_name(client, german_home):
    from tests.factories import EventIndexPageFactory, EventPageFactory

    draft = OrganisationFactory(name="Noch nicht öffentlich", live=False)
    events = EventIndexPageFactory(parent=german_home, slug="veranstaltungen")
    EventPageFactory(
        parent=events, slug="fest", organiser="Stadt Münster", organiser_organisation=draft
    )

    html = client.get("/de/veranstaltungen/fest/").content.decode()
    assert "Stadt Münster" in html
    assert "Noch nicht öffentlich" not in html
