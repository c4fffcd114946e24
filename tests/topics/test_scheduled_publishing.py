"""News scheduled by an editor go live when `publish_scheduled` (cron, see README) runs
after their time, and go away again at their expiry — in the list, on their page and in
the feed, even with the page cache on."""

import datetime
from http import HTTPStatus

import feedparser
import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600


def reader_sees(client, title):
    listed = title in client.get("/de/aktuelles/").content.decode()
    feed = feedparser.parse(client.get("/de/aktuelles/feed/rss/").content)
    in_feed = title in [entry.title for entry in feed.entries]
    page = client.get("/de/aktuelles/sprachcafe/").status_code == HTTPStatus.OK
    return listed, in_feed, page


def time_passes(revision):
    """The state of the database once the scheduled time is past (no clock is faked: the
    go-live time moves into the past instead)."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_a_scheduled_news_item_goes_live_when_its_time_has_come(client, tree):
    item = NewsPageFactory(parent=tree["news_index"], title="Sprachcafé", slug="sprachcafe")
    item.unpublish()
    item.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = item.save_revision()
    revision.publish()

    assert reader_sees(client, "Sprachcafé") == (False, False, False)
    call_command("publish_scheduled")
    assert reader_sees(client, "Sprachcafé") == (False, False, False)  # not yet

    time_passes(Revision.objects.get(pk=revision.pk))
    call_command("publish_scheduled")

    assert reader_sees(client, "Sprachcafé") == (True, True, True)


def test_a_news_item_goes_away_at_its_expiry(client, tree):
    item = NewsPageFactory(parent=tree["news_index"], title="Sprachcafé", slug="sprachcafe")
    item.expire_at = timezone.now() + datetime.timedelta(minutes=1)
    item.save_revision().publish()
    assert reader_sees(client, "Sprachcafé") == (True, True, True)

    type(item).objects.filter(pk=item.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("publish_scheduled")

    assert reader_sees(client, "Sprachcafé") == (False, False, False)
