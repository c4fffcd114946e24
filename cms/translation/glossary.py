"""Consistent terminology for translators: a registry of term sources (the glossary
snippet, the directory's vocabularies) exported per language as CSV or TBX.

An app registers its terms once, e.g. in its `wagtail_hooks.py`:

    from cms.translation.glossary import register_glossary_source
    register_glossary_source(GlossaryTerm, term_field="term", note_field="explanation")
    register_glossary_source(Origin)  # term_field defaults to "name"
"""

import csv
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail.models import DraftStateMixin, Locale

from cms.spreadsheet import safe_cell

_SOURCES = {}


@dataclass
class GlossarySource:
    model: type
    term_field: str
    note_field: str | None


@dataclass
class GlossaryEntry:
    kind: str
    source_term: str
    target_term: str
    note: str
    published: bool


def register_glossary_source(model, term_field="name", note_field=None):
    _SOURCES[model._meta.label_lower] = GlossarySource(model, term_field, note_field)


def glossary_sources():
    return list(_SOURCES.values())


def glossary_entries(locale):
    """Every registered German term with its translation in `locale` ("" if missing).
    Two queries per registered model."""
    default = Locale.get_default()
    entries = []
    for source in glossary_sources():
        model = source.model
        copies = {obj.translation_key: obj for obj in model.objects.filter(locale=locale)}
        for original in model.objects.filter(locale=default).order_by(source.term_field):
            copy = copies.get(original.translation_key)
            published = copy is not None and (not isinstance(copy, DraftStateMixin) or copy.live)
            note = getattr(original, source.note_field, "") if source.note_field else ""
            entries.append(
                GlossaryEntry(
                    kind=str(model._meta.verbose_name),
                    source_term=getattr(original, source.term_field),
                    target_term=getattr(copy, source.term_field) if copy is not None else "",
                    note=strip_tags(str(note or "")),
                    published=published,
                )
            )
    return entries


def as_csv(entries, locale):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["type", Locale.get_default().language_code, locale.language_code, "published", "note"]
    )
    for entry in entries:
        writer.writerow(
            [
                entry.kind,
                safe_cell(entry.source_term),
                safe_cell(entry.target_term),
                "yes" if entry.published else "no",
                safe_cell(entry.note),
            ]
        )
    return buffer.getvalue()


def as_tbx(entries, locale):
    """TBX (ISO 30042, TBX-Basic dialect): one concept entry per term, with a German and,
    where translated, a target-language term."""
    source_code = Locale.get_default().language_code
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", "xml:lang": source_code})
    root.set("xmlns", "urn:iso:std:iso:30042:ed-2")
    header = ET.SubElement(root, "tbxHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    source_desc = ET.SubElement(file_desc, "sourceDesc")
    ET.SubElement(source_desc, "p").text = "Portal für Münster"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, entry in enumerate(entries, start=1):
        concept = ET.SubElement(body, "conceptEntry", {"id": f"c{number}"})
        ET.SubElement(concept, "descrip", {"type": "subjectField"}).text = entry.kind
        if entry.note:
            ET.SubElement(concept, "descrip", {"type": "definition"}).text = entry.note
        for code, term in (
            (source_code, entry.source_term),
            (locale.language_code, entry.target_term),
        ):
            if not term:
                continue
            lang_sec = ET.SubElement(concept, "langSec", {"xml:lang": code})
            term_sec = ET.SubElement(lang_sec, "termSec")
            ET.SubElement(term_sec, "term").text = term
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
