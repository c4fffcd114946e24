"""Scale data for the directory: thousands of fictional organisations (`generate_scale_data`).

Deterministic: everything comes from the `random.Random` the command passes in (seeded),
so the same count and seed build the same directory. Organisations are spread over the
Stadtteile (the inner city denser than the outskirts), with skewed vocabularies: a few
origins, languages and focus areas are common, most are rare — as in a real directory.

Fast: German entries, their vocabulary links and their first revisions are bulk-created
(a few dozen queries per thousand entries); `generate_scale_data` then rebuilds the search
index once. The entries are
what an import would have produced: live, with a published revision, `last_published_at`
set. A small share is translated through wagtail-localize, exactly as a translator would
(`cms.demo_translation.publish_translation`), so the translation editor works on them.

Refuses to run twice on the same database (scale entries have slugs starting with
`scale-`); drop the database to build again.
"""

import datetime
import uuid
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Revision

from cms.demo_translation import publish_translation
from directory.models import (
    LATITUDE_RANGE,
    LONGITUDE_RANGE,
    OFFERS_FOR,
    District,
    FocusArea,
    Language,
    Organisation,
    Origin,
    german_slugify,
    sanitise_profile,
)

SLUG_PREFIX = "scale-"
BATCH = 500

# (German noun, kind, {language: translated noun})
NOUNS = [
    (
        "Kulturverein",
        "mso",
        {
            "en": "Cultural Association",
            "ar": "الجمعية الثقافية",
            "tr": "Kültür Derneği",
            "uk": "Культурне товариство",
        },
    ),
    (
        "Elternverein",
        "mso",
        {
            "en": "Parents' Association",
            "ar": "جمعية الآباء",
            "tr": "Veli Derneği",
            "uk": "Батьківське товариство",
        },
    ),
    (
        "Frauenverein",
        "mso",
        {
            "en": "Women's Association",
            "ar": "جمعية النساء",
            "tr": "Kadın Derneği",
            "uk": "Жіноче товариство",
        },
    ),
    (
        "Jugendgruppe",
        "mso",
        {
            "en": "Youth Group",
            "ar": "مجموعة الشباب",
            "tr": "Gençlik Grubu",
            "uk": "Молодіжна група",
        },
    ),
    (
        "Gemeinschaft",
        "mso",
        {"en": "Community", "ar": "الجالية", "tr": "Topluluğu", "uk": "Громада"},
    ),
    (
        "Sportverein",
        "association",
        {"en": "Sports Club", "ar": "النادي الرياضي", "tr": "Spor Kulübü", "uk": "Спортивний клуб"},
    ),
    (
        "Begegnungszentrum",
        "association",
        {
            "en": "Meeting Centre",
            "ar": "مركز اللقاء",
            "tr": "Buluşma Merkezi",
            "uk": "Центр зустрічей",
        },
    ),
    (
        "Sprachcafé",
        "association",
        {"en": "Language Café", "ar": "مقهى اللغة", "tr": "Dil Kafesi", "uk": "Мовне кафе"},
    ),
    (
        "Nachbarschaftsinitiative",
        "association",
        {
            "en": "Neighbourhood Initiative",
            "ar": "مبادرة الجيران",
            "tr": "Komşuluk Girişimi",
            "uk": "Сусідська ініціатива",
        },
    ),
    (
        "Moscheegemeinde",
        "faith",
        {
            "en": "Mosque Community",
            "ar": "جماعة المسجد",
            "tr": "Cami Cemaati",
            "uk": "Мечетна громада",
        },
    ),
    (
        "Orthodoxe Kirchengemeinde",
        "faith",
        {
            "en": "Orthodox Parish",
            "ar": "الرعية الأرثوذكسية",
            "tr": "Ortodoks Kilise Cemaati",
            "uk": "Православна парафія",
        },
    ),
    (
        "Alevitische Gemeinde",
        "faith",
        {
            "en": "Alevi Community",
            "ar": "الجماعة العلوية",
            "tr": "Alevi Cemaati",
            "uk": "Алевітська громада",
        },
    ),
    (
        "Migrationsberatung",
        "counselling",
        {
            "en": "Migration Advice",
            "ar": "استشارات الهجرة",
            "tr": "Göç Danışmanlığı",
            "uk": "Міграційна консультація",
        },
    ),
    (
        "Beratungsstelle",
        "counselling",
        {
            "en": "Advice Centre",
            "ar": "مركز الاستشارة",
            "tr": "Danışma Merkezi",
            "uk": "Консультаційний центр",
        },
    ),
    ("Netzwerk", "network", {"en": "Network", "ar": "شبكة", "tr": "Ağı", "uk": "Мережа"}),
    (
        "Arbeitskreis",
        "network",
        {"en": "Working Group", "ar": "فريق العمل", "tr": "Çalışma Grubu", "uk": "Робоча група"},
    ),
    (
        "Hausaufgabenhilfe",
        "other",
        {
            "en": "Homework Help",
            "ar": "المساعدة في الواجبات",
            "tr": "Ödev Yardımı",
            "uk": "Допомога з домашніми завданнями",
        },
    ),
]
# Common origins first; the rest of the seeded list is the long tail.
COMMON_ORIGINS = [
    "tuerkei", "syrien", "ukraine", "polen", "russland", "afghanistan", "irak", "iran",
    "rumaenien", "kosovo", "eritrea", "italien", "griechenland", "kurdistan", "westafrika",
    "balkan", "lateinamerika", "naher-osten",
]  # fmt: skip
COMMON_LANGUAGES = [
    "deutsch", "arabisch", "tuerkisch", "russisch", "ukrainisch", "persisch-farsi",
    "englisch", "polnisch", "kurdisch-kurmandschi", "dari", "franzoesisch", "tigrinya",
]  # fmt: skip
# Stadtteile of the inner city and the big residential quarters get more entries.
DISTRICT_WEIGHT = {"Münster-Mitte": 4, "Münster-Nord": 3, "Münster-West": 2}
STREETS = [
    "Hauptstraße", "Bahnhofstraße", "Kirchweg", "Schulstraße", "Lindenallee", "Am Markt",
    "Gartenstraße", "Wiesenweg", "Mühlenstraße", "Ringstraße", "Parkweg", "Friedensplatz",
]  # fmt: skip
MEETING_TIMES = [
    "Jeden Samstag 15–18 Uhr",
    "Mo–Fr 9–16 Uhr nach Vereinbarung",
    "Dienstags und Donnerstags 17–20 Uhr",
    "Mittwochs ab 18 Uhr",
    "Erster Sonntag im Monat, 14 Uhr",
    "",
]
SHORT = "Fiktiver Skalierungs-Eintrag: {kind} in {district} mit Angeboten zu {focus}."  # noqa: RUF001
PROFILE = (
    "<p>Dieser Eintrag ist erfunden und dient nur dem Lasttest des Portals. {name} ist in "
    "Münster-{district} aktiv.</p><p>Schwerpunkte: {focus}. Sprachen: {languages}.</p>"
    "<ul><li>Offene Treffen</li><li>Beratung nach Vereinbarung</li></ul>"
    "<p>Alle Kontaktdaten sind Platzhalter.</p>"
)
# Shares of the German entries that are translated (en first, the rest on top).
TRANSLATED_SHARE = 0.02
EXTRA_LANGUAGES = ["ar", "tr", "uk"]


def _zipf(rng, items, count, exponent=1.1):
    """`count` distinct items, earlier ones far more likely (a long-tailed choice)."""
    weights = [1 / (rank + 1) ** exponent for rank in range(len(items))]
    chosen = []
    while len(chosen) < min(count, len(items)):
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def _ordered(entries, common_slugs):
    """Vocabulary entries with the common ones first (in the given order), then the rest."""
    by_slug = {e.slug: e for e in entries}
    head = [by_slug[s] for s in common_slugs if s in by_slug]
    return head + sorted((e for e in entries if e.slug not in common_slugs), key=lambda e: e.slug)


def _jitter(rng, centre, spread, bounds):
    value = Decimal(str(round(float(centre) + rng.gauss(0, spread), 6)))
    return min(max(value, bounds[0]), bounds[1])


def already_generated():
    return Organisation.objects.filter(slug__startswith=SLUG_PREFIX).exists()


def generate(count, rng, stdout):
    if already_generated():
        raise CommandError(
            "The directory already has scale data (slugs scale-…); drop the database to "
            "generate it again."
        )
    german = Locale.get_default()
    origins = _ordered(list(Origin.objects.filter(locale=german)), COMMON_ORIGINS)
    languages = _ordered(list(Language.objects.filter(locale=german)), COMMON_LANGUAGES)
    focus_areas = sorted(FocusArea.objects.filter(locale=german), key=lambda f: f.slug)
    rng.shuffle(focus_areas)
    stadtteile = list(
        District.objects.filter(locale=german, parent__isnull=False)
        .select_related("parent")
        .order_by("slug")
    )
    if not (origins and languages and focus_areas and stadtteile):
        raise CommandError("The directory vocabularies are missing; run migrate first.")
    district_weights = [DISTRICT_WEIGHT.get(d.parent.name, 1) for d in stadtteile]
    kind_labels = dict(Organisation.Kind.choices)
    now = timezone.now()
    today = timezone.localdate()

    with transaction.atomic():
        organisations, links, used_names = [], [], set()
        for number in range(count):
            noun, kind, _translations = rng.choice(NOUNS)
            district = rng.choices(stadtteile, district_weights)[0]
            entry_origins = _zipf(rng, origins, rng.choice((1, 1, 1, 2, 3)))
            entry_languages = _zipf(rng, languages, rng.randint(1, 4))
            entry_focus = _zipf(rng, focus_areas, rng.randint(1, 4), exponent=0.7)
            pattern = rng.random()
            if pattern < 0.45:
                name = f"{noun} {entry_origins[0].name} {district.name}"
            elif pattern < 0.8:
                name = f"{entry_origins[0].name}: {noun} {district.name}"
            else:
                name = f"{noun} {district.name}"
            base, suffix = name, 2
            while name in used_names:
                name, suffix = f"{base} {suffix}", suffix + 1
            used_names.add(name)
            with_coordinates = rng.random() < 0.85
            focus_text = ", ".join(f.name for f in entry_focus)
            organisation = Organisation(
                locale=german,
                translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                slug=(SLUG_PREFIX + german_slugify(name))[:100],
                name=name,
                kind=kind,
                short_description=SHORT.format(
                    kind=kind_labels[kind], district=district.name, focus=focus_text
                ),
                profile=sanitise_profile(
                    PROFILE.format(
                        name=name,
                        district=district.name,
                        focus=focus_text,
                        languages=", ".join(lang.name for lang in entry_languages),
                    )
                ),
                district=district,
                street_address=f"{rng.choice(STREETS)} {rng.randint(1, 180)}",
                postcode=f"481{rng.randint(43, 67)}",
                latitude=_jitter(rng, district.latitude, 0.004, LATITUDE_RANGE)
                if with_coordinates
                else None,
                longitude=_jitter(rng, district.longitude, 0.006, LONGITUDE_RANGE)
                if with_coordinates
                else None,
                meeting_times=rng.choice(MEETING_TIMES),
                contact_person=f"Ansprechperson {number + 1}",
                contact_person_public=rng.random() < 0.3,
                email=f"kontakt-{number + 1}@scale.example.org",
                phone=f"0251 555-{number % 10000:04d}",
                website=f"https://verein-{number + 1}.scale.example.org/",
                founding_year=rng.randint(1955, today.year),
                accessibility=rng.choice(Organisation.Accessibility.values),
                last_confirmed=today - datetime.timedelta(days=rng.randint(0, 900)),
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                **{field: rng.random() < 0.15 for _value, field, _label in OFFERS_FOR},
            )
            organisations.append(organisation)
            links.append((entry_origins, entry_languages, entry_focus))

        Organisation.objects.bulk_create(organisations, batch_size=BATCH)
        _link_vocabularies(organisations, links)
        _create_revisions(organisations, links, now)
        stdout.write(f"  {count} organisations created")

    translated = _translate(rng, organisations)
    stdout.write(f"  {translated} translations published")


def _link_vocabularies(organisations, links):
    for position, (field_name, model) in enumerate(
        [("origins", Origin), ("languages", Language), ("focus_areas", FocusArea)]
    ):
        through = Organisation._meta.get_field(field_name).remote_field.through
        column = f"{model._meta.model_name}_id"
        through.objects.bulk_create(
            [
                through(organisation_id=organisation.pk, **{column: entry.pk})
                for organisation, chosen in zip(organisations, links, strict=True)
                for entry in chosen[position]
            ],
            batch_size=BATCH * 4,
        )


def _create_revisions(organisations, links, now):
    """One published revision per entry, as `save_revision().publish()` leaves it."""
    content_type = ContentType.objects.get_for_model(Organisation)
    revisions = []
    for organisation, (entry_origins, entry_languages, entry_focus) in zip(
        organisations, links, strict=True
    ):
        content = organisation.serializable_data()
        content["origins"] = [o.pk for o in entry_origins]
        content["languages"] = [lang.pk for lang in entry_languages]
        content["focus_areas"] = [f.pk for f in entry_focus]
        revisions.append(
            Revision(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(organisation.pk),
                created_at=now,
                content=content,
                object_str=str(organisation)[:255],
            )
        )
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    for organisation, revision in zip(organisations, revisions, strict=True):
        organisation.latest_revision = revision
        organisation.live_revision = revision
    Organisation.objects.bulk_update(
        organisations, ["latest_revision", "live_revision"], batch_size=BATCH
    )


def _translate(rng, organisations):
    """Translate a small share through wagtail-localize: all into English, some also into
    Arabic, Turkish or Ukrainian. Names get the translated noun; other texts stay German
    where no translation is given (as with a partly finished translation)."""
    nouns = {noun: translations for noun, _kind, translations in NOUNS}
    chosen = rng.sample(organisations, max(1, round(len(organisations) * TRANSLATED_SHARE)))
    done = 0
    for organisation in sorted(chosen, key=lambda o: o.pk):
        noun = next((n for n in nouns if n in organisation.name), None)
        codes = ["en"] + ([rng.choice(EXTRA_LANGUAGES)] if rng.random() < 0.5 else [])
        for code in codes:
            name = organisation.name.replace(noun, nouns[noun][code]) if noun else organisation.name
            publish_translation(organisation, code, {organisation.name: name})
            done += 1
    return done
