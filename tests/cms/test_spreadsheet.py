"""CSV exports never hand a spreadsheet program a formula (CSV injection)."""

import csv
import io

import pytest

from cms.spreadsheet import safe_cell, unescape_cell
from tests.factories import OrganisationFactory


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://example.org","x")',
        "@SUM(A1)",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|x",
        "\t=1",
    ],
)
def test_formulas_become_text_and_read_back_unchanged(value):
    escaped = safe_cell(value)

    assert escaped == "'" + value
    assert unescape_cell(escaped) == value


@pytest.mark.parametrize("value", ["+49 251 492-0", "-12.5", "Verein e.V.", "", "'quoted'"])
def test_ordinary_values_stay_as_they_are(value):
    assert safe_cell(value) == value
    assert unescape_cell(value) == value


@pytest.mark.django_db
def test_the_open_data_csv_neutralises_a_formula_in_a_suggested_name(client, tmp_path):
    from django.core.management import call_command

    from directory.models import Organisation

    OrganisationFactory(name="=HYPERLINK(1)", slug="formel", phone="+49 251 1")

    exported = client.get("/de/organisationen/organisationen.csv").content.decode()
    (row,) = [r for r in csv.DictReader(io.StringIO(exported)) if r["slug"] == "formel"]
    assert row["name"] == "'=HYPERLINK(1)" and row["phone"] == "+49 251 1"

    path = tmp_path / "export.csv"
    path.write_text(exported, encoding="utf-8")
    call_command("import_organisations", str(path), stdout=io.StringIO())
    assert Organisation.objects.get(slug="formel").name == "=HYPERLINK(1)"
