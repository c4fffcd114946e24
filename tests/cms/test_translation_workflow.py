"""The translation workflow as editors and translators see it: language groups, requests,
the queue, outdated translations and sync, the status overview, the digest, glossary and
PO files, and the notes readers see."""

import csv
import io
import xml.etree.ElementTree as ET
from http import HTTPStatus

import polib
import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation

from cms.translation.groups import translator_group
from cms.translation.models import ContentViewCount, MachineTranslationReview
from tests.cms.conftest import assert_refused, translation_of, translator
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def test_every_target_language_has_a_translator_group_also_when_added_later(german_home, translate):
    codes = set(Locale.objects.exclude(language_code="de").values_list("language_code", flat=True))
    for code in codes:
        assert translator_group(locale(code)) is not None
    assert translator_group(locale("de")) is None

    italian = Locale.objects.create(language_code="it")
    group = translator_group(italian)
    assert group.name == "Übersetzung: Italiano (it)"
    italian_home = translate(german_home, "it", {})
    user = UserFactory(groups=[])
    user.groups.add(group)
    assert italian_home.permissions_for_user(user).can_publish()
    assert not german_home.permissions_for_user(user).can_edit()


def test_editor_requests_languages_in_one_step_and_translators_see_it_queued(client, work):
    page = StandardPageFactory(parent=work.page["de"].get_parent(), title="Wohnen", slug="wohnen")
    page.save_revision().publish()
    client.force_login(work.users["editor"])

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale("ar").pk, locale("tr").pk]},
    )

    assert response.status_code == HTTPStatus.FOUND
    ar_page = page.get_translation(locale("ar"))
    assert not ar_page.live
    client.force_login(work.users["translator_ar"])
    queue = client.get(reverse("cms_translation:queue"))
    html = queue.content.decode()
    assert queue.status_code == HTTPStatus.OK
    assert "Wohnen" in html
    assert f'href="/admin/pages/{ar_page.pk}/edit/"' in html
    assert f'href="/admin/pages/{page.get_translation(locale("tr")).pk}/edit/"' not in html
    item = next(i for i in queue.context["items"] if i.row.title == "Wohnen")
    segments = StringSegment.objects.filter(source=translation_of(page, "ar").source).count()
    assert item.is_new and (item.translated, item.total) == (0, segments) and segments >= 2
    assert f"0 von {segments} Abschnitten" in html  # the admin speaks German by default
    assert client.get(f"/admin/pages/{ar_page.pk}/edit/").status_code == HTTPStatus.OK


def test_german_change_marks_translation_outdated_and_sync_brings_new_segments(
    client, work, translate, django_capture_on_commit_callbacks
):
    german = work.page["de"]
    ar_page = work.page["ar"]
    with django_capture_on_commit_callbacks(execute=True):
        translation_of(german, "ar").save_target(publish=True)
    client.force_login(work.users["translator_ar"])
    assert not any(
        i.row.title == "Arbeit"
        for i in client.get(reverse("cms_translation:queue")).context["items"]
    )

    german.refresh_from_db()
    german.body = "<p>Arbeit finden in Münster</p><p>Neu: Beratung im Jobcenter</p>"
    german.save_revision().publish()

    queue = client.get(reverse("cms_translation:queue"))
    item = next(i for i in queue.context["items"] if i.row.title == "Arbeit")
    assert item.state == "outdated"
    assert "veraltet: der deutsche Ausgangstext wurde geändert" in queue.content.decode()

    client.force_login(work.users["editor"])
    source = translation_of(german, "ar").source
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == HTTPStatus.FOUND
    assert StringSegment.objects.filter(
        source=source, string__data="Neu: Beratung im Jobcenter"
    ).exists()
    client.force_login(work.users["translator_ar"])
    editor = client.get(f"/admin/pages/{ar_page.pk}/edit/")
    assert "Neu: Beratung im Jobcenter" in editor.content.decode()


def test_sync_a_whole_section_in_one_step(client, work, german_home, request_translations):
    """Two changed German pages below the home page; one sync of the section brings the new
    text of both into the translators' editor. Translators may not do it."""
    german = work.page["de"]
    second = StandardPageFactory(parent=german, title="Bewerbung", slug="bewerbung")
    second.save_revision().publish()
    request_translations(second, ["ar"])
    for page, text in ((german, "Neu: Jobmesse"), (second, "Neu: Bewerbungstraining")):
        page.refresh_from_db()
        page.body = f"<p>{text}</p>"
        page.save_revision().publish()
    url = reverse("cms_translation:sync_section", args=[german.pk])

    client.force_login(work.users["translator_ar"])
    assert_refused(client.post(url))
    assert not StringSegment.objects.filter(string__data="Neu: Jobmesse").exists()

    client.force_login(work.users["editor"])
    explore = client.get(reverse("wagtailadmin_explore", args=[german_home.pk])).content.decode()
    assert url in explore  # offered in the page listing
    assert client.get(url).context["count"] == 2  # the confirmation names what it syncs
    arabic_before = Page.objects.get(pk=work.page["ar"].pk)
    response = client.post(url)

    assert response.status_code == HTTPStatus.FOUND
    for text in ("Neu: Jobmesse", "Neu: Bewerbungstraining"):
        assert StringSegment.objects.filter(string__data=text).exists(), text
    arabic_after = Page.objects.get(pk=work.page["ar"].pk)
    assert (arabic_after.live, arabic_after.title) == (arabic_before.live, arabic_before.title)


def seed_mix(german_home, request_translations, n, django_capture_on_commit_callbacks, start=0):
    """n × (up to date in ar + draft in tr, outdated in ar + missing in tr, missing in both)."""
    for i in range(start, start + n):
        current = StandardPageFactory(parent=german_home, title=f"Aktuell {i}", slug=f"aktuell-{i}")
        current.save_revision().publish()
        request_translations(current, ["ar", "tr"])
        with django_capture_on_commit_callbacks(execute=True):
            translation_of(current, "ar").save_target(publish=True)
        old = StandardPageFactory(parent=german_home, title=f"Veraltet {i}", slug=f"veraltet-{i}")
        old.save_revision().publish()
        request_translations(old, ["ar"])
        with django_capture_on_commit_callbacks(execute=True):
            translation_of(old, "ar").save_target(publish=True)
        old.refresh_from_db()
        old.save_revision().publish()
        StandardPageFactory(parent=german_home, title=f"Fehlt {i}", slug=f"fehlt-{i}")


@pytest.fixture
def status_setup(german_home, translate, request_translations, django_capture_on_commit_callbacks):
    translate(german_home, "ar", {})
    translate(german_home, "tr", {})

    seeded = [0]

    def _seed(n):
        seed_mix(
            german_home, request_translations, n, django_capture_on_commit_callbacks, seeded[0]
        )
        seeded[0] += n

    return _seed


def test_status_overview_counts_match_the_database(client, status_setup):
    status_setup(2)
    client.force_login(UserFactory(groups=["Redaktion"]))

    response = client.get(reverse("cms_translation:status"), {"kind": "page"})

    assert response.status_code == HTTPStatus.OK
    summary = {e["locale"].language_code: dict(e["counts"]) for e in response.context["summary"]}
    # 6 seeded pages + the home page (published translations in ar and tr).
    assert summary["ar"] == {"missing": 2, "draft": 0, "outdated": 2, "current": 3}
    assert summary["tr"] == {"missing": 4, "draft": 2, "outdated": 0, "current": 1}
    assert summary["en"] == {"missing": 7, "draft": 0, "outdated": 0, "current": 0}
    expected_missing_ar = (
        Page.objects.filter(locale__language_code="de", depth__gt=1)
        .exclude(
            translation_key__in=Page.objects.filter(locale__language_code="ar").values(
                "translation_key"
            )
        )
        .count()
    )
    assert summary["ar"]["missing"] == expected_missing_ar

    filtered = client.get(
        reverse("cms_translation:status"), {"language": "ar", "state": "outdated"}
    )
    assert [row.title for row in filtered.context["rows"]] == ["Veraltet 0", "Veraltet 1"]

    exported = client.get(
        reverse("cms_translation:status"), {"language": "tr", "state": "draft", "export": "csv"}
    )
    assert exported["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode())))
    assert rows[0] == ["type", "id", "title", "tr"]
    assert [(r[2], r[3]) for r in rows[1:]] == [("Aktuell 0", "draft"), ("Aktuell 1", "draft")]


def test_status_overview_and_queue_query_counts_do_not_grow(client, status_setup):
    """Same number of queries with 7 and 25 pages (×13 languages)."""
    editor = UserFactory(groups=["Redaktion"])
    ar = translator("ar")
    counts = []
    for n in (1, 3):
        status_setup(n)
        client.force_login(editor)
        with CaptureQueriesContext(connection) as status_queries:
            assert client.get(reverse("cms_translation:status")).status_code == HTTPStatus.OK
        client.force_login(ar)
        with CaptureQueriesContext(connection) as queue_queries:
            assert client.get(reverse("cms_translation:queue")).status_code == HTTPStatus.OK
        counts.append((len(status_queries), len(queue_queries)))
    assert counts[0] == counts[1]


def test_status_overview_is_for_editors_only(client, work):
    client.force_login(work.users["translator_ar"])
    assert_refused(client.get(reverse("cms_translation:status")))
    client.force_login(work.users["organisation"])
    assert_refused(client.get(reverse("cms_translation:queue")))


def test_most_read_share_counts_anonymous_views_only(
    client, work, django_capture_on_commit_callbacks
):
    german = work.page["de"]
    with django_capture_on_commit_callbacks(execute=True):
        translation_of(german, "ar").save_target(publish=True)
    for _ in range(3):
        assert client.get("/de/arbeit/").status_code == HTTPStatus.OK
    client.force_login(work.users["editor"])
    client.get("/de/arbeit/")

    response = client.get(reverse("cms_translation:status"))
    assert ContentViewCount.objects.get(translation_key=german.translation_key).views == 3
    shares = {e["locale"].language_code: e["share"] for e in response.context["summary"]}
    assert shares["ar"] == (1, 100)
    assert shares["tr"] == (0, 0)


def test_digest_mails_each_translator_their_languages(work):
    work.users["translator_ar"].email = "ar@example.org"
    work.users["translator_ar"].save()
    idle = translator("en", email="en@example.org")

    call_command("send_translation_digest", stdout=io.StringIO())

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"ar@example.org", "t-tr@example.org"}
    body = by_recipient["ar@example.org"].body
    assert "[ar] Arbeit" in body and "[ar] Gesundheit" in body
    assert "[tr]" not in body
    assert f"http://testserver/admin/pages/{work.page['ar'].pk}/edit/" in body
    assert idle.email not in by_recipient


def test_glossary_exports_terms_per_language(client, work, translate):
    term_ar = work.term["ar"]
    term_ar.name = "الصحة"
    term_ar.save_revision().publish()
    client.force_login(work.users["translator_ar"])

    response = client.get(reverse("cms_translation:glossary", args=["ar", "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["type", "de", "ar"]
    assert ["vocabulary term", "Gesundheit", "الصحة", "yes", ""] in rows

    tbx = client.get(reverse("cms_translation:glossary", args=["ar", "tbx"]))
    root = ET.fromstring(tbx.content)  # noqa: S314 (our own export)
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    entries = [
        [t.text for t in entry.iterfind(".//t:term", ns)]
        for entry in root.iterfind(".//t:conceptEntry", ns)
    ]
    # Other registered sources (the directory's vocabularies) are exported too.
    assert ["Gesundheit", "الصحة"] in entries

    assert_refused(client.get(reverse("cms_translation:glossary", args=["tr", "csv"])))


def test_po_file_round_trip_for_an_external_agency(client, work):
    client.force_login(work.users["translator_ar"])
    translation = translation_of(work.page["de"], "ar")
    queue = client.get(reverse("cms_translation:queue")).content.decode()
    download_url = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    assert download_url in queue

    po = polib.pofile(client.get(download_url).content.decode())
    assert {entry.msgid for entry in po} >= {"Arbeit"}
    for entry in po:
        entry.msgstr = "العمل" if entry.msgid == "Arbeit" else "نص"
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("ar.po", str(po).encode())
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": f"/admin/pages/{work.page['ar'].pk}/edit/"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert StringTranslation.objects.filter(locale=locale("ar"), data="العمل").exists()


def test_readers_see_translation_date_and_unreviewed_machine_note(
    client, work, django_capture_on_commit_callbacks
):
    german = work.page["de"]
    translation = translation_of(german, "ar")
    segment = StringSegment.objects.filter(source=translation.source, string__data="Arbeit").get()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locale("ar"),
        context=segment.context,
        data="العمل",
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        tool_name="DeepL",
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    ar_page = work.page["ar"]
    ar_page.refresh_from_db()

    html = client.get(ar_page.url).content.decode()
    assert "translation-note__date" in html
    assert "translation-note__machine" in html
    assert "/admin/" not in ar_page.url
    german_html = client.get("/de/arbeit/").content.decode()
    assert "translation-note" not in german_html

    client.force_login(work.users["translator_ar"])
    response = client.post(reverse("cms_translation:mark_reviewed", args=[translation.pk]))
    assert response.status_code == HTTPStatus.FOUND
    client.logout()
    html = client.get(ar_page.url).content.decode()
    assert "translation-note__date" in html
    assert "translation-note__machine" not in html


def test_other_translators_cannot_clear_the_machine_flag(client, work):
    client.force_login(work.users["translator_tr"])
    translation = translation_of(work.page["de"], "ar")
    response = client.post(reverse("cms_translation:mark_reviewed", args=[translation.pk]))
    assert_refused(response)
    assert not MachineTranslationReview.objects.exists()
