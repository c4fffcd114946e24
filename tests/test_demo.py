"""`manage.py load_demo` builds a site a person can click through, and is idempotent."""

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision

from cms.languages import PORTAL_LANGUAGES
from home.models import HomePage

pytestmark = pytest.mark.django_db


def snapshot():
    from django.contrib.auth.models import Group
    from wagtail_localize.models import StringTranslation, Translation

    from directory.models import Organisation, OrganisationMembership
    from topics.models import GlossaryTerm

    return (
        Page.objects.count(),
        Revision.objects.count(),
        get_user_model().objects.count(),
        list(Page.objects.order_by("path").values_list("path", "numchild", "live", "slug")),
        sorted(Organisation.objects.values_list("locale_id", "slug", "live", "name")),
        sorted(GlossaryTerm.objects.values_list("locale_id", "slug", "live")),
        OrganisationMembership.objects.count(),
        Translation.objects.count(),
        StringTranslation.objects.count(),
        sorted(Group.objects.values_list("name", flat=True)),
        sorted(get_user_model().objects.values_list("username", flat=True)),
        sum(group.user_set.count() for group in Group.objects.all()),
    )


def test_load_demo_twice_changes_nothing(client):
    call_command("load_demo", stdout=None)
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


def test_demo_has_a_live_home_page_in_every_locale(client):
    call_command("load_demo")

    for code, _name in PORTAL_LANGUAGES:
        home = HomePage.objects.get(locale=Locale.objects.get(language_code=code))
        assert home.live
        response = client.get(f"/{code}/")
        assert response.status_code == HTTPStatus.OK
        assert "not yet available" not in response.content.decode()


def test_demo_footer_links_to_the_legal_pages_in_the_readers_language(client):
    call_command("load_demo")

    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()

    assert 'href="/de/impressum/">Impressum</a>' in german
    assert 'href="/de/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in german
    assert ">Imprint</a>" in english and ">Privacy</a>" in english


def test_demo_admin_can_log_in(client):
    call_command("load_demo")

    assert client.login(username="admin", password="muenster-demo")
    assert client.get("/admin/").status_code == HTTPStatus.OK

    # The demo organisation account sees its own entry on the dashboard, and only that.
    assert client.login(username="verein", password="muenster-demo")
    dashboard = client.get("/admin/").content.decode()
    assert "Meine Organisation(en)" in dashboard
    assert "Syrischer Kulturverein Münster" in dashboard
