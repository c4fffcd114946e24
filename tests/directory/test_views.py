"""The public directory: list, profile, open data and the admin screens, as a reader and
an editor would see them."""

import csv
import io
import json
import re
import uuid
from http import HTTPStatus

import geojson
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms import roles
from directory.models import District, FocusArea, Language, Organisation, Origin
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def de(model, slug):
    return model.objects.get(locale__language_code="de", slug=slug)


def bulk_organisations(count, start=0):
    """`count` live entries with vocabulary links, created in bulk (fast)."""
    german = Locale.get_default()
    arabic, turkish = de(Language, "arabisch"), de(Language, "tuerkisch")
    syria = de(Origin, "syrien")
    districts = list(District.objects.filter(locale=german, parent__isnull=False))
    organisations = Organisation.objects.bulk_create(
        Organisation(
            locale=german,
            translation_key=uuid.uuid4(),
            name=f"Verein {n:04d}",
            slug=f"verein-{n:04d}",
            kind="mso" if n % 2 else "faith",
            short_description="Ein Verein.",
            district=districts[n % len(districts)],
            latitude=None if n % 5 == 0 else districts[n % len(districts)].latitude,
            longitude=None if n % 5 == 0 else districts[n % len(districts)].longitude,
            offers_women=n % 3 == 0,
            live=True,
        )
        for n in range(start, start + count)
    )
    languages = Organisation.languages.through
    origins = Organisation.origins.through
    languages.objects.bulk_create(
        [languages(organisation=o, language=arabic) for o in organisations]
        + [languages(organisation=o, language=turkish) for o in organisations[::2]]
    )
    origins.objects.bulk_create([origins(organisation=o, origin=syria) for o in organisations])
    return organisations


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(queries), response


QUERY_BOUND = 30


@pytest.mark.parametrize(
    "query", ["", "?sprache=arabisch&art=mso", "?sortierung=entfernung&nahe=coerde&seite=2"]
)
def test_directory_runs_the_same_bounded_number_of_queries_for_10_and_1000(client, query):
    bulk_organisations(10)
    client.get(f"/de/organisationen/{query}")  # warm up per-process caches (site, locales)
    small, _response = count_queries(client, f"/de/organisationen/{query}")
    bulk_organisations(990, start=10)  # now 1,000
    large, response = count_queries(client, f"/de/organisationen/{query}")

    assert small == large
    assert large <= QUERY_BOUND
    assert response.content.decode().count('class="org-card"') == 20  # one page of 1,000


def test_a_1000_organisation_result_renders_and_downloads(client, django_assert_max_num_queries):
    bulk_organisations(1000)

    with django_assert_max_num_queries(QUERY_BOUND):
        response = client.get("/de/organisationen/")
    assert "1000 Organisationen" in response.content.decode()
    with django_assert_max_num_queries(QUERY_BOUND):
        data = client.get("/de/organisationen/organisationen.geojson").json()
    assert len(data["features"]) == 1000  # those without coordinates use their district
    with django_assert_max_num_queries(QUERY_BOUND):
        rows = list(
            csv.DictReader(
                io.StringIO(client.get("/de/organisationen/organisationen.csv").content.decode())
            )
        )
    assert len(rows) == 1000


def test_geojson_is_valid_and_has_the_popup_fields_in_the_readers_language(client, translate):
    with_coordinates = OrganisationFactory(
        name="Kulturverein",
        languages=[de(Language, "arabisch")],
        latitude="51.962500",
        longitude="7.625600",
    )
    OrganisationFactory(name="Nur Stadtteil", district=de(District, "hiltrup"))
    OrganisationFactory(name="Ohne Ort")
    translate(with_coordinates, "en", {"Kulturverein": "Cultural Association"})

    response = client.get("/en/organisationen/organisationen.geojson")

    assert response["Content-Type"].startswith("application/geo+json")
    collection = geojson.loads(response.content.decode())
    assert collection.is_valid, collection.errors()
    assert isinstance(collection, geojson.FeatureCollection)
    by_name = {f["properties"]["name"]: f for f in collection["features"]}
    assert set(by_name) == {"Cultural Association", "Nur Stadtteil"}  # no place: not on the map
    feature = by_name["Cultural Association"]
    assert feature["geometry"]["coordinates"] == [7.6256, 51.9625]
    assert feature["properties"]["languages"] == ["Arabic"]
    assert feature["properties"]["kind"] == "migrant self-organisation"
    assert feature["properties"]["url"].endswith("/en/organisationen/kulturverein/")
    assert by_name["Nur Stadtteil"]["properties"]["approximate_location"] is True


def test_entries_without_coordinates_are_in_the_list(client):
    OrganisationFactory(name="Ohne Ort")

    assert ">Ohne Ort</a>" in client.get("/de/organisationen/").content.decode()


def test_open_data_shows_the_contact_person_only_with_consent(client):
    OrganisationFactory(name="Offen", contact_person="Erika Beispiel", contact_person_public=True)
    OrganisationFactory(name="Privat", contact_person="Max Geheim", contact_person_public=False)

    text = client.get("/de/organisationen/organisationen.csv").content.decode()
    assert "Erika Beispiel" in text
    assert "Max Geheim" not in text
    assert "Max Geheim" not in client.get("/de/organisationen/privat/").content.decode()
    assert "Erika Beispiel" in client.get("/de/organisationen/offen/").content.decode()
    page = client.get("/de/organisationen/").content.decode()
    assert "organisationen.geojson" in page and "organisationen.csv" in page
    assert "Datenlizenz Deutschland" in page


def test_the_downloads_follow_the_filter(client):
    OrganisationFactory(name="Mit Arabisch", languages=[de(Language, "arabisch")])
    OrganisationFactory(name="Ohne")

    page = client.get("/de/organisationen/?sprache=arabisch").content.decode()
    csv_url = re.search(r'href="([^"]+organisationen\.csv[^"]*)"', page).group(1)
    rows = list(
        csv.DictReader(io.StringIO(client.get(csv_url.replace("&amp;", "&")).content.decode()))
    )
    assert [row["name"] for row in rows] == ["Mit Arabisch"]


def test_profile_shows_the_public_fields_and_structured_data(client):
    OrganisationFactory(
        name="Deutsch-Syrischer Verein",
        slug="deutsch-syrischer-verein",
        short_description="Treffpunkt für Familien.",
        profile="<p>Wir treffen uns <b>jeden</b> Samstag.</p><script>alert(1)</script>",
        email="kontakt@verein.example.org",
        phone="0251 555-1234",
        website="https://verein.example.org/",
        street_address="Hafenweg 1",
        postcode="48155",
        latitude="51.950000",
        longitude="7.640000",
        founding_year=1999,
        offers_families=True,
        focus_areas=[de(FocusArea, "kultur")],
    )

    response = client.get("/de/organisationen/deutsch-syrischer-verein/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h1>Deutsch-Syrischer Verein</h1>" in html
    assert "<b>jeden</b>" in html and "<script>alert(1)</script>" not in html
    assert 'href="mailto:kontakt@verein.example.org"' in html
    assert "Report a correction" in html or "Korrektur melden" in html
    assert "Kultur" in html  # the topics it works on (focus areas, for now)
    assert 'data-lat="51.950000"' in html  # the small map, after consent
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Organization"
    assert data["name"] == "Deutsch-Syrischer Verein"
    assert data["address"]["postalCode"] == "48155"
    assert data["location"]["geo"]["latitude"] == 51.95
    assert data["foundingDate"] == "1999"


def test_profile_in_the_readers_language_when_translated_else_german_with_notice(client, translate):
    organisation = OrganisationFactory(name="Frauentreff", slug="frauentreff")
    translate(organisation, "ar", {"Frauentreff": "ملتقى النساء"})

    arabic = client.get("/ar/organisationen/frauentreff/").content.decode()
    assert "<h1>ملتقى النساء</h1>" in arabic
    assert "notice--fallback" not in arabic

    turkish = client.get("/tr/organisationen/frauentreff/").content.decode()
    assert '<h1 lang="de">Frauentreff</h1>' in turkish
    assert "notice--fallback" in turkish
    assert 'lang="tr"' in turkish  # the page, and its notice, are Turkish


def test_a_translated_profile_shows_the_current_german_contacts_and_consents(client, translate):
    organisation = OrganisationFactory(
        name="Frauentreff",
        slug="frauentreff",
        phone="0251 111",
        contact_person="Amal Beispiel",
        contact_person_public=True,
    )
    translate(organisation, "ar", {"Frauentreff": "ملتقى النساء"})
    # Later the German entry changes: a new number, and consent to show the name withdrawn.
    organisation.phone = "0251 222"
    organisation.contact_person_public = False
    organisation.save_revision().publish()

    arabic = client.get("/ar/organisationen/frauentreff/").content.decode()

    assert "<h1>ملتقى النساء</h1>" in arabic
    assert "0251 222" in arabic and "0251 111" not in arabic
    assert "Amal Beispiel" not in arabic  # not in the page, not in its JSON-LD


def test_a_translated_profile_says_it_was_translated_from_german(client, translate):
    organisation = OrganisationFactory(name="Frauentreff", slug="frauentreff")
    translate(organisation, "ar", {"Frauentreff": "ملتقى النساء"})

    arabic = client.get("/ar/organisationen/frauentreff/").content.decode()
    german = client.get("/de/organisationen/frauentreff/").content.decode()

    assert 'class="translation-note"' in arabic
    assert 'class="translation-note"' not in german


def test_profile_language_switcher_and_hreflang_name_only_real_translations(client, translate):
    organisation = OrganisationFactory(name="Frauentreff", slug="frauentreff")
    translate(organisation, "ar", {"Frauentreff": "ملتقى النساء"})

    html = client.get("/tr/organisationen/frauentreff/").content.decode()
    alternates = set(re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html))
    assert alternates == {"de", "ar", "x-default"}
    switcher = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    items = re.findall(r'<li class="language-switcher__item([^"]*)">\s*<a href="([^"]+)"', switcher)
    missing = {href.split("/")[1] for css, href in items if "--missing" in css}
    assert "ar" not in missing and "de" not in missing
    assert {"en", "tr", "fa", "ku"} <= missing


def test_drafts_and_unknown_slugs_are_404(client):
    OrganisationFactory(name="Entwurf", slug="entwurf", live=False)

    assert client.get("/de/organisationen/entwurf/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/de/organisationen/gibt-es-nicht/").status_code == HTTPStatus.NOT_FOUND


def test_the_main_menu_links_to_the_directory(client, german_home):
    html = client.get("/de/").content.decode()
    assert 'href="/de/organisationen/"' in html
    listing = client.get("/de/organisationen/").content.decode()
    assert 'href="/de/organisationen/" aria-current="page"' in listing


def test_list_works_without_javascript_as_plain_get_links(client):
    for n in range(25):
        OrganisationFactory(
            name=f"Verein {n:02d}", slug=f"v-{n:02d}", languages=[de(Language, "arabisch")]
        )

    html = client.get("/de/organisationen/?sprache=arabisch").content.decode()
    assert '<form class="directory__filters" method="get"' in html
    assert 'href="?sprache=arabisch&amp;seite=2"' in html
    page_two = client.get("/de/organisationen/?sprache=arabisch&seite=2").content.decode()
    assert page_two.count('class="org-card"') == 5
    # The map is an enhancement: hidden until the script shows it.
    assert re.search(r'<section class="directory-map"[^>]*\shidden', html)


# --- admin -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/directory/organisation/",
        "/admin/snippets/directory/organisation/add/",
        "/admin/snippets/directory/origin/",
        "/admin/snippets/directory/language/",
        "/admin/snippets/directory/focusarea/",
        "/admin/snippets/directory/district/",
        "/admin/snippets/directory/organisation/?export=csv",
        "/admin/snippets/directory/organisation/?export=xlsx",
        "/admin/directory/import/",
    ],
)
def test_editors_manage_the_directory_in_the_admin(client, url):
    OrganisationFactory(name="Verein im Admin")
    client.force_login(UserFactory(groups=[roles.EDITORS]))

    assert client.get(url).status_code == HTTPStatus.OK


def test_admin_preview_renders_the_profile_with_its_map(rf):
    organisation = OrganisationFactory(name="Vorschau-Verein", latitude="51.95", longitude="7.64")
    organisation.name = "Vorschau-Verein (geändert)"  # an unsaved edit, as in the editor
    request = rf.get("/admin/")
    request.user = UserFactory(groups=[roles.EDITORS])

    response = organisation.serve_preview(request, organisation.default_preview_mode)

    html = response.render().content.decode()
    assert "<h1>Vorschau-Verein (geändert)</h1>" in html
    assert "data-directory-map" in html


def test_editors_can_start_a_translation_of_an_organisation(client):
    organisation = OrganisationFactory(name="Verein")
    client.force_login(UserFactory(groups=[roles.EDITORS]))
    submit_url = f"/admin/localize/submit/snippet/directory/organisation/{organisation.pk}/"

    listing = client.get("/admin/snippets/directory/organisation/").content.decode()
    assert submit_url in listing  # wagtail-localize's "Translate" button
    assert client.get(submit_url).status_code == HTTPStatus.OK


@pytest.mark.parametrize("group", [roles.TRANSLATORS, roles.ORGANISATIONS])
def test_only_editors_may_import(client, group):
    client.force_login(UserFactory(groups=[group]))

    response = client.get("/admin/directory/import/")
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard.
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/"
    response = client.post("/admin/directory/import/", {})
    assert response.status_code == HTTPStatus.FOUND


@pytest.mark.parametrize("slug", ["vorschlagen", "einladung", "bestaetigen"])
def test_an_entry_cannot_take_the_address_of_a_directory_page(slug):
    from django.core.exceptions import ValidationError

    organisation = OrganisationFactory(name="Verein")
    organisation.slug = slug

    with pytest.raises(ValidationError) as error:
        organisation.clean()
    assert "slug" in error.value.message_dict
