"""The directory's filters on hand-built entries: AND across filters, OR within one,
facet counts that match the results, and invalid values that never break the page."""

import re
from http import HTTPStatus

import pytest
from django.test import Client

from directory.models import District, FocusArea, Language, Origin
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def de(model, slug):
    return model.objects.get(locale__language_code="de", slug=slug)


@pytest.fixture
def entries():
    """Five entries whose filter values are chosen so every combination is distinct."""
    syria, turkey, ukraine = de(Origin, "syrien"), de(Origin, "tuerkei"), de(Origin, "ukraine")
    arabic, turkish, ukrainian = (
        de(Language, "arabisch"),
        de(Language, "tuerkisch"),
        de(Language, "ukrainisch"),
    )
    culture, women = de(FocusArea, "kultur"), de(FocusArea, "frauen")
    kinderhaus, coerde, altstadt = (
        de(District, "kinderhaus"),
        de(District, "coerde"),
        de(District, "altstadt"),
    )
    return {
        "a": OrganisationFactory(
            name="Alpha",
            slug="alpha",
            origins=[syria],
            languages=[arabic],
            focus_areas=[culture],
            district=kinderhaus,
            kind="mso",
            offers_women=True,
        ),
        "b": OrganisationFactory(
            name="Beta",
            slug="beta",
            origins=[syria, turkey],
            languages=[arabic, turkish],
            focus_areas=[women],
            district=coerde,
            kind="faith",
        ),
        "c": OrganisationFactory(
            name="Gamma",
            slug="gamma",
            origins=[turkey],
            languages=[turkish],
            focus_areas=[culture, women],
            district=altstadt,
            kind="mso",
            offers_youth=True,
        ),
        "d": OrganisationFactory(
            name="Delta",
            slug="delta",
            origins=[ukraine],
            languages=[ukrainian],
            focus_areas=[culture],
            district=None,
            kind="counselling",
            offers_women=True,
            offers_youth=True,
        ),
        "e": OrganisationFactory(name="Epsilon", slug="epsilon", live=False, origins=[syria]),
    }


def result_names(client, query):
    response = client.get(f"/de/organisationen/?{query}")
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    return sorted(re.findall(r'class="org-card__title"><a href="[^"]+">([^<]+)</a>', html))


def facet_count(client, query, param, value):
    html = client.get(f"/de/organisationen/?{query}").content.decode()
    match = re.search(
        rf'name="{param}" value="{value}"[^>]*>\s*<label[^>]*><span[^>]*>[^<]*</span> '
        rf'<span class="facet__count" data-count="(\d+)"',
        html,
    )
    return int(match.group(1)) if match else 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Alpha", "Beta", "Delta", "Gamma"]),  # drafts never appear
        ("herkunft=syrien", ["Alpha", "Beta"]),
        ("herkunft=syrien&herkunft=ukraine", ["Alpha", "Beta", "Delta"]),  # OR within
        ("herkunft=syrien,ukraine", ["Alpha", "Beta", "Delta"]),  # same, comma-separated
        ("herkunft=syrien&sprache=tuerkisch", ["Beta"]),  # AND across
        ("herkunft=tuerkei&schwerpunkt=kultur", ["Gamma"]),
        ("schwerpunkt=kultur&schwerpunkt=frauen&art=mso", ["Alpha", "Gamma"]),
        ("stadtteil=muenster-nord", ["Alpha", "Beta"]),  # a Stadtbezirk includes its Stadtteile
        ("stadtteil=coerde", ["Beta"]),
        ("stadtteil=coerde&stadtteil=altstadt", ["Beta", "Gamma"]),
        ("angebot=frauen", ["Alpha", "Delta"]),
        ("angebot=frauen&angebot=jugend", ["Alpha", "Delta", "Gamma"]),
        ("angebot=frauen&angebot=jugend&art=counselling", ["Delta"]),
        ("herkunft=syrien&stadtteil=altstadt", []),
    ],
)
def test_filters_combine_with_and_across_and_or_within(client, entries, query, expected):
    assert result_names(client, query) == expected


@pytest.mark.parametrize(
    "query",
    [
        "",
        "herkunft=syrien",
        "herkunft=tuerkei&schwerpunkt=kultur",
        "angebot=frauen&art=mso",
        "stadtteil=muenster-nord&sprache=arabisch",
    ],
)
def test_every_facet_count_is_the_number_of_results_that_option_gives(client, entries, query):
    """Choosing only that option in its filter (others kept) gives exactly `count` results."""
    checks = [
        ("herkunft", ["syrien", "tuerkei", "ukraine"]),
        ("sprache", ["arabisch", "tuerkisch", "ukrainisch"]),
        ("schwerpunkt", ["kultur", "frauen"]),
        ("stadtteil", ["muenster-nord", "kinderhaus", "coerde", "muenster-mitte", "altstadt"]),
        ("art", ["mso", "faith", "counselling"]),
        ("angebot", ["frauen", "jugend"]),
    ]
    other = [part for part in query.split("&") if part]
    for param, values in checks:
        kept = "&".join(part for part in other if not part.startswith(f"{param}="))
        for value in values:
            expected = len(result_names(client, f"{kept}&{param}={value}"))
            assert facet_count(client, query, param, value) == expected, (query, param, value)


def test_facets_show_the_readers_names_and_hide_unused_options(client, entries):
    html = client.get("/en/organisationen/").content.decode()

    assert ">Syria</span>" in html
    assert ">Turkey</span>" in html or ">Türkiye</span>" in html
    assert 'value="frankreich"' not in html  # no organisation from France: no option


@pytest.mark.parametrize(
    ("query", "bad"),
    [
        ("herkunft=atlantis", "atlantis"),
        ("herkunft=syrien&sprache=klingonisch", "klingonisch"),
        ("art=raumschiff", "raumschiff"),
        ("angebot=%3Cscript%3E", "&lt;script&gt;"),
        ("stadtteil=xyz", "xyz"),
        ("sortierung=zufall", "zufall"),
        ("sortierung=entfernung&nahe=mond", "mond"),
        ("q=" + "x" * 300, "zu lang"),
    ],
)
def test_invalid_values_give_an_empty_result_and_a_message_never_an_error(entries, query, bad):
    client = Client(raise_request_exception=False)
    response = client.get(f"/de/organisationen/?{query}")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert 'role="alert"' in html and bad in html
    assert "org-card__title" not in html
    assert "<script>" not in html
    geojson = client.get(f"/de/organisationen/organisationen.geojson?{query}").json()
    assert geojson["features"] == [] and geojson["errors"]


def test_free_text_search_combines_with_the_facets(client, entries):
    assert result_names(client, "q=Alpha") == ["Alpha"]
    assert result_names(client, "q=Verein") == ["Alpha", "Beta", "Delta", "Gamma"]
    assert result_names(client, "q=Kochkurs") == []
    assert result_names(client, "q=Gamma&herkunft=tuerkei") == ["Gamma"]
    assert result_names(client, "q=Gamma&herkunft=syrien") == []


def test_free_text_search_finds_translated_text(client, entries, translate):
    translate(entries["a"], "en", {"Alpha": "Alphaville Friends"})

    assert result_names(client, "q=Alphaville") == ["Alpha"]  # German page shows German name
    html = client.get("/en/organisationen/?q=Alphaville").content.decode()
    assert ">Alphaville Friends</a>" in html


def test_sorting_by_distance_from_a_district(client, entries):
    html = client.get("/de/organisationen/?sortierung=entfernung&nahe=coerde").content.decode()
    names = re.findall(r'class="org-card__title"><a href="[^"]+">([^<]+)</a>', html)

    # Beta is in Coerde, Alpha in neighbouring Kinderhaus, Gamma in the Altstadt; Delta has
    # no place at all and comes last.
    assert names == ["Beta", "Alpha", "Gamma", "Delta"]


def test_chips_remove_one_value_and_reset_removes_all(client, entries):
    html = client.get(
        "/de/organisationen/?herkunft=syrien&herkunft=tuerkei&art=mso"
    ).content.decode()

    assert 'href="?herkunft=tuerkei&amp;art=mso"' in html  # chip "Syrien" drops only syrien
    assert 'href="?herkunft=syrien&amp;herkunft=tuerkei"' in html  # chip for the kind
    assert 'class="directory__reset"' in html


def test_free_text_finds_every_match_before_the_facets_apply(client, monkeypatch):
    """The site search ranks the best MAX_RESULTS; the directory needs every match, or a
    facet applied afterwards would lose entries."""
    import search.engine

    monkeypatch.setattr(search.engine, "MAX_RESULTS", 2)
    syria = de(Origin, "syrien")
    for number in range(6):
        OrganisationFactory(
            name=f"Sprachtreff {number}",
            slug=f"sprachtreff-{number}",
            origins=[syria] if number >= 3 else [],
        )

    assert result_names(client, "q=Sprachtreff&herkunft=syrien") == [
        "Sprachtreff 3",
        "Sprachtreff 4",
        "Sprachtreff 5",
    ]
    assert len(result_names(client, "q=Sprachtreff")) == 6
