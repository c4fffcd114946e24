import datetime

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    GlossaryIndexPageFactory,
    GlossaryTermFactory,
    LeitbildIndexPageFactory,
    LeitbildPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    TopicIndexPageFactory,
    TopicPageFactory,
)

TOPIC_BODY = [
    ("heading", {"text": "Arbeit finden", "level": "h2"}),
    ("paragraph", RichText("<p>Das Jobcenter hilft bei der Suche.</p>")),
    ("heading", {"text": "Anerkennung", "level": "h3"}),
    ("callout", {"kind": "warning", "title": "Fristen", "text": RichText("<p>Achtung.</p>")}),
    (
        "faq",
        {
            "title": "Häufige Fragen",
            "items": [{"question": "Wer hilft?", "answer": RichText("<p>Die Beratung.</p>")}],
        },
    ),
    (
        "contact",
        {
            "office": "Beratungsstelle",
            "address": "Musterstraße 1",
            "phone": "0251 000",
            "email": "beratung@example.org",
            "opening_hours": "Mo 9–12",
        },
    ),
    (
        "video",
        {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Film", "transcript": ""},
    ),
    ("easy_language", {"title": "", "text": RichText("<p>Arbeit ist wichtig.</p>")}),
]

GOALS = [
    (
        "goal",
        {
            "title": "Alle finden Arbeit",
            "description": "",
            "sub_goals": [
                {"text": "Beratung ausbauen", "status": "achieved"},
                {"text": "Betriebe informieren", "status": "in_progress"},
            ],
        },
    ),
    (
        "goal",
        {
            "title": "Verwaltung wird vielfältiger",
            "description": "",
            "sub_goals": [{"text": "Mehr Einstellungen", "status": "planned"}],
        },
    ),
]


@pytest.fixture
def tree(german_home):
    """One page of every type below the German home page."""
    topics = TopicIndexPageFactory(parent=german_home)
    leitbild = LeitbildIndexPageFactory(parent=german_home)
    news_index = NewsIndexPageFactory(parent=german_home)
    events = EventIndexPageFactory(parent=german_home)
    glossary = GlossaryIndexPageFactory(parent=german_home)
    topic = TopicPageFactory(parent=topics, title="Arbeit", slug="arbeit", body=TOPIC_BODY)
    start = timezone.now() + datetime.timedelta(days=3)
    pages = {
        "topic_index": topics,
        "topic": topic,
        "subtopic": TopicPageFactory(parent=topic, title="Anerkennung", slug="anerkennung"),
        "leitbild_index": leitbild,
        "leitbild": LeitbildPageFactory(
            parent=leitbild, title="Wirtschaft und Arbeit", slug="wirtschaft", goals=GOALS
        ),
        "news_index": news_index,
        "news": NewsPageFactory(parent=news_index, title="Portal ist online", slug="portal"),
        "event_index": events,
        "event": EventPageFactory(
            parent=events,
            title="Forum Vielfalt",
            slug="forum",
            start=start,
            end=start + datetime.timedelta(hours=2),
        ),
        "glossary": glossary,
    }
    GlossaryTermFactory(term="Jobcenter", slug="jobcenter")
    return {key: published(page) for key, page in pages.items()}


def published(page):
    """Publish through a revision, as an editor does (sets `last_published_at`)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
