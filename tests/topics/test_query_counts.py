"""Topic, news index and event index pages need the same number of database queries
with 5 and with 50 items — in German and in Arabic, where items fall back to German."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import EventPageFactory, NewsPageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db


def add_items(tree, kind, start, stop):
    for n in range(start, stop):
        if kind == "topic":
            TopicPageFactory(parent=tree["topic"], title=f"Unterthema {n}", slug=f"unterthema-{n}")
        elif kind == "topic_index":
            TopicPageFactory(parent=tree["topic_index"], title=f"Thema {n}", slug=f"thema-{n}")
        elif kind == "news_index":
            NewsPageFactory(parent=tree["news_index"], title=f"Meldung {n}", slug=f"meldung-{n}")
        else:
            begin = timezone.now() + datetime.timedelta(days=n + 1)
            EventPageFactory(
                parent=tree["event_index"],
                title=f"Termin {n}",
                slug=f"termin-{n}",
                start=begin,
                end=begin + datetime.timedelta(hours=1),
            )


def queries_for(client, url, marker):
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert marker in response.content.decode()
    return len(captured)


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize(
    "kind, marker",
    [
        ("topic", "Unterthema 4"),
        ("topic_index", "Thema 4"),
        ("news_index", "Meldung 4"),
        ("event_index", "Termin 4"),
    ],
)
def test_query_count_does_not_grow_with_the_number_of_items(
    client, tree, german_home, translate, django_assert_max_num_queries, kind, marker, language
):
    if language == "ar":
        translate(german_home, "ar", {})
        translate(tree["topic_index"], "ar", {})
        translate(tree["news_index"], "ar", {})
        translate(tree["event_index"], "ar", {})
        translate(tree["topic"], "ar", {})
    url = f"/{language}/" + tree[kind].url.split("/", 2)[2]

    add_items(tree, kind, 0, 5)
    with_five = queries_for(client, url, marker)
    add_items(tree, kind, 5, 50)

    client.get(url)
    with django_assert_max_num_queries(with_five):
        response = client.get(url)
    assert response.status_code == 200
    assert with_five < 40
