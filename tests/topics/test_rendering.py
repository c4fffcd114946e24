"""Every page type renders in German, in Arabic (right to left) and, where a page is not
translated, in German with a notice — and previews of drafts work."""

from http import HTTPStatus

import pytest

from topics.models import GlossaryTerm

pytestmark = pytest.mark.django_db

# page key -> text the German page must show
GERMAN_TEXT = {
    "topic_index": "Arbeit",
    "topic": "Das Jobcenter hilft bei der Suche.",
    "subtopic": "Anerkennung",
    "leitbild_index": "Wirtschaft und Arbeit",
    "leitbild": "Verwaltung wird vielfältiger",
    "news_index": "Portal ist online",
    "news": "Portal ist online",
    "event_index": "Forum Vielfalt",
    "event": "Forum Vielfalt",
    "glossary": "Jobcenter",
}

ARABIC = {
    "Themen": "مواضيع",
    "Arbeit": "العمل",
    "Arbeit finden": "إيجاد عمل",
    "Das Jobcenter hilft bei der Suche.": "يساعد مركز العمل في البحث.",
    "Anerkennung": "الاعتراف",
    "Leitbild": "الرؤية التوجيهية",
    "Wirtschaft und Arbeit": "الاقتصاد والعمل",
    "Verwaltung wird vielfältiger": "الإدارة تصبح أكثر تنوعًا",
    "Aktuelles": "أخبار",
    "Portal ist online": "البوابة متاحة",
    "Veranstaltungen": "فعاليات",
    "Forum Vielfalt": "منتدى التنوع",
    "Glossar": "مسرد",
    "Jobcenter": "مركز العمل",
}
ARABIC_TEXT = {
    "topic_index": "العمل",
    "topic": "يساعد مركز العمل في البحث.",
    "subtopic": "الاعتراف",
    "leitbild_index": "الاقتصاد والعمل",
    "leitbild": "الإدارة تصبح أكثر تنوعًا",
    "news_index": "البوابة متاحة",
    "news": "البوابة متاحة",
    "event_index": "منتدى التنوع",
    "event": "منتدى التنوع",
    "glossary": "مركز العمل",
}
# Translate parents before children.
ORDER = list(GERMAN_TEXT)


@pytest.fixture
def arabic(tree, german_home, translate):
    translate(german_home, "ar", {})
    translated = {key: translate(tree[key], "ar", ARABIC) for key in ORDER}
    translate(GlossaryTerm.objects.get(slug="jobcenter"), "ar", ARABIC)
    return translated


@pytest.mark.parametrize("key", ORDER)
def test_every_page_type_renders_in_german(client, tree, key):
    response = client.get(tree[key].url)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert GERMAN_TEXT[key] in html
    assert '<html lang="de" dir="ltr">' in html
    assert "not yet available" not in html and "noch nicht" not in html.split("</header>")[1]


@pytest.mark.parametrize("key", ORDER)
def test_every_page_type_renders_in_arabic_right_to_left(client, arabic, key):
    page = arabic[key]
    assert page.url.startswith("/ar/")

    response = client.get(page.url)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert ARABIC_TEXT[key] in html
    assert 'class="notice notice--fallback"' not in html


@pytest.mark.parametrize("key", ORDER)
def test_untranslated_pages_fall_back_to_german_with_a_notice(
    client, tree, german_home, translate, key
):
    translate(german_home, "ar", {})
    german_url = tree[key].url

    response = client.get("/ar/" + german_url.split("/", 2)[2])

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'class="notice notice--fallback"' in html
    assert '<main id="main" tabindex="-1" class="site-main" lang="de" dir="ltr">' in html
    assert GERMAN_TEXT[key] in html


def test_lists_show_translated_items_and_german_ones_marked_as_german(
    client, tree, german_home, translate
):
    translate(german_home, "ar", {})
    translate(tree["topic_index"], "ar", ARABIC)
    translate(tree["topic"], "ar", ARABIC)
    from tests.factories import TopicPageFactory

    TopicPageFactory(parent=tree["topic_index"], title="Wohnen", slug="wohnen")

    html = client.get("/ar/themen/").content.decode()

    assert '<a href="/ar/themen/arbeit/">العمل</a>' in html
    assert '<li class="card topic-card" lang="de" dir="ltr">' in html
    assert '<a href="/ar/themen/wohnen/">Wohnen</a>' in html
    assert client.get("/ar/themen/wohnen/").status_code == HTTPStatus.OK


def test_translated_page_shows_its_translated_blocks(client, arabic):
    """Translated through wagtail-localize's translation objects, not copied by hand."""
    from wagtail_localize.models import Translation

    topic = arabic["topic"]
    assert Translation.objects.filter(target_locale__language_code="ar").exists()
    html = client.get(topic.url).content.decode()

    assert "<h2 id=" in html and "إيجاد عمل</h2>" in html  # heading block
    assert "<p>يساعد مركز العمل في البحث.</p>" in html  # rich text block
    assert "Das Jobcenter hilft" not in html
    # The table of contents follows the translated headings.
    assert "إيجاد عمل</a></li>" in html


def test_topic_page_has_breadcrumbs_toc_and_previous_next(client, tree):
    from tests.factories import TopicPageFactory

    TopicPageFactory(parent=tree["topic_index"], title="Wohnen", slug="wohnen")
    TopicPageFactory(parent=tree["topic_index"], title="Bildung", slug="bildung")
    html = client.get("/de/themen/wohnen/").content.decode()

    assert '<nav class="breadcrumbs" aria-label="Sie sind hier">' in html
    assert '<li><a href="/de/themen/">Themen</a></li>' in html
    assert '<span aria-current="page">Wohnen</span>' in html
    assert 'href="/de/themen/arbeit/" rel="prev"' in html
    assert 'href="/de/themen/bildung/" rel="next"' in html

    topic = client.get("/de/themen/arbeit/").content.decode()
    assert 'class="toc"' in topic and '<a href="#h-' in topic
    assert 'rel="prev"' not in topic
    assert "Zuletzt aktualisiert" in topic


@pytest.mark.parametrize("key", ORDER)
def test_every_page_type_shows_when_it_was_last_updated(client, tree, key):
    html = client.get(tree[key].url).content.decode()

    assert '<p class="last-updated">Zuletzt aktualisiert' in html


@pytest.mark.parametrize("key", ORDER)
def test_previews_of_drafts_render(tree, key):
    page = tree[key].specific
    page.title = page.title + " (Entwurf)"
    page.save_revision()
    draft = page.get_latest_revision_as_object()

    response = draft.make_preview_request()

    assert response.status_code == HTTPStatus.OK
    html = (
        response.render().content.decode()
        if hasattr(response, "render")
        else response.content.decode()
    )
    assert "(Entwurf)" in html


def test_leitbild_index_shows_progress_of_all_sub_goals(client, tree):
    html = client.get("/de/leitbild/").content.decode()

    assert "3 Teilziele" in html
    assert "1 geplant" in html and "1 in Arbeit" in html and "1 erreicht" in html


def test_leitbild_goals_are_numbered_one_level_deep(client, tree):
    html = client.get(tree["leitbild"].url).content.decode()

    assert '<span class="goal__number">1</span> Alle finden Arbeit' in html
    assert '<span class="subgoal__number">1.2</span>' in html
    assert '<span class="goal__number">2</span> Verwaltung wird vielfältiger' in html
    assert '<span class="subgoal__number">2.1</span>' in html
