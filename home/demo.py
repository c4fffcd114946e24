"""Demo content for the home app: a home page in every locale and the legal pages.

Written for the portal; no contact data of real organisations is invented.
"""

from wagtail.models import Site

from cms.demo_translation import publish_translation
from cms.models import FooterLinks
from home.models import StandardPage

HOME_INTRO_DE = (
    "Informationen für Menschen mit Migrationsgeschichte in Münster: Arbeit, Aufenthalt, "
    "Bildung, Gesundheit und Wohnen – in Ihrer Sprache. Dazu Vereine, Gemeinden und "
    "Initiativen, die Sie unterstützen."
)

# language code -> (title, intro)
HOME_TRANSLATIONS = {
    "de-simple": (
        "Portal für Münster",
        "Hier finden Sie Informationen für Ihr Leben in Münster. Zum Beispiel zu Arbeit, "
        "Wohnen und Gesundheit. Und Sie finden Vereine und Gruppen, die Ihnen helfen.",
    ),
    "en": (
        "Portal for Münster",
        "Information for people with a migration history in Münster: work, residence, "
        "education, health and housing – in your language. Plus associations, communities "
        "and initiatives that can support you.",
    ),
    "tr": (
        "Münster Portalı",
        "Münster'de göç geçmişi olan insanlar için bilgiler: iş, oturum, eğitim, sağlık ve "
        "konut – kendi dilinizde. Ayrıca size destek olabilecek dernekler, topluluklar ve "
        "girişimler.",
    ),
    "ar": (
        "بوابة مونستر",
        "معلومات للأشخاص ذوي الخلفية المهاجرة في مونستر: العمل والإقامة والتعليم والصحة "
        "والسكن – بلغتك. بالإضافة إلى الجمعيات والمجتمعات والمبادرات التي يمكنها دعمك.",
    ),
    "uk": (
        "Портал для Мюнстера",
        "Інформація для людей з міграційною історією в Мюнстері: робота, перебування, "
        "освіта, здоров'я та житло – вашою мовою. А також об'єднання, громади та ініціативи, "
        "які можуть вам допомогти.",
    ),
    "ru": (
        "Портал для Мюнстера",
        "Информация для людей с миграционной историей в Мюнстере: работа, пребывание, "
        "образование, здоровье и жильё – на вашем языке. А также объединения, общины и "
        "инициативы, которые могут вам помочь.",
    ),
    "fa": (
        "پورتال مونستر",
        "اطلاعات برای افراد دارای پیشینه مهاجرت در مونستر: کار، اقامت، آموزش، سلامت و مسکن "
        "– به زبان شما. همچنین انجمن‌ها، جوامع و ابتکاراتی که می‌توانند از شما حمایت کنند.",
    ),
    "ku": (
        "Portala Münsterê",
        "Agahî ji bo mirovên bi dîroka koçberiyê li Münsterê: kar, rûniştin, perwerde, "
        "tenduristî û xanî – bi zimanê we. Herwiha komele, civak û însiyatîfên ku dikarin "
        "alîkariya we bikin.",
    ),
    "pl": (
        "Portal dla Münsteru",
        "Informacje dla osób z doświadczeniem migracyjnym w Münsterze: praca, pobyt, "
        "edukacja, zdrowie i mieszkanie – w Twoim języku. A także stowarzyszenia, wspólnoty "
        "i inicjatywy, które mogą Cię wesprzeć.",
    ),
    "fr": (
        "Portail pour Münster",
        "Des informations pour les personnes issues de l'immigration à Münster : travail, "
        "séjour, éducation, santé et logement – dans votre langue. Ainsi que des "
        "associations, communautés et initiatives qui peuvent vous soutenir.",
    ),
    "es": (
        "Portal para Münster",
        "Información para personas con historia migratoria en Münster: trabajo, residencia, "
        "educación, salud y vivienda, en su idioma. Además, asociaciones, comunidades e "
        "iniciativas que pueden apoyarle.",
    ),
}

DEMO_NOTE = "Demo-Inhalt: Im Betrieb ersetzt die Redaktion diesen Text."

LEGAL_PAGES = [
    # (field on FooterLinks, slug, German title, German text, English title, English text)
    (
        "imprint_page",
        "impressum",
        "Impressum",
        "Angaben zum Anbieter dieses Portals nach dem Digitale-Dienste-Gesetz. " + DEMO_NOTE,
        "Imprint",
        "Information about the provider of this portal under the German Digital Services Act. "
        "Demo content: the editorial team replaces this text in production.",
    ),
    (
        "privacy_page",
        "datenschutz",
        "Datenschutz",
        "Dieses Portal lädt keine Inhalte von Dritten, bevor Sie zustimmen. Schriften, Skripte "
        "und Stylesheets kommen vom Portal selbst. " + DEMO_NOTE,
        "Privacy",
        "This portal loads nothing from third parties before you agree. Fonts, scripts and "
        "style sheets are served by the portal itself. Demo content: the editorial team "
        "replaces this text in production.",
    ),
    (
        "accessibility_page",
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "Das Portal soll die Anforderungen der BITV 2.0 (WCAG 2.1 AA) erfüllen. " + DEMO_NOTE,
        "Accessibility statement",
        "The portal aims to meet BITV 2.0 (WCAG 2.1 AA). Demo content: the editorial team "
        "replaces this text in production.",
    ),
]


def german_home():
    """The German home page the default site points at (created by home/0002)."""
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


def load():
    home = german_home()
    if not home.intro:
        home.intro = f"<p>{HOME_INTRO_DE}</p>"
        home.save_revision().publish()

    for code, (title, intro) in HOME_TRANSLATIONS.items():
        publish_translation(home, code, {"Portal für Münster": title, HOME_INTRO_DE: intro})

    footer = FooterLinks.load()
    for field, slug, title_de, text_de, title_en, text_en in LEGAL_PAGES:
        page = StandardPage.objects.filter(locale=home.locale, slug=slug).first()
        if page is None:
            page = StandardPage(title=title_de, slug=slug, body=f"<p>{text_de}</p>")
            home.add_child(instance=page)
            page.save_revision().publish()
        publish_translation(page, "en", {title_de: title_en, text_de: text_en})
        if getattr(footer, f"{field}_id") is None:
            setattr(footer, field, page)
    footer.save()
