"""News feeds (RSS 2.0, Atom) and iCalendar files, read back with real parsers."""

import datetime
from http import HTTPStatus
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest

from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def news(tree):
    index = tree["news_index"]
    NewsPageFactory(
        parent=index,
        title="Förderung 2026",
        slug="foerderung",
        section="foerderung",
        date=datetime.date(2026, 3, 1),
    )
    return index


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_news_feed_lists_the_news_of_that_language(client, news, kind):
    response = client.get(f"/de/aktuelles/feed/{kind}/")

    assert response.status_code == HTTPStatus.OK
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {"Portal ist online", "Förderung 2026"}
    links = {entry.title: entry.link for entry in feed.entries}
    assert links["Förderung 2026"] == "http://testserver/de/aktuelles/foerderung/"
    assert feed.feed.language == "de"


def test_section_feed_has_only_that_section(client, news):
    feed = feedparser.parse(client.get("/de/aktuelles/feed/foerderung/rss/").content)

    assert [entry.title for entry in feed.entries] == ["Förderung 2026"]
    assert feed.entries[0].tags[0].term == "Förderung und Finanzierung"
    assert feed.feed.title.startswith("Förderung und Finanzierung")


def test_unknown_section_feed_is_not_found(client, news):
    assert client.get("/de/aktuelles/feed/gibtsnicht/rss/").status_code == HTTPStatus.NOT_FOUND


def test_arabic_feed_has_translated_items_and_german_fallbacks(
    client, news, german_home, translate
):
    translate(german_home, "ar", {})
    translate(news, "ar", {"Aktuelles": "أخبار"})
    translate(
        news.get_children().get(slug="portal").specific,
        "ar",
        {"Portal ist online": "البوابة متاحة"},
    )

    feed = feedparser.parse(client.get("/ar/aktuelles/feed/rss/").content)

    assert feed.feed.language == "ar"
    links = {entry.title: entry.link for entry in feed.entries}
    assert links == {
        "البوابة متاحة": "http://testserver/ar/aktuelles/portal/",
        "Förderung 2026": "http://testserver/ar/aktuelles/foerderung/",
    }


def test_news_pages_link_their_feeds_in_the_head(client, news):
    for url in ("/de/aktuelles/", "/de/aktuelles/portal/"):
        head = client.get(url).content.decode().split("</head>")[0]
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Nachrichten (RSS)" '
            'href="/de/aktuelles/feed/rss/">' in head
        )
        assert 'type="application/atom+xml"' in head


def test_news_index_filters_by_section_and_paginates(client, news):
    for n in range(12):
        NewsPageFactory(parent=news, title=f"Meldung {n}", slug=f"meldung-{n}", section="welt")

    only_funding = client.get("/de/aktuelles/?rubrik=foerderung").content.decode()
    assert "Förderung 2026" in only_funding and "Meldung 1" not in only_funding

    first = client.get("/de/aktuelles/?rubrik=welt").content.decode()
    second = client.get("/de/aktuelles/?rubrik=welt&seite=2").content.decode()
    assert first.count('class="teaser"') == 10 and second.count('class="teaser"') == 2
    assert 'href="?rubrik=welt&amp;seite=2"' in first


@pytest.fixture
def dst_events(tree):
    """One event on each side of the change to summer time (29 March 2026, 2:00)."""
    index = tree["event_index"]
    winter = EventPageFactory(
        parent=index,
        title="Winterforum",
        slug="winter",
        start=datetime.datetime(2026, 3, 28, 18, 0, tzinfo=BERLIN),
        end=datetime.datetime(2026, 3, 28, 20, 0, tzinfo=BERLIN),
    )
    summer = EventPageFactory(
        parent=index,
        title="Sommerforum",
        slug="sommer",
        start=datetime.datetime(2026, 3, 30, 18, 0, tzinfo=BERLIN),
        end=datetime.datetime(2026, 3, 30, 20, 0, tzinfo=BERLIN),
    )
    return winter, summer


def parse_events(response):
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}, calendar


def test_event_calendar_file_has_the_right_local_times_across_dst(client, dst_events):
    events, calendar = parse_events(client.get("/de/veranstaltungen/ical/"))

    winter, summer = events["Winterforum"], events["Sommerforum"]
    # 18:00 in Münster: 17:00 UTC in winter, 16:00 UTC in summer.
    assert winter.decoded("dtstart").astimezone(datetime.UTC).hour == 17
    assert summer.decoded("dtstart").astimezone(datetime.UTC).hour == 16
    assert winter.decoded("dtstart").astimezone(BERLIN).hour == 18
    assert summer.decoded("dtstart").astimezone(BERLIN).hour == 18
    assert winter["dtstart"].params["TZID"] == "Europe/Berlin"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(winter["url"]) == "http://testserver/de/veranstaltungen/winter/"


def test_single_event_calendar_file(client, dst_events):
    response = client.get("/de/veranstaltungen/sommer/ical/")

    events, _calendar = parse_events(response)
    assert list(events) == ["Sommerforum"]
    assert events["Sommerforum"].decoded("dtend") - events["Sommerforum"].decoded(
        "dtstart"
    ) == datetime.timedelta(hours=2)
    assert str(events["Sommerforum"]["location"]).startswith("Stadthaus")
    assert 'filename="sommer.ics"' in response["Content-Disposition"]


def test_event_page_shows_local_time_and_links_its_calendar_file(client, dst_events):
    html = client.get("/de/veranstaltungen/sommer/").content.decode()

    assert '<time datetime="2026-03-30T18:00:00+02:00">' in html
    assert 'href="/de/veranstaltungen/sommer/ical/"' in html
    assert 'rel="alternate" type="text/calendar"' in html.split("</head>")[0]


def test_event_index_has_upcoming_past_and_month_views(client, tree):
    now = datetime.datetime.now(tz=BERLIN)
    index = tree["event_index"]
    EventPageFactory(
        parent=index,
        title="Vorbei",
        slug="vorbei",
        start=now - datetime.timedelta(days=40),
        end=now - datetime.timedelta(days=40, hours=-2),
    )

    upcoming = client.get("/de/veranstaltungen/").content.decode()
    past = client.get("/de/veranstaltungen/?zeit=vergangen").content.decode()
    assert "Forum Vielfalt" in upcoming and "Vorbei" not in upcoming
    assert "Vorbei" in past and "Forum Vielfalt" not in past

    month = (now - datetime.timedelta(days=40)).strftime("%Y-%m")
    by_month = client.get(f"/de/veranstaltungen/?monat={month}").content.decode()
    assert "Vorbei" in by_month and "Forum Vielfalt" not in by_month
    assert f'<option value="{month}" selected>' in by_month


def test_a_chosen_section_links_its_own_feeds_in_the_head(client, news):
    head = client.get("/de/aktuelles/?rubrik=foerderung").content.decode().split("</head>")[0]

    assert 'href="/de/aktuelles/feed/foerderung/rss/"' in head
    assert 'href="/de/aktuelles/feed/foerderung/atom/"' in head
    assert 'title="Förderung und Finanzierung (RSS)"' in head
    assert (
        "feed/foerderung/" not in client.get("/de/aktuelles/").content.decode().split("</head>")[0]
    )


def test_untranslated_news_and_events_link_feeds_in_the_readers_language(
    client, news, dst_events, german_home, translate
):
    translate(german_home, "en", {})  # English home; news and events exist only in German

    news_head = client.get("/en/aktuelles/").content.decode().split("</head>")[0]
    assert 'href="/en/aktuelles/feed/rss/"' in news_head
    assert "/de/aktuelles/feed/" not in news_head
    feed = feedparser.parse(client.get("/en/aktuelles/feed/rss/").content)
    assert not feed.bozo and {e.title for e in feed.entries} >= {"Förderung 2026"}

    event_html = client.get("/en/veranstaltungen/sommer/").content.decode()
    assert 'href="/en/veranstaltungen/sommer/ical/"' in event_html
    events, _calendar = parse_events(client.get("/en/veranstaltungen/sommer/ical/"))
    assert list(events) == ["Sommerforum"]
    index_html = client.get("/en/veranstaltungen/").content.decode()
    assert 'href="/en/veranstaltungen/ical/"' in index_html
