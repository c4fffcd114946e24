"""CSV import and export of organisations, one format for both.

The import validates every row first and writes nothing if any row is wrong; errors name
the line. It matches vocabulary entries by German or English name (or slug), matches
organisations by slug (derived from the name when the column is empty), and saves only
rows that change something, so importing the same file twice changes nothing. Nothing is
geocoded: coordinates come from the file; the map falls back to the district centre.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from cms.spreadsheet import safe_cell, unescape_cell
from directory.models import (
    OFFERS_FOR,
    District,
    FocusArea,
    Language,
    Organisation,
    Origin,
    german_slugify,
    sanitise_profile,
)

COLUMNS = [
    "slug",
    "name",
    "kind",
    "short_description",
    "profile",
    "origins",
    "languages",
    "focus_areas",
    "district",
    "street_address",
    "postcode",
    "latitude",
    "longitude",
    "meeting_times",
    "contact_person",
    "contact_person_public",
    "email",
    "phone",
    "website",
    "social_links",
    "founding_year",
    "offers_for",
    "accessibility",
    "accessibility_notes",
    "last_confirmed",
]
REQUIRED_COLUMNS = {"name"}
SEPARATOR = "|"
TEXT_FIELDS = [
    "name",
    "short_description",
    "street_address",
    "postcode",
    "meeting_times",
    "contact_person",
    "email",
    "phone",
    "website",
    "accessibility_notes",
]
M2M_FIELDS = {"origins": Origin, "languages": Language, "focus_areas": FocusArea}
HTML_TAG = re.compile(r"</?(p|br|b|i|strong|em|ul|ol|li|a|h3)\b", re.IGNORECASE)
TRUE_VALUES = {"1", "yes", "ja", "true", "wahr", "x"}
FALSE_VALUES = {"", "0", "no", "nein", "false", "falsch"}


class ImportFailed(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportSummary:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


def _split(value):
    return [part.strip() for part in (value or "").split(SEPARATOR) if part.strip()]


class VocabularyMatcher:
    """Finds the German entry of a vocabulary by German/English name or slug."""

    def __init__(self, model, german, english):
        rows = list(model.objects.filter(locale__in=[loc for loc in (german, english) if loc]))
        source_by_key = {row.translation_key: row for row in rows if row.locale_id == german.pk}
        self.lookup = {}
        for row in rows:
            source = source_by_key.get(row.translation_key)
            if source is not None:
                self.lookup.setdefault(row.name.casefold(), source)
                self.lookup.setdefault(row.slug.casefold(), source)

    def get(self, name):
        return self.lookup.get(name.strip().casefold())


def profile_to_html(text):
    text = (text or "").strip()
    if not text:
        return ""
    if HTML_TAG.search(text):
        return sanitise_profile(text)
    paragraphs = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)


def _kind_lookup():
    lookup = {}
    for value, _label in Organisation.Kind.choices:
        lookup[value] = value
    for language in ("de", "en"):
        with override(language):
            for value, label in Organisation.Kind.choices:
                lookup[str(label).casefold()] = value
    return lookup


def _accessibility_lookup():
    lookup = {}
    for value, _label in Organisation.Accessibility.choices:
        lookup[value] = value
    for language in ("de", "en"):
        with override(language):
            for value, label in Organisation.Accessibility.choices:
                lookup[str(label).casefold()] = value
    return lookup


def _snapshot(organisation):
    data = {
        f.attname: getattr(organisation, f.attname)
        for f in Organisation._meta.concrete_fields
        if f.name in COLUMNS or f.name.startswith("offers_") or f.name == "district"
    }
    for name in M2M_FIELDS:
        data[name] = sorted(obj.pk for obj in getattr(organisation, name).all())
    return data


def read_rows(file_text):
    """[(line number, {column: value})] and the header; accepts ',' or ';' as delimiter."""
    text = file_text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    rows = []
    for row in reader:
        values = {k: unescape_cell((v or "").strip()) for k, v in row.items() if k is not None}
        if any(values.values()):
            rows.append((reader.line_num, values))
    return header, rows


def _keeps_private_contact(row, is_new):
    """An empty contact person with no consent to publish it keeps the stored name.

    The open-data CSV leaves private names out (`export_rows`); importing that file back
    must not erase them."""
    return (
        not is_new
        and not row["contact_person"]
        and row.get("contact_person_public", "").casefold() in FALSE_VALUES
    )


def import_organisations(file_text, dry_run=False):
    """Validate and import a CSV file. Raises ImportFailed (nothing written) on any error."""
    header, rows = read_rows(file_text)
    errors = []
    missing = REQUIRED_COLUMNS - set(header)
    unknown = set(header) - set(COLUMNS)
    if missing:
        errors.append(_("Missing column(s): %s") % ", ".join(sorted(missing)))
    if unknown:
        errors.append(_("Unknown column(s): %s") % ", ".join(sorted(unknown)))
    if not rows and not errors:
        errors.append(_("The file contains no organisations."))
    if errors:
        raise ImportFailed(errors)

    german = Locale.get_default()
    english = Locale.objects.filter(language_code="en").first()
    matchers = {
        model: VocabularyMatcher(model, german, english)
        for model in (Origin, Language, FocusArea, District)
    }
    kinds = _kind_lookup()
    accessibility = _accessibility_lookup()
    offers = {value: field_name for value, field_name, _label in OFFERS_FOR}
    existing = {o.slug: o for o in Organisation.objects.filter(locale=german)}

    prepared = []
    seen_slugs = {}
    for line, row in rows:
        row_errors = []

        def fail(message, line=line, row_errors=row_errors):
            row_errors.append(_("Line %(line)s: %(message)s") % {"line": line, "message": message})

        name = row.get("name", "")
        slug = row.get("slug") or german_slugify(name)[:100]
        if slug in seen_slugs:
            fail(
                _("the organisation “%(slug)s” already appears in line %(other)s.")
                % {
                    "slug": slug,
                    "other": seen_slugs[slug],
                }
            )
        seen_slugs[slug] = line
        organisation = existing.get(slug)
        is_new = organisation is None
        if is_new:
            organisation = Organisation(locale=german, slug=slug)
        before = None if is_new else _snapshot(organisation)

        for column in TEXT_FIELDS:
            if column in row:
                if column == "contact_person" and _keeps_private_contact(row, is_new):
                    continue
                setattr(organisation, column, row[column])
        if "profile" in row:
            organisation.profile = profile_to_html(row["profile"])
        if "kind" in row:
            kind = kinds.get(row["kind"].casefold()) if row["kind"] else Organisation.Kind.OTHER
            if kind is None:
                fail(_("unknown kind “%s”.") % row["kind"])
            else:
                organisation.kind = kind
        if "accessibility" in row:
            value = accessibility.get(row["accessibility"].casefold())
            if value is None:
                fail(_("unknown accessibility value “%s”.") % row["accessibility"])
            else:
                organisation.accessibility = value
        if "contact_person_public" in row:
            value = row["contact_person_public"].casefold()
            if value not in TRUE_VALUES | FALSE_VALUES:
                fail(_("contact_person_public must be yes or no."))
            organisation.contact_person_public = value in TRUE_VALUES
        if "social_links" in row:
            organisation.social_links = "\n".join(_split(row["social_links"]))
        if "offers_for" in row:
            chosen = _split(row["offers_for"])
            for value in chosen:
                if value not in offers:
                    fail(_("unknown target group “%s” in offers_for.") % value)
            for value, field_name in offers.items():
                setattr(organisation, field_name, value in chosen)
        for column in ("latitude", "longitude"):
            if column in row:
                raw = row[column].replace(",", ".")
                try:
                    setattr(organisation, column, Decimal(raw) if raw else None)
                except InvalidOperation:
                    fail(
                        _("%(column)s “%(value)s” is not a number.")
                        % {
                            "column": column,
                            "value": row[column],
                        }
                    )
        if "founding_year" in row:
            raw = row["founding_year"]
            if raw and not raw.isdigit():
                fail(_("founding_year “%s” is not a year.") % raw)
            else:
                organisation.founding_year = int(raw) if raw else None
        if "last_confirmed" in row:
            raw = row["last_confirmed"]
            try:
                organisation.last_confirmed = datetime.date.fromisoformat(raw) if raw else None
            except ValueError:
                fail(_("last_confirmed “%s” is not a date (YYYY-MM-DD).") % raw)
        if "district" in row:
            if row["district"]:
                district = matchers[District].get(row["district"])
                if district is None:
                    fail(_("unknown district “%s”.") % row["district"])
                organisation.district = district
            else:
                organisation.district = None
        for column, model in M2M_FIELDS.items():
            if column in row:
                entries = []
                for value in _split(row[column]):
                    entry = matchers[model].get(value)
                    if entry is None:
                        fail(
                            _("unknown value “%(value)s” in %(column)s.")
                            % {
                                "value": value,
                                "column": column,
                            }
                        )
                    else:
                        entries.append(entry)
                getattr(organisation, column).set(entries)

        # Publishing now would cancel the organisation's submitted change unseen.
        if (
            not row_errors
            and not is_new
            and organisation.workflow_in_progress
            and _snapshot(organisation) != before
        ):
            fail(
                _(
                    "“%s” has a change waiting for moderation; approve or reject it "
                    "first, then import again."
                )
                % organisation.name
            )
        if not row_errors:
            try:
                organisation.full_clean(exclude=["translation_key", "locale"])
            except ValidationError as error:
                for field_name, messages in error.message_dict.items():
                    label = "" if field_name == "__all__" else f"{field_name}: "
                    for message in messages:
                        fail(f"{label}{message}")
        errors += row_errors
        prepared.append((organisation, is_new, before))

    if errors:
        raise ImportFailed(errors)

    summary = ImportSummary()
    if dry_run:
        return summary
    with transaction.atomic():
        for organisation, is_new, before in prepared:
            if is_new:
                organisation.live = True
                organisation.save()
                organisation.save_revision().publish()
                summary.created.append(organisation)
            elif _snapshot(organisation) != before:
                organisation.save_revision().publish()
                summary.updated.append(organisation)
            else:
                summary.unchanged.append(organisation)
    return summary


# --- export ------------------------------------------------------------------------------


def export_rows(organisations, m2m_names, district_names):
    """Rows in the import format for the given German entries (open data: public fields only).

    `m2m_names` maps column -> {organisation pk: [German names]}; `district_names` maps
    district pk -> German name.
    """
    for organisation in organisations:
        yield {
            "slug": organisation.slug,
            "name": organisation.name,
            "kind": organisation.kind,
            "short_description": organisation.short_description,
            "profile": expand_db_html(organisation.profile) if organisation.profile else "",
            "origins": SEPARATOR.join(m2m_names["origins"].get(organisation.pk, [])),
            "languages": SEPARATOR.join(m2m_names["languages"].get(organisation.pk, [])),
            "focus_areas": SEPARATOR.join(m2m_names["focus_areas"].get(organisation.pk, [])),
            "district": district_names.get(organisation.district_id, ""),
            "street_address": organisation.street_address,
            "postcode": organisation.postcode,
            "latitude": "" if organisation.latitude is None else str(organisation.latitude),
            "longitude": "" if organisation.longitude is None else str(organisation.longitude),
            "meeting_times": organisation.meeting_times,
            # The name of the contact person is public only with their consent.
            "contact_person": organisation.contact_person
            if organisation.contact_person_public
            else "",
            "contact_person_public": "yes" if organisation.contact_person_public else "no",
            "email": organisation.email,
            "phone": organisation.phone,
            "website": organisation.website,
            "social_links": SEPARATOR.join(organisation.social_link_list),
            "founding_year": organisation.founding_year or "",
            "offers_for": SEPARATOR.join(value for value, _label in organisation.offers_for),
            "accessibility": organisation.accessibility,
            "accessibility_notes": organisation.accessibility_notes,
            "last_confirmed": organisation.last_confirmed.isoformat()
            if organisation.last_confirmed
            else "",
        }


def write_csv(stream, rows):
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({column: safe_cell(value) for column, value in row.items()})
