"""Scale data for the topic pages (`generate_scale_data --pages N`).

Deterministic (everything comes from the seeded `random.Random` the command passes in).
Of N pages: 15 % topic pages (a quarter of them new topic areas, the rest sub-topics, one
level deep as the page rules demand), 5 % Migrationsleitbild fields, 50 % news and 30 %
events, each with a StreamField body of headings, text, info boxes, FAQ, contact card,
link list and a plain-language box, under the section index pages of the German home page
(created like the demo does if they are missing).

Translations are real wagtail-localize translations, made the way a translator makes them
(`cms.demo_translation.publish_translation`): 3 % of the pages into every locale (their
index pages and the home page first, so whole paths exist in every language), another 7 %
into English and Arabic. The rest is German only and shown with the fallback notice.

Pages go through the tree API (treebeard paths must be right), one `add_child` and one
published revision each — about 20 pages a second. Refuses to run twice on the same
database (scale pages have slugs starting with `scale-`).
"""

import datetime

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from cms.demo_translation import publish_translation
from home.demo import german_home
from topics import demo
from topics.models import (
    LEITBILD_KINDS,
    NEWS_SECTIONS,
    TOPIC_ICONS,
    EventIndexPage,
    EventPage,
    LeitbildIndexPage,
    LeitbildPage,
    NewsIndexPage,
    NewsPage,
    TopicIndexPage,
    TopicPage,
)

SLUG_PREFIX = "scale-"
ALL_LOCALES_SHARE = 0.03
EN_AR_SHARE = 0.07
SHARES = {"topic": 0.15, "leitbild": 0.05, "news": 0.50}  # events: the rest

# Subject words in every locale: translated titles are "<subject> – <place> <n>".
SUBJECTS = [
    {
        "de": "Arbeit",
        "de-simple": "Arbeit",
        "en": "Work",
        "tr": "Çalışma",
        "ar": "العمل",
        "uk": "Робота",
        "ru": "Работа",
        "fa": "کار",
        "ku": "Kar",
        "pl": "Praca",
        "fr": "Travail",
        "es": "Trabajo",
    },
    {
        "de": "Wohnen",
        "de-simple": "Wohnen",
        "en": "Housing",
        "tr": "Konut",
        "ar": "السكن",
        "uk": "Житло",
        "ru": "Жильё",
        "fa": "مسکن",
        "ku": "Xanî",
        "pl": "Mieszkanie",
        "fr": "Logement",
        "es": "Vivienda",
    },
    {
        "de": "Gesundheit",
        "de-simple": "Gesundheit",
        "en": "Health",
        "tr": "Sağlık",
        "ar": "الصحة",
        "uk": "Здоров'я",
        "ru": "Здоровье",
        "fa": "سلامت",
        "ku": "Tenduristî",
        "pl": "Zdrowie",
        "fr": "Santé",
        "es": "Salud",
    },
    {
        "de": "Bildung",
        "de-simple": "Lernen",
        "en": "Education",
        "tr": "Eğitim",
        "ar": "التعليم",
        "uk": "Освіта",
        "ru": "Образование",
        "fa": "آموزش",
        "ku": "Perwerde",
        "pl": "Edukacja",
        "fr": "Éducation",
        "es": "Educación",
    },
    {
        "de": "Sprache",
        "de-simple": "Sprache",
        "en": "Language",
        "tr": "Dil",
        "ar": "اللغة",
        "uk": "Мова",
        "ru": "Язык",
        "fa": "زبان",
        "ku": "Ziman",
        "pl": "Język",
        "fr": "Langue",
        "es": "Idioma",
    },
    {
        "de": "Familie",
        "de-simple": "Familie",
        "en": "Family",
        "tr": "Aile",
        "ar": "العائلة",
        "uk": "Сім'я",
        "ru": "Семья",
        "fa": "خانواده",
        "ku": "Malbat",
        "pl": "Rodzina",
        "fr": "Famille",
        "es": "Familia",
    },
    {
        "de": "Beratung",
        "de-simple": "Hilfe",
        "en": "Advice",
        "tr": "Danışmanlık",
        "ar": "الاستشارة",
        "uk": "Консультація",
        "ru": "Консультация",
        "fa": "مشاوره",
        "ku": "Şêwirmendî",
        "pl": "Doradztwo",
        "fr": "Conseil",
        "es": "Asesoramiento",
    },
    {
        "de": "Teilhabe",
        "de-simple": "Mitmachen",
        "en": "Participation",
        "tr": "Katılım",
        "ar": "المشاركة",
        "uk": "Участь",
        "ru": "Участие",
        "fa": "مشارکت",
        "ku": "Beşdarî",
        "pl": "Uczestnictwo",
        "fr": "Participation",
        "es": "Participación",
    },
]
PLACES = [
    "Altstadt", "Kinderhaus", "Coerde", "Gievenbeck", "Hiltrup", "Mauritz", "Berg Fidel",
    "Angelmodde", "Roxel", "Wolbeck", "Handorf", "Nienberge",
]  # fmt: skip
SENTENCES = [
    "Hier finden Sie die wichtigsten Informationen und Ansprechpersonen.",
    "Die Beratung ist kostenlos und vertraulich, auf Wunsch mit Dolmetschung.",
    "Bringen Sie zum Termin Ihren Ausweis und vorhandene Unterlagen mit.",
    "Viele Angebote gibt es auch in Einfacher Sprache und in mehreren Sprachen.",
    "Die Stadt Münster arbeitet dabei eng mit Vereinen und Initiativen zusammen.",
    "Fragen Sie nach, wenn etwas unklar ist: Niemand muss das allein schaffen.",
    "Anmeldungen sind telefonisch, per E-Mail oder persönlich möglich.",
    "Fiktiver Skalierungs-Inhalt: Dieser Text dient nur dem Lasttest des Portals.",  # noqa: RUF001
]


def _text(rng, sentences=3):
    return " ".join(rng.sample(SENTENCES, sentences))


def _body(rng, subject):
    """A varied StreamField body (German)."""
    blocks = [
        ("heading", {"text": f"{subject}: das Wichtigste", "level": "h2"}),
        ("paragraph", RichText(f"<p>{_text(rng)}</p>")),
    ]
    for _round in range(rng.randint(1, 3)):
        choice = rng.random()
        blocks.append(("heading", {"text": f"{subject} im Alltag", "level": "h3"}))
        blocks.append(("paragraph", RichText(f"<p>{_text(rng, 2)}</p><p>{_text(rng, 2)}</p>")))
        if choice < 0.3:
            blocks.append(
                (
                    "callout",
                    {
                        "kind": rng.choice(["info", "warning", "tip"]),
                        "title": "Gut zu wissen",
                        "text": RichText(f"<p>{_text(rng, 1)}</p>"),
                    },
                )
            )
        elif choice < 0.55:
            blocks.append(
                (
                    "faq",
                    {
                        "title": "Häufige Fragen",
                        "items": [
                            {
                                "question": f"Wer hilft mir beim Thema {subject}?",
                                "answer": RichText(f"<p>{_text(rng, 1)}</p>"),
                            },
                            {
                                "question": "Was kostet das?",
                                "answer": RichText("<p>Die Beratung ist kostenlos.</p>"),
                            },
                        ],
                    },
                )
            )
        elif choice < 0.75:
            blocks.append(
                (
                    "links",
                    {
                        "title": "Mehr im Netz",
                        "links": [
                            (
                                "external",
                                {"url": "https://www.example.org/info", "title": "Informationen"},
                            )
                        ],
                    },
                )
            )
        else:
            blocks.append(
                (
                    "easy_language",
                    {"title": "", "text": RichText(f"<p>{subject} ist wichtig. Wir helfen.</p>")},
                )
            )
    if rng.random() < 0.5:
        blocks.append(
            (
                "contact",
                {
                    "office": "Beratungsstelle (Beispiel)",
                    "address": "Musterstraße 1\n48143 Münster",
                    "phone": "+49 251 0000000",
                    "email": "beratung@example.org",
                    "opening_hours": "Mo–Do 9–12 Uhr",
                },
            )
        )
    return blocks


def _goals(rng):
    return [
        (
            "goal",
            {
                "title": f"Leitziel {number}: Teilhabe in allen Lebenslagen",
                "description": _text(rng, 1),
                "sub_goals": [
                    {
                        "text": f"Teilziel {number}.{sub}: {_text(rng, 1)}",
                        "status": rng.choice(["planned", "in_progress", "achieved"]),
                    }
                    for sub in range(1, rng.randint(2, 5))
                ],
            },
        )
        for number in range(1, rng.randint(2, 4))
    ]


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish(skip_permission_checks=True)
    return page


def _indexes(home):
    """The four section index pages of the German home page (created as the demo does)."""
    fields = {"show_in_menus": True}
    return {
        "topic": demo.child(home, TopicIndexPage, "themen", title=demo.THEMEN.de, **fields),
        "leitbild": demo.child(
            home, LeitbildIndexPage, "leitbild", title=demo.LEITBILD.de, **fields
        ),
        "news": demo.child(home, NewsIndexPage, "aktuelles", title=demo.AKTUELLES.de, **fields),
        "event": demo.child(
            home, EventIndexPage, "veranstaltungen", title=demo.VERANSTALTUNGEN.de, **fields
        ),
    }


def counts(total):
    """{kind: number} of pages of each kind for `total` pages."""
    result = {kind: round(total * share) for kind, share in SHARES.items()}
    result["event"] = total - sum(result.values())
    return result


def already_generated():
    return Page.objects.filter(slug__startswith=SLUG_PREFIX).exists()


def generate(count, rng, stdout):
    if already_generated():
        raise CommandError(
            "The page tree already has scale data (slugs scale-…); drop the database to "
            "generate it again."
        )
    home = german_home()
    indexes = _indexes(home)
    today = timezone.localdate()
    now = timezone.now()
    created = []  # (page, subject)
    number = 0

    def new_slug(title):
        nonlocal number
        number += 1
        return f"{SLUG_PREFIX}{slugify(title)[:60]}-{number}"

    plan = counts(count)
    # Topic areas (a quarter), then sub-topics below new and existing areas.
    top_level = max(1, plan["topic"] // 4) if plan["topic"] else 0
    areas = list(TopicPage.objects.child_of(indexes["topic"]).order_by("path"))
    for position in range(plan["topic"]):
        subject = rng.choice(SUBJECTS)
        place = rng.choice(PLACES)
        if position < top_level or not areas:
            parent, title = indexes["topic"], f"{subject['de']} in {place}"
        else:
            parent, title = rng.choice(areas), f"{subject['de']}: Angebote in {place}"
        page = TopicPage(
            title=title,
            slug=new_slug(title),
            summary=_text(rng, 2)[:400],
            icon=rng.choice(TOPIC_ICONS)[0],
            body=_body(rng, subject["de"]),
        )
        _publish(parent, page)
        if parent is indexes["topic"]:
            areas.append(page)
        created.append((page, subject, place))

    for _position in range(plan["leitbild"]):
        subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
        title = f"Handlungsfeld {subject['de']} ({place})"
        page = LeitbildPage(
            title=title,
            slug=new_slug(title),
            kind=rng.choice(LEITBILD_KINDS)[0],
            summary=_text(rng, 2)[:400],
            goals=_goals(rng),
            body=_body(rng, subject["de"]),
        )
        created.append((_publish(indexes["leitbild"], page), subject, place))

    for _position in range(plan["news"]):
        subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
        title = f"{subject['de']}: Neues aus {place}"
        page = NewsPage(
            title=title,
            slug=new_slug(title),
            date=today - datetime.timedelta(days=rng.randint(0, 1500)),
            section=rng.choice(NEWS_SECTIONS)[0],
            teaser=_text(rng, 1),
            body=_body(rng, subject["de"]),
        )
        created.append((_publish(indexes["news"], page), subject, place))

    for _position in range(plan["event"]):
        subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
        title = f"Treffpunkt {subject['de']} in {place}"
        start = now.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(
            days=rng.randint(-180, 365), hours=rng.randint(-6, 6)
        )
        online = rng.random() < 0.2
        page = EventPage(
            title=title,
            slug=new_slug(title),
            start=start,
            end=start + datetime.timedelta(hours=rng.randint(1, 4)),
            teaser=_text(rng, 1),
            place_name="" if online else f"Stadtteilhaus {place} (Beispiel)",
            place_address="" if online else "Musterstraße 1\n48143 Münster",
            online_url="https://video.example.org/treffen" if online else "",
            registration="Anmeldung per E-Mail an veranstaltungen@example.org (Beispiel).",
            organiser="Kommunales Integrationszentrum Münster",
            body=_body(rng, subject["de"]),
        )
        created.append((_publish(indexes["event"], page), subject, place))
    stdout.write(f"  {len(created)} pages created ({plan})")

    translated = _translate(rng, home, indexes, created)
    stdout.write(f"  {translated} page translations published")


def _translate(rng, home, indexes, created):
    codes = list(
        Locale.objects.exclude(pk=home.locale_id)
        .order_by("language_code")
        .values_list("language_code", flat=True)
    )
    shuffled = created[:]
    rng.shuffle(shuffled)
    everywhere = shuffled[: round(len(created) * ALL_LOCALES_SHARE)]
    en_ar = shuffled[len(everywhere) : len(everywhere) + round(len(created) * EN_AR_SHARE)]
    done = 0
    needed = set(codes) if everywhere else set()
    if en_ar:
        needed |= {"en", "ar"} & set(codes)
    # Parents first, so every translated page has its whole path in the language.
    for code in sorted(needed):
        for page in [home, *indexes.values()]:
            done += bool(publish_translation(page, code, {}))
    jobs = [(item, codes) for item in everywhere] + [
        (item, [c for c in ("en", "ar") if c in codes]) for item in en_ar
    ]
    # Sub-topics after their topic area.
    jobs.sort(key=lambda job: job[0][0].path)
    for (page, subject, place), languages in jobs:
        parent = page.get_parent().specific
        for code in languages:
            if (
                isinstance(parent, TopicPage)
                and parent.get_translation_or_none(Locale.objects.get(language_code=code)) is None
            ):
                done += bool(publish_translation(parent, code, {}))
            title = f"{subject.get(code, subject['de'])} – {place} {page.slug.rsplit('-', 1)[-1]}"
            done += bool(publish_translation(page, code, {page.title: title}))
    return done
