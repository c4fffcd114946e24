"""`manage.py import_organisations`: all or nothing, errors by line, idempotent, and the
open-data CSV round-trips through it."""

import csv
import io
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from cms import roles
from directory.demo import SAMPLE_CSV
from directory.importer import COLUMNS
from directory.models import Organisation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)


def row(**values):
    defaults = {"name": "Verein", "kind": "mso", "short_description": "Kurz."}
    defaults.update(values)
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=COLUMNS).writerow(
        {column: defaults.get(column, "") for column in COLUMNS}
    )
    return buffer.getvalue().rstrip("\r\n")


def write(tmp_path, *rows, name="import.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def snapshot():
    return (
        Organisation.objects.count(),
        Revision.objects.count(),
        sorted(Organisation.objects.values_list("slug", "name", "latitude", "live")),
    )


def test_a_file_with_one_bad_row_imports_nothing_and_names_the_line(tmp_path):
    path = write(
        tmp_path,
        row(name="Erster Verein", origins="Syrien", languages="Arabic|Kurdisch (Kurmandschi)"),
        row(name="Zweiter Verein", district="Kinderhaus"),
        row(name="Dritter Verein", latitude="48.1", longitude="11.5"),  # Munich, not Münster
        row(name="Vierter Verein"),
    )
    before = snapshot()

    with pytest.raises(CommandError) as error:
        call_command("import_organisations", str(path))

    assert "Zeile 4" in str(error.value)
    assert "latitude" in str(error.value)
    assert "Zeile 2" not in str(error.value) and "Zeile 3" not in str(error.value)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"origins": "Atlantis"}, "Atlantis"),
        ({"district": "Mittelerde"}, "Mittelerde"),
        ({"kind": "Raumschiff"}, "Raumschiff"),
        ({"email": "keine-adresse"}, "email"),
        ({"latitude": "51.96"}, "Breiten- und Längengrad"),
        ({"founding_year": "neunzehnhundert"}, "founding_year"),
        ({"offers_for": "astronauten"}, "astronauten"),
        ({"social_links": "kein link"}, "kein link"),
    ],
)
def test_every_kind_of_error_is_reported_with_its_line(tmp_path, values, message):
    path = write(tmp_path, row(name="Guter Verein"), row(name="Schlechter Verein", **values))

    with pytest.raises(CommandError, match=message) as error:
        call_command("import_organisations", str(path))
    assert "Zeile 3" in str(error.value)
    assert not Organisation.objects.exists()


def test_duplicate_organisations_in_one_file_are_an_error(tmp_path):
    path = write(tmp_path, row(name="Doppelt"), row(name="Doppelt"))

    with pytest.raises(CommandError, match="Zeile 3"):
        call_command("import_organisations", str(path))


def test_import_matches_vocabulary_in_german_or_english_and_publishes(tmp_path):
    path = write(
        tmp_path,
        row(
            name="Deutsch-Türkischer Elternverein",
            origins="Türkiye|Türkei|westafrika",
            languages="Turkish|Deutsch",
            focus_areas="Education and languages",
            district="Coerde",
            latitude="51,9950",  # a German decimal comma is fine
            longitude="7.6540",
            offers_for="familien|jugend",
            contact_person_public="ja",
            profile="Erster Absatz.\n\nZweiter Absatz mit <Klammern>.",
        ),
    )

    call_command("import_organisations", str(path))

    organisation = Organisation.objects.get(slug="deutsch-tuerkischer-elternverein")
    assert organisation.live
    assert sorted(o.name for o in organisation.origins.all()) == ["Türkei", "Westafrika"]
    assert sorted(lang.name for lang in organisation.languages.all()) == ["Deutsch", "Türkisch"]
    assert [f.name for f in organisation.focus_areas.all()] == ["Bildung und Sprachen"]
    assert organisation.district.name == "Coerde"
    assert str(organisation.latitude) == "51.995000"
    assert organisation.offers_families and organisation.offers_youth
    assert organisation.contact_person_public
    assert organisation.profile == (
        "<p>Erster Absatz.</p><p>Zweiter Absatz mit &lt;Klammern&gt;.</p>"
    )
    assert organisation.revisions.count() == 1


def test_reimport_changes_nothing_and_a_changed_file_updates_without_duplicates(tmp_path):
    path = write(tmp_path, row(name="Verein A", origins="Syrien"), row(name="Verein B"))
    call_command("import_organisations", str(path))
    first = snapshot()

    call_command("import_organisations", str(path))
    assert snapshot() == first

    changed = write(tmp_path, row(name="Verein A", origins="Irak"), row(name="Verein B"))
    call_command("import_organisations", str(changed))
    assert Organisation.objects.count() == 2
    assert [o.name for o in Organisation.objects.get(slug="verein-a").origins.all()] == ["Irak"]


def test_the_sample_file_imports_and_is_all_demo_data(tmp_path):
    call_command("import_organisations", str(SAMPLE_CSV))

    organisations = Organisation.objects.all()
    assert organisations.count() == 60
    assert all(o.short_description.startswith("Fiktiver Demo-Eintrag") for o in organisations)
    assert all(o.email.endswith(".example.org") for o in organisations)
    assert all(o.phone.startswith("0251 555-") for o in organisations)
    assert organisations.values("district").distinct().count() >= 25


def test_the_open_data_csv_round_trips_through_the_importer(client, tmp_path):
    call_command("import_organisations", str(SAMPLE_CSV))
    exported = client.get("/de/organisationen/organisationen.csv").content.decode()

    Organisation.objects.all().delete()
    path = tmp_path / "export.csv"
    path.write_text(exported, encoding="utf-8")
    call_command("import_organisations", str(path))

    assert Organisation.objects.count() == 60
    assert client.get("/de/organisationen/organisationen.csv").content.decode() == exported
    # And importing the export into the same data changes nothing.
    before = snapshot()
    call_command("import_organisations", str(path))
    assert snapshot() == before


def test_editors_can_upload_a_file_in_the_admin(client):
    client.force_login(UserFactory(groups=[roles.EDITORS]))
    good = SimpleUploadedFile("a.csv", f"{HEADER}\n{row(name='Hochgeladen')}\n".encode())
    bad = SimpleUploadedFile("b.csv", f"{HEADER}\n{row(name='X', kind='falsch')}\n".encode())

    response = client.post("/admin/directory/import/", {"file": bad})
    assert response.status_code == HTTPStatus.OK
    assert "Zeile 2" in response.content.decode()
    assert not Organisation.objects.exists()

    response = client.post("/admin/directory/import/", {"file": good})
    assert response.status_code == HTTPStatus.FOUND
    assert Organisation.objects.get().name == "Hochgeladen"


def test_importing_the_open_data_export_keeps_private_contact_names(client, tmp_path):
    call_command("import_organisations", str(SAMPLE_CSV))
    private = dict(
        Organisation.objects.filter(contact_person_public=False)
        .exclude(contact_person="")
        .values_list("slug", "contact_person")
    )
    assert private  # the sample has contact persons who did not consent to publication
    exported = client.get("/de/organisationen/organisationen.csv").content.decode()
    exported_names = {r["contact_person"] for r in csv.DictReader(io.StringIO(exported))}
    assert not exported_names & set(private.values())

    path = tmp_path / "export.csv"
    path.write_text(exported, encoding="utf-8")
    call_command("import_organisations", str(path))

    after = dict(
        Organisation.objects.filter(slug__in=private).values_list("slug", "contact_person")
    )
    assert after == private


def test_an_entry_waiting_for_moderation_is_not_overwritten_by_an_import(tmp_path):
    call_command("import_organisations", str(write(tmp_path, row(name="Wartender Verein"))))
    organisation = Organisation.objects.get(name="Wartender Verein")
    organisation.short_description = "Eingereicht von der Organisation."
    organisation.get_workflow().start(organisation, user=UserFactory(is_superuser=True))
    before = snapshot()

    changed = write(tmp_path, row(name="Wartender Verein", short_description="Neu."), name="2.csv")
    with pytest.raises(CommandError) as error:
        call_command("import_organisations", str(changed))

    assert "Zeile 2" in str(error.value) and "Wartender Verein" in str(error.value)
    assert snapshot() == before
    organisation.refresh_from_db()
    assert organisation.workflow_in_progress
    # Re-importing what is live (no change) is still fine.
    call_command("import_organisations", str(write(tmp_path, row(name="Wartender Verein"))))
