"""Demo content for the topics app: the nine topic areas, the twelve fields of the
Migrationsleitbild, news, events and a glossary, partly translated (en, ar, some tr/uk).

Written for the portal in our own words: the Leitbild goals are short summaries, not the
strategy's sentences; contact cards use example data only (example.org, Musterstraße),
never invented details of real organisations. Idempotent: pages are looked up by slug.
"""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from cms.demo_translation import publish_translation
from directory.models import FocusArea
from home.demo import german_home
from topics.models import (
    EventIndexPage,
    EventPage,
    GlossaryIndexPage,
    GlossaryTerm,
    LeitbildIndexPage,
    LeitbildPage,
    NewsIndexPage,
    NewsPage,
    TopicIndexPage,
    TopicPage,
)


class T(dict):
    """One text in German (`de`) with its translations: T("Arbeit", en="Work", ar="العمل")."""

    def __init__(self, de, **translations):
        super().__init__(translations)
        self.de = de

    def __str__(self):
        return self.de


def texts_for(code, *items):
    """{German: translation} for every T among `items` (nested lists/tuples/dicts too)."""
    found = {}

    def walk(item):
        if isinstance(item, T):
            if code in item:
                found[item.de] = item[code]
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list | tuple):
            for value in item:
                walk(value)

    walk(list(items))
    return found


def p(text):
    return RichText(f"<p>{text}</p>")


# Keys whose value is rich text, per block type (everything else is plain text).
RICH_TEXT_KEYS = {"callout": {"text"}, "easy_language": {"text"}, "faq": {"answer"}}


def body(*blocks):
    """Turn ("paragraph", T(...)) etc. into StreamField data with the German text."""
    return [
        (
            block_type,
            paragraph(value) if block_type == "paragraph" else german(value, rich(block_type)),
        )
        for block_type, value in blocks
    ]


def rich(block_type):
    return RICH_TEXT_KEYS.get(block_type, set())


def german(value, rich_keys, key=None):
    if isinstance(value, T):
        return p(value.de) if key in rich_keys else value.de
    if isinstance(value, dict):
        return {k: german(v, rich_keys, k) for k, v in value.items()}
    if isinstance(value, tuple):
        return (value[0], german(value[1], rich_keys))
    if isinstance(value, list):
        return [german(item, rich_keys, key) for item in value]
    return value


def paragraph(value):
    return p(value.de)


def child(parent, model, slug, **fields):
    """The live child page with this slug, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, languages, *items):
    for code in languages:
        publish_translation(page, code, texts_for(code, *items))


EN_AR = ("en", "ar")

# --- Topics ----------------------------------------------------------------------------

THEMEN = T("Themen", en="Topics", ar="مواضيع", tr="Konular", uk="Теми")
THEMEN_INTRO = T(
    "Was Sie für Ihr Leben in Münster wissen müssen – nach Themen geordnet.",
    en="What you need to know for your life in Münster – by topic.",
    ar="ما تحتاج إلى معرفته لحياتك في مونستر – مرتبًا حسب المواضيع.",
    tr="Münster'deki yaşamınız için bilmeniz gerekenler – konulara göre.",
    uk="Що потрібно знати для життя в Мюнстері – за темами.",
)
DEMO_CONTACT = {
    "office": T(
        "Beratungsstelle (Beispiel)", en="Advice centre (example)", ar="مركز الاستشارة (مثال)"
    ),
    "address": "Musterstraße 1\n48143 Münster",
    "phone": "+49 251 0000000",
    "email": "beratung@example.org",
    "opening_hours": T(
        "Mo–Do 9–12 Uhr und nach Vereinbarung",
        en="Mon–Thu 9 am–12 noon and by appointment",
        ar="من الإثنين إلى الخميس 9–12 وبموعد مسبق",
    ),
}

TOPICS = [
    # slug, icon, title, summary, body blocks, sub-topics [(slug, title, summary, body)]
    (
        "arbeit",
        "work",
        T("Arbeit", en="Work", ar="العمل", tr="Çalışma", uk="Робота"),
        T(
            "Arbeit suchen, Abschlüsse anerkennen lassen, Rechte im Job kennen.",
            en="Finding work, getting qualifications recognised, knowing your rights at work.",
            ar="البحث عن عمل، والاعتراف بالشهادات، ومعرفة حقوقك في العمل.",
            tr="İş aramak, diplomaları tanıtmak, işteki haklarınızı bilmek.",
            uk="Пошук роботи, визнання кваліфікації, знання своїх прав на роботі.",
        ),
        [
            (
                "heading",
                {"text": T("Arbeit finden", en="Finding work", ar="إيجاد عمل"), "level": "h2"},
            ),
            (
                "paragraph",
                T(
                    "Die Agentur für Arbeit und das Jobcenter helfen bei der Suche nach einer Stelle.",
                    en="The employment agency and the job centre help you look for a job.",
                    ar="تساعدك وكالة العمل ومركز العمل في البحث عن وظيفة.",
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": T(
                        "Beratung ist kostenlos", en="Advice is free", ar="الاستشارة مجانية"
                    ),
                    "text": T(
                        "Lassen Sie sich beraten, bevor Sie einen Vertrag unterschreiben.",
                        en="Get advice before you sign a contract.",
                        ar="احصل على استشارة قبل أن توقّع أي عقد.",
                    ),
                },
            ),
            (
                "heading",
                {
                    "text": T(
                        "Abschlüsse anerkennen",
                        en="Recognition of qualifications",
                        ar="الاعتراف بالشهادات",
                    ),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                T(
                    "Viele Berufsabschlüsse aus dem Ausland können in Deutschland anerkannt werden.",
                    en="Many professional qualifications from abroad can be recognised in Germany.",
                    ar="يمكن الاعتراف بكثير من الشهادات المهنية الأجنبية في ألمانيا.",
                ),
            ),
            (
                "links",
                {
                    "title": T("Mehr im Netz", en="More online", ar="المزيد على الإنترنت"),
                    "links": [
                        (
                            "external",
                            {
                                "url": "https://www.anerkennung-in-deutschland.de/",
                                "title": T(
                                    "Anerkennung in Deutschland",
                                    en="Recognition in Germany",
                                    ar="الاعتراف في ألمانيا",
                                ),
                            },
                        )
                    ],
                },
            ),
            ("contact", DEMO_CONTACT),
        ],
        [
            (
                "anerkennung",
                T(
                    "Anerkennung ausländischer Abschlüsse",
                    en="Recognition of foreign qualifications",
                    ar="الاعتراف بالشهادات الأجنبية",
                ),
                T(
                    "Wie Sie Ihren Berufsabschluss aus dem Ausland prüfen lassen.",
                    en="How to have your professional qualification from abroad assessed.",
                    ar="كيف تقدّم شهادتك المهنية الأجنبية للتقييم.",
                ),
            ),
            (
                "ausbildung",
                T(
                    "Ausbildung und Studium",
                    en="Vocational training and university",
                    ar="التدريب المهني والدراسة",
                ),
                T(
                    "Wege in eine Ausbildung oder an die Hochschule.",
                    en="Ways into vocational training or university.",
                    ar="طرق الالتحاق بالتدريب المهني أو الجامعة.",
                ),
            ),
        ],
    ),
    (
        "aufenthalt-und-recht",
        "residence",
        T(
            "Aufenthalt und Recht",
            en="Residence and law",
            ar="الإقامة والقانون",
            tr="Oturum ve hukuk",
            uk="Перебування і право",
        ),
        T(
            "Aufenthaltstitel, Einbürgerung und wo Sie rechtliche Beratung bekommen.",
            en="Residence permits, naturalisation and where to get legal advice.",
            ar="تصاريح الإقامة والتجنّس وأين تحصل على استشارة قانونية.",
            tr="Oturum izinleri, vatandaşlığa geçiş ve hukuki danışmanlık.",
            uk="Дозволи на перебування, натуралізація та правова консультація.",
        ),
        [
            (
                "paragraph",
                T(
                    "Für Fragen zum Aufenthalt ist die Ausländerbehörde der Stadt zuständig.",
                    en="The city's immigration office is responsible for questions about residence.",
                    ar="مكتب شؤون الأجانب في المدينة مسؤول عن أسئلة الإقامة.",
                ),
            ),
            (
                "faq",
                {
                    "title": T("Häufige Fragen", en="Frequently asked questions", ar="أسئلة شائعة"),
                    "items": [
                        {
                            "question": T(
                                "Wann muss ich meinen Aufenthaltstitel verlängern?",
                                en="When do I have to renew my residence permit?",
                                ar="متى يجب عليّ تجديد تصريح إقامتي؟",
                            ),
                            "answer": T(
                                "Stellen Sie den Antrag rechtzeitig vor Ablauf, am besten zwei Monate vorher.",
                                en="Apply in good time before it expires, ideally two months ahead.",
                                ar="قدّم الطلب قبل انتهاء الصلاحية بوقت كافٍ، ويُفضّل قبل شهرين.",
                            ),
                        },
                        {
                            "question": T(
                                "Wer hilft mir bei Fragen zur Einbürgerung?",
                                en="Who helps me with questions about naturalisation?",
                                ar="من يساعدني في أسئلة التجنّس؟",
                            ),
                            "answer": T(
                                "Die Einbürgerungsstelle berät Sie zu den Voraussetzungen.",
                                en="The naturalisation office advises you on the requirements.",
                                ar="يقدّم لك مكتب التجنّس المشورة حول الشروط.",
                            ),
                        },
                    ],
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": T(
                        "Fristen beachten", en="Mind the deadlines", ar="انتبه للمواعيد النهائية"
                    ),
                    "text": T(
                        "Ein abgelaufener Aufenthaltstitel kann Folgen für Arbeit und Leistungen haben.",
                        en="An expired residence permit can affect your work and benefits.",
                        ar="قد يؤثر انتهاء تصريح الإقامة على عملك ومستحقاتك.",
                    ),
                },
            ),
        ],
        [
            (
                "einbuergerung",
                T("Einbürgerung", en="Naturalisation", ar="التجنّس"),
                T(
                    "Voraussetzungen und Ablauf der Einbürgerung in Deutschland.",
                    en="Requirements and steps of naturalisation in Germany.",
                    ar="شروط وخطوات التجنّس في ألمانيا.",
                ),
            ),
        ],
    ),
    (
        "bildung-und-sprachen",
        "education",
        T("Bildung und Sprachen", en="Education and languages", ar="التعليم واللغات"),
        T(
            "Deutschkurse, Schule, Weiterbildung und Mehrsprachigkeit.",
            en="German courses, school, further education and multilingualism.",
            ar="دورات اللغة الألمانية والمدرسة والتعليم المستمر وتعدد اللغات.",
        ),
        [
            (
                "paragraph",
                T(
                    "Integrationskurse verbinden Deutschunterricht mit Wissen über das Leben in Deutschland.",
                    en="Integration courses combine German lessons with knowledge about life in Germany.",
                    ar="تجمع دورات الاندماج بين تعلّم الألمانية والمعرفة بالحياة في ألمانيا.",
                ),
            ),
            (
                "easy_language",
                {
                    "title": T("Einfach erklärt", en="Explained simply", ar="شرح مبسّط"),
                    "text": T(
                        "Sie wollen Deutsch lernen? Es gibt Kurse. Viele Kurse kosten wenig.",
                        en="Do you want to learn German? There are courses. Many courses cost little.",
                        ar="هل تريد تعلّم الألمانية؟ توجد دورات. كثير منها رخيص.",
                    ),
                },
            ),
        ],
        [],
    ),
    (
        "gesundheit-und-pflege",
        "health",
        T("Gesundheit und Pflege", en="Health and care", ar="الصحة والرعاية"),
        T(
            "Krankenversicherung, Ärztinnen und Ärzte, Pflege und Hilfe in Krisen.",
            en="Health insurance, doctors, care and help in a crisis.",
            ar="التأمين الصحي والأطباء والرعاية والمساعدة في الأزمات.",
        ),
        [
            (
                "paragraph",
                T(
                    "In Deutschland müssen alle Menschen krankenversichert sein.",
                    en="Everyone in Germany must have health insurance.",
                    ar="يجب أن يكون لكل شخص في ألمانيا تأمين صحي.",
                ),
            ),
        ],
        [],
    ),
    (
        "wohnen",
        "housing",
        T("Wohnen", en="Housing", ar="السكن"),
        T(
            "Wohnung finden, Mietvertrag verstehen, Hilfe bei Problemen.",
            en="Finding a flat, understanding the tenancy agreement, help with problems.",
            ar="إيجاد شقة، وفهم عقد الإيجار، والمساعدة عند المشكلات.",
        ),
        [
            (
                "paragraph",
                T(
                    "Der Wohnungsmarkt in Münster ist angespannt. Fangen Sie früh mit der Suche an.",
                    en="The housing market in Münster is tight. Start looking early.",
                    ar="سوق السكن في مونستر مزدحم. ابدأ البحث مبكرًا.",
                ),
            ),
        ],
        [],
    ),
    (
        "kinder-und-jugend",
        "children",
        T("Kinder und Jugend", en="Children and youth", ar="الأطفال والشباب"),
        T(
            "Kita, Schule, Freizeit und Unterstützung für Familien.",
            en="Daycare, school, leisure and support for families.",
            ar="الحضانة والمدرسة وأوقات الفراغ ودعم الأسر.",
        ),
        [
            (
                "paragraph",
                T(
                    "Kinder haben ab dem ersten Geburtstag einen Anspruch auf einen Betreuungsplatz.",
                    en="From their first birthday, children are entitled to a childcare place.",
                    ar="يحق للأطفال الحصول على مكان في الحضانة ابتداءً من عيد ميلادهم الأول.",
                ),
            ),
        ],
        [],
    ),
    (
        "sport-und-freizeit",
        "sport",
        T("Sport und Freizeit", en="Sport and leisure", ar="الرياضة وأوقات الفراغ"),
        T(
            "Vereine, Kultur und Orte der Begegnung in der Stadt.",
            en="Clubs, culture and places to meet in the city.",
            ar="الأندية والثقافة وأماكن اللقاء في المدينة.",
        ),
        [
            (
                "paragraph",
                T(
                    "In Sportvereinen lernen Sie schnell neue Menschen kennen.",
                    en="Sports clubs are a quick way to meet new people.",
                    ar="تتعرّف في الأندية الرياضية بسرعة على أشخاص جدد.",
                ),
            ),
        ],
        [],
    ),
    (
        "teilhabe-und-engagement",
        "participation",
        T("Teilhabe und Engagement", en="Participation and volunteering", ar="المشاركة والتطوع"),
        T(
            "Mitreden, mitentscheiden und sich ehrenamtlich engagieren.",
            en="Having your say, taking part in decisions and volunteering.",
            ar="إبداء الرأي والمشاركة في القرار والعمل التطوعي.",
        ),
        [
            (
                "paragraph",
                T(
                    "Der Integrationsrat vertritt die Interessen der Menschen mit internationaler Geschichte.",
                    en="The integration council represents people with an international history.",
                    ar="يمثّل مجلس الاندماج مصالح الأشخاص ذوي التاريخ الدولي.",
                ),
            ),
        ],
        [],
    ),
    (
        "rassismus-und-antidiskriminierung",
        "equality",
        T(
            "Rassismus und Antidiskriminierung",
            en="Racism and anti-discrimination",
            ar="العنصرية ومكافحة التمييز",
        ),
        T(
            "Was Sie bei Diskriminierung tun können und wer Ihnen hilft.",
            en="What you can do about discrimination and who can help you.",
            ar="ما يمكنك فعله عند التعرّض للتمييز ومن يساعدك.",
        ),
        [
            (
                "paragraph",
                T(
                    "Niemand darf wegen Herkunft, Sprache oder Religion benachteiligt werden.",
                    en="No one may be disadvantaged because of origin, language or religion.",
                    ar="لا يجوز التمييز ضد أي شخص بسبب أصله أو لغته أو دينه.",
                ),
            ),
        ],
        [],
    ),
]
# Fully translated into en and ar; the others stay German (the fallback can be seen).
TRANSLATED_TOPICS = {"arbeit", "aufenthalt-und-recht", "bildung-und-sprachen"}


def load_topics(home):
    index = child(
        home,
        TopicIndexPage,
        "themen",
        title=THEMEN.de,
        intro=f"<p>{THEMEN_INTRO.de}</p>",
        show_in_menus=True,
    )
    translate(index, ("en", "ar", "tr", "uk"), THEMEN, THEMEN_INTRO)
    focus_areas = {f.slug: f for f in FocusArea.objects.filter(locale=index.locale)}
    for slug, icon, title, summary, blocks, subtopics in TOPICS:
        topic = child(
            index,
            TopicPage,
            slug,
            title=title.de,
            summary=summary.de,
            icon=icon,
            focus_area=focus_areas.get(TOPIC_FOCUS_AREAS.get(slug, slug)),
            body=body(*blocks),
        )
        if slug in TRANSLATED_TOPICS:
            translate(topic, EN_AR, title, summary, blocks)
        if slug == "arbeit":
            translate(topic, ("tr", "uk"), title, summary)
        for sub_slug, sub_title, sub_summary in subtopics:
            sub = child(
                topic,
                TopicPage,
                sub_slug,
                title=sub_title.de,
                summary=sub_summary.de,
                icon=icon,
                body=body(("paragraph", sub_summary)),
            )
            if slug in TRANSLATED_TOPICS:
                translate(sub, EN_AR, sub_title, sub_summary)


# Topic slug -> the directory's focus area (directory/vocabulary_data.py) it lists.
TOPIC_FOCUS_AREAS = {
    "gesundheit-und-pflege": "gesundheit",
    "kinder-und-jugend": "jugend",
    "teilhabe-und-engagement": "politische-teilhabe",
    "rassismus-und-antidiskriminierung": "antirassismus",
}


# --- Migrationsleitbild ----------------------------------------------------------------

LEITBILD = T("Migrationsleitbild", en="Migration strategy", ar="الرؤية التوجيهية للهجرة")
LEITBILD_INTRO = T(
    "Das Leitbild „Migration und Integration“ 2025–2030 beschreibt, was Münster in zwölf "
    "Handlungsfeldern erreichen will. Hier sehen Sie die Ziele und wie weit sie umgesetzt sind.",
    en="The 2025–2030 strategy 'Migration and integration' sets out what Münster wants to "
    "achieve in twelve fields of action. Here you can see the goals and how far they have got.",
    ar="تصف الرؤية التوجيهية «الهجرة والاندماج» 2025–2030 ما تريد مونستر تحقيقه في اثني عشر "
    "مجالًا. هنا ترى الأهداف ومدى تنفيذها.",
)

# (slug, kind, title, summary, [(goal, [(sub-goal, status)])]) — goals in our own words.
LEITBILD_FIELDS = [
    (
        "rassismuskritik-und-antidiskriminierung",
        "cross_cutting",
        T(
            "Rassismuskritik und Antidiskriminierung",
            en="Anti-racism and anti-discrimination",
            ar="مناهضة العنصرية ومكافحة التمييز",
        ),
        T(
            "Diskriminierung erkennen, benennen und abbauen – in allen Bereichen der Stadt.",
            en="Recognising, naming and reducing discrimination across the city.",
            ar="التعرّف على التمييز وتسميته والحد منه في جميع مجالات المدينة.",
        ),
        [
            (
                T(
                    "Betroffene finden leicht Beratung und Unterstützung.",
                    en="People affected easily find advice and support.",
                    ar="يجد المتضررون الاستشارة والدعم بسهولة.",
                ),
                [
                    (
                        T(
                            "Beratungsangebote sind mehrsprachig bekannt gemacht.",
                            en="Advice services are publicised in several languages.",
                            ar="يتم التعريف بخدمات الاستشارة بعدة لغات.",
                        ),
                        "in_progress",
                    ),
                    (
                        T(
                            "Ein Meldeweg für Vorfälle ist eingerichtet.",
                            en="A way to report incidents is in place.",
                            ar="تم إنشاء طريقة للإبلاغ عن الحوادث.",
                        ),
                        "achieved",
                    ),
                ],
            ),
            (
                T(
                    "Verwaltung und Einrichtungen handeln diskriminierungssensibel.",
                    en="Administration and institutions act with awareness of discrimination.",
                    ar="تتصرف الإدارة والمؤسسات بوعي تجاه التمييز.",
                ),
                [
                    (
                        T(
                            "Fortbildungen für Beschäftigte finden regelmäßig statt.",
                            en="Staff training takes place regularly.",
                            ar="تُعقد دورات تدريبية للموظفين بانتظام.",
                        ),
                        "planned",
                    )
                ],
            ),
        ],
    ),
    (
        "sozialraum-und-quartier",
        "cross_cutting",
        T("Sozialraum und Quartier", en="Neighbourhoods", ar="الأحياء والفضاء الاجتماعي"),
        T(
            "Integration geschieht vor Ort – in den Stadtteilen und Nachbarschaften.",
            en="Integration happens locally – in districts and neighbourhoods.",
            ar="يحدث الاندماج محليًا – في الأحياء والجوار.",
        ),
        [
            (
                T(
                    "Angebote sind in den Stadtteilen gut erreichbar.",
                    en="Services are easy to reach in every district.",
                    ar="الخدمات سهلة الوصول في كل حي.",
                ),
                [
                    (
                        T(
                            "Stadtteilrunden beziehen Migrantenorganisationen ein.",
                            en="District networks include migrant organisations.",
                            ar="تُشرك شبكات الأحياء منظمات المهاجرين.",
                        ),
                        "in_progress",
                    ),
                    (
                        T(
                            "Junge Menschen gestalten ihr Quartier mit.",
                            en="Young people help shape their neighbourhood.",
                            ar="يشارك الشباب في تشكيل حيّهم.",
                        ),
                        "planned",
                    ),
                ],
            ),
        ],
    ),
    (
        "kommunikation-und-mehrsprachigkeit",
        "cross_cutting",
        T(
            "Kommunikation und Mehrsprachigkeit",
            en="Communication and multilingualism",
            ar="التواصل وتعدد اللغات",
        ),
        T(
            "Informationen erreichen alle – in verständlicher Sprache und in vielen Sprachen.",
            en="Information reaches everyone – in plain language and in many languages.",
            ar="تصل المعلومات إلى الجميع – بلغة مفهومة وبلغات عديدة.",
        ),
        [
            (
                T(
                    "Wichtige Informationen gibt es mehrsprachig.",
                    en="Key information is available in several languages.",
                    ar="تتوفر المعلومات المهمة بعدة لغات.",
                ),
                [
                    (
                        T(
                            "Ein mehrsprachiges Informationsportal ist online.",
                            en="A multilingual information portal is online.",
                            ar="بوابة معلومات متعددة اللغات متاحة على الإنترنت.",
                        ),
                        "in_progress",
                    ),
                    (
                        T(
                            "Dolmetschdienste sind leicht zu buchen.",
                            en="Interpreting services are easy to book.",
                            ar="يسهل حجز خدمات الترجمة الفورية.",
                        ),
                        "planned",
                    ),
                ],
            ),
        ],
    ),
    (
        "wirtschaft-und-arbeit",
        "focus",
        T("Wirtschaft und Arbeit", en="Economy and work", ar="الاقتصاد والعمل"),
        T(
            "Zugewanderte finden Arbeit, die zu ihren Fähigkeiten passt.",
            en="Newcomers find work that matches their skills.",
            ar="يجد القادمون الجدد عملًا يناسب مهاراتهم.",
        ),
        [
            (
                T(
                    "Abschlüsse werden schneller anerkannt.",
                    en="Qualifications are recognised faster.",
                    ar="يتم الاعتراف بالشهادات بشكل أسرع.",
                ),
                [
                    (
                        T(
                            "Anerkennungsberatung ist gut erreichbar.",
                            en="Recognition advice is easy to reach.",
                            ar="استشارات الاعتراف سهلة الوصول.",
                        ),
                        "achieved",
                    ),
                    (
                        T(
                            "Betriebe kennen den Weg zur Anerkennung.",
                            en="Employers know how recognition works.",
                            ar="تعرف الشركات طريق الاعتراف.",
                        ),
                        "in_progress",
                    ),
                ],
            ),
            (
                T(
                    "Die Stadtverwaltung spiegelt die Vielfalt der Stadt.",
                    en="The city administration reflects the city's diversity.",
                    ar="تعكس إدارة المدينة تنوّعها.",
                ),
                [
                    (
                        T(
                            "Mehr Beschäftigte mit internationaler Geschichte werden eingestellt.",
                            en="More staff with an international history are hired.",
                            ar="يتم توظيف المزيد من الموظفين ذوي التاريخ الدولي.",
                        ),
                        "in_progress",
                    )
                ],
            ),
        ],
    ),
    (
        "politische-partizipation-und-engagement",
        "focus",
        T(
            "Politische Partizipation und zivilgesellschaftliches Engagement",
            en="Political participation and civic engagement",
            ar="المشاركة السياسية والعمل المدني",
        ),
        T(
            "Mitreden und mitgestalten – in Politik, Vereinen und Initiativen.",
            en="Having a say and shaping the city – in politics, clubs and initiatives.",
            ar="المشاركة في الرأي والتشكيل – في السياسة والجمعيات والمبادرات.",
        ),
        [
            (
                T(
                    "Migrantenorganisationen sind sichtbar und vernetzt.",
                    en="Migrant organisations are visible and connected.",
                    ar="منظمات المهاجرين مرئية ومترابطة.",
                ),
                [
                    (
                        T(
                            "Eine Übersicht der Organisationen ist online.",
                            en="An overview of organisations is online.",
                            ar="نظرة عامة على المنظمات متاحة على الإنترنت.",
                        ),
                        "achieved",
                    ),
                    (
                        T(
                            "Vernetzungstreffen finden jährlich statt.",
                            en="Networking meetings take place every year.",
                            ar="تُعقد لقاءات التواصل سنويًا.",
                        ),
                        "in_progress",
                    ),
                ],
            ),
        ],
    ),
    (
        "interkulturelle-oeffnung",
        "focus",
        T("Interkulturelle Öffnung", en="Intercultural opening", ar="الانفتاح بين الثقافات"),
        T(
            "Einrichtungen stellen sich auf eine vielfältige Stadtgesellschaft ein.",
            en="Institutions adapt to a diverse urban society.",
            ar="تتكيّف المؤسسات مع مجتمع مدينة متنوع.",
        ),
        [
            (
                T(
                    "Einrichtungen prüfen ihre Angebote auf Zugänglichkeit.",
                    en="Institutions check their services for accessibility.",
                    ar="تفحص المؤسسات خدماتها من حيث سهولة الوصول.",
                ),
                [
                    (
                        T(
                            "Ein Leitfaden für die Prüfung liegt vor.",
                            en="A guide for the review is available.",
                            ar="يتوفر دليل للمراجعة.",
                        ),
                        "planned",
                    )
                ],
            ),
        ],
    ),
    (
        "bildung-und-sprachen",
        "life",
        T("Bildung und Sprachen", en="Education and languages", ar="التعليم واللغات"),
        T(
            "Gute Bildung für alle, Deutsch lernen und Familiensprachen schätzen.",
            en="Good education for all, learning German and valuing family languages.",
            ar="تعليم جيد للجميع، وتعلّم الألمانية، وتقدير لغات الأسرة.",
        ),
        [
            (
                T(
                    "Alle finden einen passenden Sprachkurs.",
                    en="Everyone finds a suitable language course.",
                    ar="يجد الجميع دورة لغة مناسبة.",
                ),
                [
                    (
                        T(
                            "Wartezeiten auf Kurse sind kurz.",
                            en="Waiting times for courses are short.",
                            ar="فترات الانتظار للدورات قصيرة.",
                        ),
                        "in_progress",
                    )
                ],
            ),
        ],
    ),
    (
        "gesundheit-und-pflege",
        "life",
        T("Gesundheit und Pflege", en="Health and care", ar="الصحة والرعاية"),
        T(
            "Gesundheitsangebote sind für alle verständlich und erreichbar.",
            en="Health services are understandable and reachable for everyone.",
            ar="الخدمات الصحية مفهومة ومتاحة للجميع.",
        ),
        [
            (
                T(
                    "Gesundheitsinformationen gibt es in vielen Sprachen.",
                    en="Health information is available in many languages.",
                    ar="تتوفر المعلومات الصحية بلغات عديدة.",
                ),
                [
                    (
                        T(
                            "Ein Lotsenprogramm begleitet zu Terminen.",
                            en="A guide programme accompanies people to appointments.",
                            ar="برنامج مرافقة يرافق الأشخاص إلى المواعيد.",
                        ),
                        "planned",
                    )
                ],
            ),
        ],
    ),
    (
        "wohnen",
        "life",
        T("Wohnen", en="Housing", ar="السكن"),
        T(
            "Fairer Zugang zu Wohnraum und gute Nachbarschaft.",
            en="Fair access to housing and good neighbourliness.",
            ar="وصول عادل إلى السكن وحسن جوار.",
        ),
        [
            (
                T(
                    "Benachteiligung bei der Wohnungssuche wird abgebaut.",
                    en="Disadvantages in the search for housing are reduced.",
                    ar="يتم الحد من التمييز في البحث عن سكن.",
                ),
                [
                    (
                        T(
                            "Vermieterinnen und Vermieter werden informiert.",
                            en="Landlords are informed.",
                            ar="يتم إعلام المؤجرين.",
                        ),
                        "in_progress",
                    )
                ],
            ),
        ],
    ),
    (
        "kinder-jugend-und-familie",
        "life",
        T(
            "Kinder, Jugend und Familie",
            en="Children, youth and family",
            ar="الأطفال والشباب والأسرة",
        ),
        T(
            "Familien werden früh erreicht und gut begleitet.",
            en="Families are reached early and well supported.",
            ar="يتم الوصول إلى الأسر مبكرًا ودعمها جيدًا.",
        ),
        [
            (
                T(
                    "Alle Kinder haben gute Startchancen.",
                    en="All children have a good start in life.",
                    ar="يحظى جميع الأطفال بفرص بداية جيدة.",
                ),
                [
                    (
                        T(
                            "Kita-Plätze werden mehrsprachig vermittelt.",
                            en="Daycare places are arranged in several languages.",
                            ar="يتم توفير أماكن الحضانة بعدة لغات.",
                        ),
                        "achieved",
                    )
                ],
            ),
        ],
    ),
    (
        "sport-kultur-und-freizeit",
        "life",
        T(
            "Sport, Kultur und Freizeit",
            en="Sport, culture and leisure",
            ar="الرياضة والثقافة وأوقات الفراغ",
        ),
        T(
            "Begegnung in Vereinen, Kultur und Freizeit für alle.",
            en="Meeting people in clubs, culture and leisure – for everyone.",
            ar="اللقاء في الأندية والثقافة وأوقات الفراغ للجميع.",
        ),
        [
            (
                T(
                    "Vereine öffnen sich für neue Mitglieder.",
                    en="Clubs open up to new members.",
                    ar="تنفتح الأندية على أعضاء جدد.",
                ),
                [
                    (
                        T(
                            "Schnupperangebote werden mehrsprachig beworben.",
                            en="Taster sessions are advertised in several languages.",
                            ar="يتم الإعلان عن الجلسات التجريبية بعدة لغات.",
                        ),
                        "in_progress",
                    )
                ],
            ),
        ],
    ),
    (
        "aufenthalt-und-recht",
        "life",
        T("Aufenthalt und Recht", en="Residence and law", ar="الإقامة والقانون"),
        T(
            "Verlässliche Beratung zu Aufenthalt und Rechten.",
            en="Reliable advice on residence and rights.",
            ar="استشارة موثوقة حول الإقامة والحقوق.",
        ),
        [
            (
                T(
                    "Verfahren sind transparent und verständlich.",
                    en="Procedures are transparent and understandable.",
                    ar="الإجراءات شفافة ومفهومة.",
                ),
                [
                    (
                        T(
                            "Termine können online gebucht werden.",
                            en="Appointments can be booked online.",
                            ar="يمكن حجز المواعيد عبر الإنترنت.",
                        ),
                        "achieved",
                    ),
                    (
                        T(
                            "Bescheide werden verständlich erklärt.",
                            en="Decisions are explained in plain words.",
                            ar="يتم شرح القرارات بلغة واضحة.",
                        ),
                        "planned",
                    ),
                ],
            ),
        ],
    ),
]
TRANSLATED_FIELDS = {"wirtschaft-und-arbeit", "rassismuskritik-und-antidiskriminierung"}


def load_leitbild(home):
    index = child(
        home,
        LeitbildIndexPage,
        "leitbild",
        title=LEITBILD.de,
        intro=f"<p>{LEITBILD_INTRO.de}</p>",
        show_in_menus=True,
    )
    translate(index, EN_AR, LEITBILD, LEITBILD_INTRO)
    for slug, kind, title, summary, goals in LEITBILD_FIELDS:
        goal_data = [
            (
                "goal",
                {
                    "title": goal.de,
                    "description": "",
                    "sub_goals": [{"text": sub.de, "status": status} for sub, status in subs],
                },
            )
            for goal, subs in goals
        ]
        field = child(
            index,
            LeitbildPage,
            slug,
            title=title.de,
            kind=kind,
            summary=summary.de,
            goals=goal_data,
        )
        if slug in TRANSLATED_FIELDS:
            translate(field, EN_AR, title, summary, goals)


# --- News ------------------------------------------------------------------------------

AKTUELLES = T("Aktuelles", en="News", ar="أخبار")
AKTUELLES_INTRO = T(
    "Neuigkeiten aus Münster und der Integrationsarbeit, in sechs Rubriken.",
    en="News from Münster and from integration work, in six sections.",
    ar="أخبار من مونستر ومن عمل الاندماج، في ستة أقسام.",
)
NEWS = [
    # slug, days ago, section, title, teaser, translated
    (
        "migrationsleitbild-beschlossen",
        40,
        "politik",
        T(
            "Neues Migrationsleitbild beschlossen",
            en="New migration strategy adopted",
            ar="اعتماد الرؤية التوجيهية الجديدة للهجرة",
        ),
        T(
            "Der Rat hat die Ziele für die Jahre 2025 bis 2030 festgelegt.",
            en="The council has set the goals for 2025 to 2030.",
            ar="حدّد المجلس الأهداف للأعوام 2025 إلى 2030.",
        ),
        True,
    ),
    (
        "portal-online",
        10,
        "muenster",
        T(
            "Das Portal für Münster ist online",
            en="The Portal for Münster is online",
            ar="بوابة مونستر متاحة الآن",
        ),
        T(
            "Informationen in zwölf Sprachen und eine Karte der Organisationen.",
            en="Information in twelve languages and a map of organisations.",
            ar="معلومات باثنتي عشرة لغة وخريطة للمنظمات.",
        ),
        True,
    ),
    (
        "projektfoerderung",
        20,
        "foerderung",
        T(
            "Förderprogramm für Projekte von Migrantenorganisationen",
            en="Funding programme for projects of migrant organisations",
            ar="برنامج تمويل لمشاريع منظمات المهاجرين",
        ),
        T(
            "Vereine können bis zum Herbst Anträge stellen.",
            en="Associations can apply until the autumn.",
            ar="يمكن للجمعيات تقديم الطلبات حتى الخريف.",
        ),
        False,
    ),
    (
        "broschuere-ankommen",
        30,
        "publikationen",
        T(
            "Neue Broschüre: Ankommen in Münster",
            en="New brochure: Arriving in Münster",
            ar="كتيّب جديد: الوصول إلى مونستر",
        ),
        T(
            "Die wichtigsten Wege für die ersten Wochen, in einfacher Sprache.",
            en="The key steps for the first weeks, in plain language.",
            ar="أهم الخطوات للأسابيع الأولى بلغة بسيطة.",
        ),
        False,
    ),
    (
        "interkulturelle-woche",
        5,
        "projekte",
        T(
            "Programm der Interkulturellen Woche",
            en="Programme of the Intercultural Week",
            ar="برنامج الأسبوع بين الثقافات",
        ),
        T(
            "Eine Woche mit Festen, Gesprächen und offenen Türen.",
            en="A week of festivals, talks and open doors.",
            ar="أسبوع من الاحتفالات والحوارات والأبواب المفتوحة.",
        ),
        False,
    ),
    (
        "europaeische-migrationsberichte",
        15,
        "welt",
        T(
            "Europäischer Bericht zur Migration erschienen",
            en="European migration report published",
            ar="صدور التقرير الأوروبي حول الهجرة",
        ),
        T(
            "Ein Überblick über Zahlen und Trends in Europa.",
            en="An overview of figures and trends in Europe.",
            ar="نظرة عامة على الأرقام والاتجاهات في أوروبا.",
        ),
        False,
    ),
]


def load_news(home):
    index = child(
        home,
        NewsIndexPage,
        "aktuelles",
        title=AKTUELLES.de,
        intro=f"<p>{AKTUELLES_INTRO.de}</p>",
        show_in_menus=True,
    )
    translate(index, EN_AR, AKTUELLES, AKTUELLES_INTRO)
    today = timezone.localdate()
    for slug, days_ago, section, title, teaser, translated in NEWS:
        news = child(
            index,
            NewsPage,
            slug,
            title=title.de,
            date=today - datetime.timedelta(days=days_ago),
            section=section,
            teaser=teaser.de,
            body=body(("paragraph", teaser)),
        )
        if translated:
            translate(news, EN_AR, title, teaser)


# --- Events ----------------------------------------------------------------------------

VERANSTALTUNGEN = T("Veranstaltungen", en="Events", ar="فعاليات")
VERANSTALTUNGEN_INTRO = T(
    "Workshops, Foren und Treffen rund um Migration und Integration in Münster.",
    en="Workshops, forums and meetings on migration and integration in Münster.",
    ar="ورش عمل ومنتديات ولقاءات حول الهجرة والاندماج في مونستر.",
)
EVENTS = [
    # slug, days from today, hour, duration hours, title, teaser, place, online, translated
    (
        "werkstatt-leitbild",
        14,
        17,
        3,
        T(
            "Werkstatt: Das Leitbild im Stadtteil umsetzen",
            en="Workshop: putting the strategy into practice in the districts",
            ar="ورشة عمل: تطبيق الرؤية التوجيهية في الأحياء",
        ),
        T(
            "Gemeinsam Ideen sammeln, wie die Ziele vor Ort umgesetzt werden.",
            en="Collecting ideas together on how to reach the goals locally.",
            ar="جمع الأفكار معًا حول كيفية تحقيق الأهداف محليًا.",
        ),
        "Stadtteiltreff (Beispiel)",
        "",
        True,
    ),
    (
        "forum-migrantenorganisationen",
        35,
        18,
        2,
        T(
            "Forum der Migrantenorganisationen",
            en="Forum of migrant organisations",
            ar="منتدى منظمات المهاجرين",
        ),
        T(
            "Austausch und Vernetzung der Vereine und Initiativen.",
            en="Exchange and networking for associations and initiatives.",
            ar="تبادل وتواصل بين الجمعيات والمبادرات.",
        ),
        "Rathaus (Beispielraum)",
        "",
        False,
    ),
    (
        "online-sprechstunde-foerderung",
        21,
        10,
        1,
        T(
            "Online-Sprechstunde Förderung",
            en="Online consultation on funding",
            ar="استشارة عبر الإنترنت حول التمويل",
        ),
        T(
            "Fragen zu Förderanträgen stellen, ohne Anmeldung.",
            en="Ask questions about funding applications, no registration needed.",
            ar="اطرح أسئلتك حول طلبات التمويل دون تسجيل.",
        ),
        "",
        "https://video.example.org/sprechstunde",
        False,
    ),
    (
        "auftakt-interkulturelle-woche",
        -20,
        16,
        4,
        T(
            "Auftakt der Interkulturellen Woche",
            en="Opening of the Intercultural Week",
            ar="افتتاح الأسبوع بين الثقافات",
        ),
        T(
            "Eröffnung mit Musik und Begegnung.",
            en="Opening with music and encounters.",
            ar="افتتاح بالموسيقى واللقاءات.",
        ),
        "Platz in der Innenstadt (Beispiel)",
        "",
        False,
    ),
]


def load_events(home):
    index = child(
        home,
        EventIndexPage,
        "veranstaltungen",
        title=VERANSTALTUNGEN.de,
        intro=f"<p>{VERANSTALTUNGEN_INTRO.de}</p>",
        show_in_menus=True,
    )
    translate(index, EN_AR, VERANSTALTUNGEN, VERANSTALTUNGEN_INTRO)
    today = timezone.localdate()
    for slug, days, hour, hours, title, teaser, place, online, translated in EVENTS:
        start = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour))
        )
        event = child(
            index,
            EventPage,
            slug,
            title=title.de,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            teaser=teaser.de,
            place_name=place,
            place_address="Musterstraße 1\n48143 Münster" if place else "",
            online_url=online,
            registration="Anmeldung per E-Mail an veranstaltungen@example.org (Beispiel).",
            organiser="Kommunales Integrationszentrum Münster",
            body=body(("paragraph", teaser)),
        )
        if translated:
            translate(event, EN_AR, title, teaser)


# --- Glossary --------------------------------------------------------------------------

GLOSSAR = T("Glossar", en="Glossary", ar="مسرد المصطلحات")
GLOSSAR_INTRO = T(
    "Wichtige Begriffe, einfach erklärt.",
    en="Important terms, explained simply.",
    ar="مصطلحات مهمة بشرح مبسّط.",
)
TERMS = [
    (
        "aufenthaltstitel",
        T("Aufenthaltstitel", en="Residence permit", ar="تصريح الإقامة"),
        T(
            "Die Erlaubnis, in Deutschland zu leben. Es gibt verschiedene Arten.",
            en="Permission to live in Germany. There are different kinds.",
            ar="الإذن بالعيش في ألمانيا. توجد أنواع مختلفة.",
        ),
    ),
    (
        "einbuergerung",
        T("Einbürgerung", en="Naturalisation", ar="التجنّس"),
        T(
            "Wenn Sie die deutsche Staatsangehörigkeit bekommen.",
            en="When you receive German citizenship.",
            ar="عندما تحصل على الجنسية الألمانية.",
        ),
    ),
    (
        "integrationskurs",
        T("Integrationskurs", en="Integration course", ar="دورة الاندماج"),
        T(
            "Ein Kurs mit Deutschunterricht und Orientierung über das Leben in Deutschland.",
            en="A course with German lessons and an introduction to life in Germany.",
            ar="دورة تجمع تعليم الألمانية والتعريف بالحياة في ألمانيا.",
        ),
    ),
    (
        "jobcenter",
        T("Jobcenter", en="Job centre", ar="مركز العمل"),
        T(
            "Hilft bei der Arbeitssuche und zahlt Bürgergeld.",
            en="Helps you find work and pays citizen's benefit.",
            ar="يساعد في البحث عن عمل ويدفع إعانة المواطن.",
        ),
    ),
    (
        "migrantenorganisation",
        T("Migrantenorganisation", en="Migrant organisation", ar="منظمة المهاجرين"),
        T(
            "Ein Verein, den Menschen mit Migrationsgeschichte gegründet haben.",
            en="An association founded by people with a migration history.",
            ar="جمعية أسسها أشخاص ذوو خلفية مهاجرة.",
        ),
    ),
]


def load_glossary(home):
    index = child(
        home,
        GlossaryIndexPage,
        "glossar",
        title=GLOSSAR.de,
        intro=f"<p>{GLOSSAR_INTRO.de}</p>",
        show_in_menus=False,
    )
    translate(index, EN_AR, GLOSSAR, GLOSSAR_INTRO)
    for slug, term, explanation in TERMS:
        entry = GlossaryTerm.objects.filter(locale=home.locale, slug=slug).first()
        if entry is None:
            entry = GlossaryTerm(
                locale=home.locale,
                slug=slug,
                term=term.de,
                explanation=f"<p>{explanation.de}</p>",
            )
            entry.save()
            entry.save_revision().publish()
        translate(entry, EN_AR, term, explanation)


def load():
    home = german_home()
    load_topics(home)
    load_leitbild(home)
    load_news(home)
    load_events(home)
    load_glossary(home)
