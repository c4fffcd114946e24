"""The results page /<lang>/suche/: the right items first, in the reader's language,
never anything unpublished or private; grouped by type, highlighted, paginated."""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def search(client, language, query, **params):
    response = client.get(f"/{language}/suche/", {"q": query, **params})
    assert response.status_code == HTTPStatus.OK
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [
        " ".join(item.select_one(".search-result__title").get_text().split())
        for item in soup.select(".search-result")
    ]


def text_of(soup):
    return soup.select_one("main").get_text(" ", strip=True)


def test_exact_word_finds_the_page_first(client, corpus):
    assert titles(search(client, "de", "Geflüchtete"))[0] == "Geflüchtete in Münster"


@pytest.mark.parametrize("query", ["gefluchtete", "GEFLUCHTETE", "Muenster Gefluechtete"])
def test_umlauts_are_folded(client, corpus, query):
    assert titles(search(client, "de", query))[0] == "Geflüchtete in Münster"


def test_accents_and_case_are_folded_in_other_scripts(client, corpus):
    assert titles(search(client, "uk", "біженці"))[0] == "Біженці в Мюнстері"
    assert titles(search(client, "ar", "اللاجئون"))[0] == "اللاجئون في مونستر"


def test_half_a_word_finds_titles_that_begin_with_it(client, corpus):
    soup = search(client, "de", "Integrationsk")

    assert titles(soup)[0] == "Deutschkurse und Integrationskurse"
    assert "beginnen" in soup.select_one(".search-hint").get_text()


def test_typos_in_long_words(client, corpus):
    soup = search(client, "de", "Aufenthaltsgenemigung")  # "h" missing
    if connection.vendor == "postgresql":
        # Trigram similarity finds the page and says that it shows similar results.
        assert titles(soup)[0] == "Geflüchtete in Münster"
        assert "ähnliche" in soup.select_one(".search-hint").get_text()
    else:
        # SQLite FTS5 has no fuzzy matching: an honest "nothing found".
        assert titles(soup) == []
        assert soup.select_one(".search-empty") is not None


def test_results_are_in_the_readers_language(client, corpus):
    soup = search(client, "en", "refugees")

    assert titles(soup) == ["Refugees in Münster"]
    link = soup.select_one(".search-result__title a")
    assert link["href"].startswith("/en/")
    assert not link.has_attr("lang")


def test_untranslated_content_is_found_in_german_and_marked(client, corpus):
    soup = search(client, "en", "Krankenversicherung")

    assert titles(soup) == ["Gesundheit und Pflege"]
    result = soup.select_one(".search-result")
    assert "in German (not yet translated)" in result.get_text()
    link = result.select_one(".search-result__title a")
    assert link["lang"] == "de"
    # Linked under the reader's prefix: the page then says it is shown in German.
    assert link["href"] == "/en/gesundheit/"
    page = client.get(link["href"])
    assert page.status_code == HTTPStatus.OK


def test_a_translated_page_is_not_listed_twice(client, corpus):
    # "Münster" occurs in the German and the English version: English readers get one.
    found = titles(search(client, "en", "Münster"))
    assert "Refugees in Münster" in found
    assert "Geflüchtete in Münster" not in found


def test_german_readers_never_see_translations(client, corpus):
    assert titles(search(client, "de", "refugees")) == []


def test_unpublished_translations_never_appear(client, corpus):
    # The Arabic translation of the course page is a draft: its words are not found,
    # and Arabic readers get the German page instead.
    assert titles(search(client, "ar", "غيرمنشورة")) == []
    assert titles(search(client, "de", "غيرمنشورة")) == []
    soup = search(client, "ar", "Integrationskurse")
    assert titles(soup) == ["Deutschkurse und Integrationskurse"]
    assert soup.select_one(".search-result__title a")["href"] == "/ar/deutschkurse/"


def test_drafts_private_pages_and_unpublished_changes_never_appear(client, corpus):
    found = titles(search(client, "de", "Geflüchtete"))
    assert "Entwurf Geflüchtete" not in found
    assert "Intern Geflüchtete" not in found
    assert titles(search(client, "de", "Entwurfstext")) == []
    assert titles(search(client, "de", "Passwortseite")) == []
    assert titles(search(client, "de", "Zauberwort")) == []


def test_matching_words_are_highlighted_in_the_excerpt(client, corpus):
    soup = search(client, "de", "gefluchtete")

    excerpt = soup.select_one(".search-result__excerpt")
    assert [mark.get_text() for mark in excerpt.select("mark")] == ["Geflüchtete"]
    assert "Beratung für Geflüchtete" in excerpt.get_text()


def test_content_and_query_are_escaped_never_markup(client, corpus, german_home):
    StandardPageFactory(
        parent=german_home,
        title="Sonderzeichen <script>alert(1)</script> & Co",
        slug="sonderzeichen",
        body="<p>Text mit &lt;img src=x onerror=alert(1)&gt; und Sonderzeichen</p>",
    )
    query = '"><script>alert(1)</script> Sonderzeichen'
    response = client.get("/de/suche/", {"q": query})

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert titles(soup)[0] == "Sonderzeichen <script>alert(1)</script> & Co"
    assert soup.select_one("#search-page-input")["value"] == query


def test_count_and_grouping_by_type(client, corpus, home_pages_as_type):
    soup = search(client, "de", "Münster")

    # The German home page ("Portal für Münster") and the refugees page.
    assert "2 Ergebnisse" in soup.select_one(".search-count").get_text()
    filters = {a.get_text(" ", strip=True): a["href"] for a in soup.select(".search-types a")}
    assert set(filters) == {"Alle (2)", "Start pages (1)", "Seiten (1)"}

    filtered = search(client, "de", "Münster", typ="start")
    assert titles(filtered) == ["Portal für Münster"]
    current = filtered.select_one(".search-types a[aria-current]")
    assert current.get_text(" ", strip=True) == "Start pages (1)"


def test_results_are_paginated(client, german_home, settings):
    settings.PORTAL_SEARCH_RESULTS_PER_PAGE = 10
    for number in range(23):
        StandardPageFactory(parent=german_home, title=f"Sprachcafé {number}", slug=f"cafe-{number}")

    first = search(client, "de", "Sprachcafé")
    assert len(titles(first)) == 10
    assert "23 Ergebnisse" in first.select_one(".search-count").get_text()
    assert "Seite 1 von 3" in first.select_one(".pagination").get_text()
    last = search(client, "de", "Sprachcafé", seite=3)
    assert len(titles(last)) == 3
    assert last.select_one("ol.search-results")["start"] == "21"
    all_titles = set()
    for number in (1, 2, 3):
        all_titles |= set(titles(search(client, "de", "Sprachcafé", seite=number)))
    assert len(all_titles) == 23


@pytest.mark.parametrize("query", ["", "   ", "&%'\"", "x" * 10_000])
def test_odd_queries_give_a_normal_page(client, corpus, query):
    response = client.get("/de/suche/", {"q": query})

    assert response.status_code == HTTPStatus.OK
    assert BeautifulSoup(response.content, "html.parser").select(".search-result") == []


def test_search_page_in_every_language_prefix_works(client, corpus):
    soup = search(client, "ar", "مونستر")
    assert soup.html["dir"] == "rtl"
    assert soup.html["lang"] == "ar"
    assert set(titles(soup)) == {"اللاجئون في مونستر", "بوابة مونستر"}
    assert titles(search(client, "ar", "اللاجئون مونستر")) == ["اللاجئون في مونستر"]


@pytest.mark.parametrize("per_page", [10, 100])
def test_query_count_does_not_grow_with_results(
    client, german_home, settings, django_assert_max_num_queries, per_page
):
    settings.PORTAL_SEARCH_RESULTS_PER_PAGE = per_page

    def count_queries(amount, prefix):
        for number in range(amount):
            StandardPageFactory(
                parent=german_home, title=f"{prefix} Beratung {number}", slug=f"{prefix}-{number}"
            )
        client.get("/de/suche/", {"q": prefix})  # warm caches (content types, site)
        from django.db import connection as conn
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(conn) as captured:
            response = client.get("/de/suche/", {"q": prefix})
        shown = len(BeautifulSoup(response.content, "html.parser").select(".search-result"))
        return len(captured), shown

    few, shown_few = count_queries(10, "Wenigberatung")
    many, shown_many = count_queries(100, "Vielberatung")

    assert shown_few == 10
    assert shown_many == per_page
    assert few == many
    with django_assert_max_num_queries(few):
        client.get("/de/suche/", {"q": "Vielberatung"})


def test_header_search_is_a_plain_form_on_every_page(client, corpus):
    """Without JavaScript the header search is an ordinary GET form to the results page."""
    for language in ("de", "ar"):
        soup = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
        form = soup.select_one("header form[role=search]")
        assert form["action"] == f"/{language}/suche/"
        assert form["method"] == "get"
        field = form.select_one("input[name=q]")
        assert soup.select_one(f"label[for={field['id']}]").get_text(strip=True)
        assert form.select_one("button[type=submit]")


def test_more_matches_than_are_ranked_says_so(client, german_home, monkeypatch):
    from search import engine

    monkeypatch.setattr(engine, "MAX_RESULTS", 5)
    for number in range(7):
        StandardPageFactory(parent=german_home, title=f"Sprachcafé {number}", slug=f"cafe-{number}")

    count = search(client, "de", "Sprachcafé").select_one(".search-count").get_text(" ", strip=True)

    assert count.startswith("Mehr als 5 Ergebnisse")


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("uk", "Біжен", "Біженці в Мюнстері"),  # half a word, Cyrillic
        ("ar", "اللاجئ", "اللاجئون في مونستر"),  # half a word, Arabic
        ("en", "munster refugees", "Refugees in Münster"),  # umlaut folded in English
        ("en", "Refug", "Refugees in Münster"),
    ],
)
def test_prefix_and_folding_in_every_script(client, corpus, language, query, expected):
    assert titles(search(client, language, query))[0] == expected


def test_topics_news_and_events_are_found_together_and_labelled(client, german_home):
    from tests.factories import (
        EventIndexPageFactory,
        EventPageFactory,
        NewsIndexPageFactory,
        NewsPageFactory,
        TopicIndexPageFactory,
        TopicPageFactory,
    )

    topics = TopicIndexPageFactory(parent=german_home)
    TopicPageFactory(parent=topics, title="Sprachcafé für Eltern", slug="sprachcafe-eltern")
    news = NewsIndexPageFactory(parent=german_home)
    NewsPageFactory(parent=news, title="Neues Sprachcafé in Kinderhaus", slug="sprachcafe")
    events = EventIndexPageFactory(parent=german_home)
    EventPageFactory(parent=events, title="Sprachcafé im Mai", slug="sprachcafe-mai")

    soup = search(client, "de", "Sprachcafé")

    types = {
        " ".join(item.select_one(".search-result__title").get_text().split()): " ".join(
            item.select_one(".search-result__type").get_text().split()
        )
        for item in soup.select(".search-result")
    }
    assert set(types) >= {
        "Sprachcafé für Eltern",
        "Neues Sprachcafé in Kinderhaus",
        "Sprachcafé im Mai",
    }
    assert len({types[t] for t in types if "Sprachcaf" in t}) == 3  # three different types
