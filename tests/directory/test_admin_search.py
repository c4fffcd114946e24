"""Editors search the directory's admin listings (on SQLite and PostgreSQL alike)."""

import pytest
from django.urls import reverse
from wagtail.search import index

from cms import roles
from directory.models import District, FocusArea, Language, Origin
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_editors_find_an_organisation_by_part_of_its_name(client):
    OrganisationFactory(name="Frauentreff Kinderhaus")
    OrganisationFactory(name="Schachclub")
    client.force_login(UserFactory(groups=[roles.EDITORS]))

    html = client.get("/admin/snippets/directory/organisation/?q=Frauen").content.decode()

    assert "Frauentreff Kinderhaus" in html
    assert "Schachclub" not in html


@pytest.mark.parametrize(
    "model, query, expected, other",
    [
        (Origin, "Syri", "syrien", "eritrea"),
        (Language, "Arab", "arabisch", "tuerkisch"),
        (FocusArea, "Arbei", "arbeit", "gesundheit"),
        (District, "Hilt", "hiltrup", "gievenbeck"),
    ],
)
def test_editors_search_the_vocabularies(client, model, query, expected, other):
    # The vocabularies are seeded by a migration, which cannot index them: on a site,
    # `manage.py update_index` after `migrate` does (README, operations).
    german = model.objects.filter(locale__language_code="de")
    for entry in german.filter(slug__in=[expected, other]):
        index.insert_or_update_object(entry)
    client.force_login(UserFactory(groups=[roles.EDITORS]))
    url = reverse(f"wagtailsnippets_directory_{model._meta.model_name}:list")

    html = client.get(url, {"q": query}).content.decode()

    edit = f"wagtailsnippets_directory_{model._meta.model_name}:edit"
    assert reverse(edit, args=[german.get(slug=expected).pk]) in html
    assert reverse(edit, args=[german.get(slug=other).pk]) not in html
