"""Demo content for the directory: about 60 fictional organisations.

The entries come from `directory/fixtures/sample_import.csv`, the sample file in the
import format, and are loaded through the importer itself (which is idempotent). All
names, addresses and contacts are invented: e-mail and web addresses under example.org,
phone numbers in the fictional 0251 555-xxxx range; every entry says it is demo data.
A few entries are translated so the directory shows both translated and German entries.
"""

from pathlib import Path

from wagtail.models import Locale

from cms.demo_translation import publish_translation
from directory.importer import import_organisations
from directory.models import Organisation

SAMPLE_CSV = Path(__file__).resolve().parent / "fixtures" / "sample_import.csv"

# slug -> {language: {German: translation}}
TRANSLATIONS = {
    "syrischer-kulturverein-muenster": {
        "en": {
            "Syrischer Kulturverein Münster": "Syrian Cultural Association Münster",
            "Jeden Samstag 15–18 Uhr": "Every Saturday 3–6 pm",
        },
        "ar": {
            "Syrischer Kulturverein Münster": "الجمعية الثقافية السورية في مونستر",
        },
    },
    "ukrainische-gemeinschaft-am-aasee": {
        "en": {"Ukrainische Gemeinschaft am Aasee": "Ukrainian Community at the Aasee"},
        "uk": {"Ukrainische Gemeinschaft am Aasee": "Українська громада біля Аазее"},
    },
    "afghanischer-frauenverein-muenster": {
        "en": {"Afghanischer Frauenverein Münster": "Afghan Women's Association Münster"},
        "fa": {"Afghanischer Frauenverein Münster": "انجمن زنان افغان مونستر"},
    },
}


def _translate_descriptions(organisation, language, texts):
    """Add translations of the demo boilerplate so translated entries read as one language."""
    boilerplate = {
        "en": "Fictional demo entry.",
        "ar": "إدخال تجريبي خيالي.",
        "uk": "Вигаданий демонстраційний запис.",
        "fa": "یک ورودی نمایشی ساختگی.",
    }
    texts = dict(texts)
    texts.setdefault(organisation.short_description, boilerplate[language])
    return texts


def load():
    import_organisations(SAMPLE_CSV.read_text(encoding="utf-8"))
    german = Locale.get_default()
    for slug, languages in TRANSLATIONS.items():
        organisation = Organisation.objects.filter(locale=german, slug=slug).first()
        if organisation is None:
            continue
        for language, texts in languages.items():
            publish_translation(
                organisation, language, _translate_descriptions(organisation, language, texts)
            )
