"""What editors get: best bets per query and language, a search log without personal
data, and a report of searches that found nothing."""

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import LoggedQuery
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def promoted(client, language, query):
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (a.get_text(strip=True), a["href"], a.get("lang"))
        for a in soup.select(".search-promotion a")
    ]


def pin(query, page=None, **kwargs):
    return SearchPromotion.objects.create(query=Query.get(query), page=page, **kwargs)


def test_a_pinned_page_is_shown_in_the_readers_language(client, corpus):
    pin("Beratung", corpus.refugees, description="Die Beratungsstellen")

    assert promoted(client, "de", "beratung") == [
        ("Geflüchtete in Münster", "/de/gefluechtete/", None)
    ]
    (title, href, lang) = promoted(client, "en", "Beratung")[0]
    assert (title, lang) == ("Refugees in Münster", None)
    assert href.startswith("/en/")
    assert promoted(client, "uk", "Beratung")[0][0] == "Біженці в Мюнстері"


def test_a_pinned_untranslated_page_is_shown_in_german_and_marked(client, corpus):
    pin("arzt", corpus.health)

    assert promoted(client, "en", "Arzt") == [("Gesundheit und Pflege", "/en/gesundheit/", "de")]


def test_a_page_pinned_in_one_language_is_shown_only_to_its_readers(client, corpus):
    pin("لاجئ", corpus.refugees_ar)

    assert promoted(client, "ar", "لاجئ")[0][0] == "اللاجئون في مونستر"
    assert promoted(client, "de", "لاجئ") == []
    assert promoted(client, "en", "لاجئ") == []


def test_pinned_drafts_are_not_shown(client, corpus):
    pin("entwurf", corpus.draft)

    assert promoted(client, "de", "Entwurf") == []


def test_the_log_counts_searches_and_stores_nothing_personal(client, corpus):
    client.get("/de/suche/", {"q": "Geflüchtete"}, REMOTE_ADDR="203.0.113.9")
    client.get("/de/suche/", {"q": "  geflüchtete "})
    client.get("/de/suche/", {"q": "Geflüchtete", "seite": "2"})  # paging is not a new search
    client.get("/en/suche/", {"q": "Wohngeldantrag"})
    client.get("/de/suche/vorschlaege/", {"q": "Geflü"})  # type-ahead keystrokes are not logged

    rows = {
        (row.query, row.language): (row.searches, row.searches_without_results)
        for row in LoggedQuery.objects.all()
    }
    assert rows == {("geflüchtete", "de"): (2, 0), ("wohngeldantrag", "en"): (1, 1)}
    field_names = {f.name for f in LoggedQuery._meta.get_fields()}
    assert field_names == {"id", "query", "language", "day", "searches", "searches_without_results"}


def test_editors_see_the_searches_without_results(client, corpus):
    for _ in range(3):
        client.get("/en/suche/", {"q": "Wohngeldantrag"})
    client.get("/ar/suche/", {"q": "سكن طلاب"})
    client.get("/de/suche/", {"q": "Geflüchtete"})
    editor = UserFactory(groups=["Redaktion"])
    client.force_login(editor)

    response = client.get("/admin/reports/searches-without-results/")

    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in soup.select("table tbody tr")
    ]
    assert [row[:3] for row in rows] == [
        ["wohngeldantrag", "English", "3"],
        ["سكن طلاب", "العربية", "1"],
    ]
    # Reached from the Reports menu.
    assert "/admin/reports/searches-without-results/" in client.get("/admin/").content.decode()


def test_people_without_the_permission_cannot_open_the_report(client, corpus):
    translator = UserFactory(groups=["Übersetzung"])
    client.force_login(translator)

    response = client.get("/admin/reports/searches-without-results/")

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    if response.status_code == HTTPStatus.FOUND:
        assert "/admin/" in response["Location"]
    assert "wohngeldantrag" not in response.content.decode()


def test_editors_can_manage_search_promotions(client, corpus):
    editor = UserFactory(groups=["Redaktion"])
    client.force_login(editor)

    response = client.get("/admin/searchpicks/")

    assert response.status_code == HTTPStatus.OK


def test_searches_counted_in_the_cache_reach_the_log_once():
    from search.stats import buffer_search, flush_search_log

    for _ in range(3):
        buffer_search("Kita", "de", 4)
    buffer_search("qwertz", "ar", 0)
    buffer_search("qwertz", "ar", 0)

    flush_search_log()
    flush_search_log()  # nothing is counted twice

    rows = {
        (row.query, row.language): (row.searches, row.searches_without_results)
        for row in LoggedQuery.objects.all()
    }
    assert rows == {("kita", "de"): (3, 0), ("qwertz", "ar"): (2, 2)}
    buffer_search("Kita", "de", 4)  # a later search of the same words still counts
    flush_search_log()
    assert LoggedQuery.objects.get(query="kita").searches == 4
