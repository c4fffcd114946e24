"""Machine-readable news and events: RSS 2.0 and Atom per language and section (Django's
syndication framework) and iCalendar per event and for the whole list (icalendar)."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from topics.localization import localize_pages

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page, section=None):
        super().__init__()
        self.index_page = index_page
        self.section = section

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        from topics.models import NEWS_SECTIONS

        title = f"{self.index_page.title} – {_('Portal für Münster')}"
        if self.section:
            title = f"{dict(NEWS_SECTIONS)[self.section]} – {title}"
        return title

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return _("News of the Portal für Münster")

    def items(self):
        from topics.models import NewsPage

        news = self.index_page.news_items(self.section)[:FEED_LENGTH]
        return localize_pages(news, self.request, NewsPage)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.reader_url

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.reader_url)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(0, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_section_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description


def calendar_response(request, events, filename):
    """An iCalendar file with one VEVENT per event, times in Europe/Berlin (with the
    VTIMEZONE, so calendar programs get daylight-saving changes right)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Portal für Münster//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Events – Portal für Münster"))
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    host = request.get_host().split(":")[0]
    for event in events:
        entry = Event()
        entry.add("uid", f"{event.translation_key}@{host}")
        entry.add("dtstamp", event.last_published_at or timezone.now())
        entry.add("dtstart", timezone.localtime(event.start))
        entry.add("dtend", timezone.localtime(event.end))
        entry.add("summary", event.title)
        entry.add("description", event.teaser)
        location = ", ".join(
            part for part in (event.place_name, event.place_address.replace("\n", ", ")) if part
        )
        if location or event.online_url:
            entry.add("location", location or event.online_url)
        entry.add("url", request.build_absolute_uri(event.reader_url))
        if event.organiser:
            entry.add("x-portal-organiser", event.organiser)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
