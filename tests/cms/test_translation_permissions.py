"""Translators write only into their own languages — on pages, on translatable snippets
and through wagtail-localize's translation editor and API. Every refusal leaves the
database exactly as it was."""

from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.wagtail_hooks import register_admin_urls

from cms.translation.middleware import LOCALIZE_GUARDS
from directory.models import FocusArea, Organisation
from tests.cms.conftest import assert_refused, translation_of
from tests.testapp.models import VocabularyTerm
from topics.models import GlossaryTerm

pytestmark = pytest.mark.django_db

USERS = ["translator_ar", "translator_tr", "editor", "organisation"]
TARGETS = ["ar", "tr"]
ALLOWED = {
    ("translator_ar", "ar"),
    ("translator_tr", "tr"),
    ("editor", "ar"),
    ("editor", "tr"),
}


def snapshot():
    """Everything a write through the admin could change."""
    return (
        sorted(StringTranslation.objects.values_list("locale_id", "context_id", "data")),
        SegmentOverride.objects.count(),
        Revision.objects.count(),
        sorted(
            Page.objects.values_list(
                "id", "live", "title", "draft_title", "has_unpublished_changes"
            )
        ),
        sorted(VocabularyTerm.objects.values_list("id", "name", "live")),
        sorted(FocusArea.objects.values_list("id", "name")),
        sorted(Organisation.objects.values_list("id", "name", "live")),
        sorted(GlossaryTerm.objects.values_list("id", "term", "live")),
        sorted(Translation.objects.values_list("id", "enabled")),
    )


def first_segment(instance):
    translation = translation_of(instance, "ar")
    return StringSegment.objects.filter(source=translation.source).order_by("order").first()


def put_string(client, instance, code, value):
    translation = translation_of(instance, code)
    segment = first_segment(instance)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, data=urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


@pytest.mark.parametrize("kind", ["page", "term", "vocabulary", "organisation", "glossary"])
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("who", USERS)
def test_translation_editor_api_writes_only_into_own_language(client, work, who, target, kind):
    client.force_login(work.users[who])
    instance = getattr(work, kind)["de"]
    before = snapshot()

    response = put_string(client, instance, target, "ترجمة")

    if (who, target) in ALLOWED:
        assert response.status_code == HTTPStatus.CREATED
        assert StringTranslation.objects.filter(data="ترجمة").count() == 1
    else:
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert snapshot() == before


SNIPPET_EDIT_URLS = {
    "term": "wagtailsnippets_testapp_vocabularyterm:edit",
    "organisation": "wagtailsnippets_directory_organisation:edit",
    "glossary": "wagtailsnippets_topics_glossaryterm:edit",
}


@pytest.mark.parametrize("kind", ["page", "term", "organisation", "glossary"])
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("who", USERS)
def test_translation_editor_opens_and_publishes_only_own_language(
    client, work, who, target, kind, django_capture_on_commit_callbacks
):
    client.force_login(work.users[who])
    instance = getattr(work, kind)[target]
    if kind == "page":
        url = reverse("wagtailadmin_pages:edit", args=[instance.pk])
    else:
        url = reverse(SNIPPET_EDIT_URLS[kind], args=[instance.pk])
    before = snapshot()

    opened = client.get(url)
    # wagtail-localize publishes in an on-commit callback.
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(url, {"action": "publish"})

    instance.refresh_from_db()
    if (who, target) in ALLOWED:
        assert opened.status_code == HTTPStatus.OK
        assert b"wagtail_localize" in opened.content or b"translation-editor" in opened.content
        assert published.status_code == HTTPStatus.FOUND
        assert instance.live
    else:
        assert_refused(opened)
        assert_refused(published)
        assert not instance.live
        assert snapshot() == before


@pytest.mark.parametrize("who", ["translator_ar", "translator_tr", "organisation"])
def test_nobody_but_editors_edits_the_german_source(client, work, who):
    client.force_login(work.users[who])
    page, term = work.page["de"], work.term["de"]
    before = snapshot()

    responses = [
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            {"title": "Geändert", "slug": "arbeit", "action-publish": "1"},
        ),
        client.get(reverse("wagtailsnippets_testapp_vocabularyterm:edit", args=[term.pk])),
        client.post(
            reverse("wagtailsnippets_testapp_vocabularyterm:edit", args=[term.pk]),
            {"name": "Geändert", "action-publish": "1"},
        ),
        client.post(reverse("wagtailsnippets_testapp_vocabularyterm:unpublish", args=[term.pk])),
    ]

    for response in responses:
        assert_refused(response)
    assert snapshot() == before


def test_editors_still_edit_the_german_source(client, work):
    client.force_login(work.users["editor"])
    term = work.term["de"]

    response = client.post(
        reverse("wagtailsnippets_testapp_vocabularyterm:edit", args=[term.pk]),
        {"name": "Gesundheit und Pflege", "action-publish": "1"},
    )

    assert response.status_code == HTTPStatus.FOUND
    term.refresh_from_db()
    assert term.name == "Gesundheit und Pflege"


@pytest.mark.parametrize("kind", ["page", "term"])
def test_every_translation_editor_url_refuses_the_other_language(client, work, kind):
    """The Turkish translator against the Arabic translation, URL by URL."""
    client.force_login(work.users["translator_tr"])
    instance = work.page["de"] if kind == "page" else work.term["de"]
    translation = translation_of(instance, "ar")
    before = snapshot()
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "مترجم"

    urls = {
        "download_pofile": ("get", {}),
        "upload_pofile": ("post", {"file": _po_upload(po)}),
        "machine_translate": ("post", {}),
        "stop_translation": ("post", {}),
    }
    if kind == "page":
        urls["preview_translation"] = ("get", {})
    for name, (method, data) in urls.items():
        url = reverse(f"wagtail_localize:{name}", args=[translation.pk])
        response = getattr(client, method)(url, data)
        assert response.status_code == HTTPStatus.FORBIDDEN, name

    assert snapshot() == before


def _po_upload(po):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("translation.po", str(po).encode(), "text/x-gettext-translation")


@pytest.mark.parametrize("who", ["translator_ar", "organisation"])
def test_translators_cannot_request_or_sync_translations(client, work, who):
    client.force_login(work.users[who])
    page, term = work.page["de"], work.term["de"]
    source = translation_of(page, "ar").source
    before = snapshot()

    responses = [
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [page.locale_id]},
        ),
        client.post(
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["testapp", "vocabularyterm", term.pk],
            ),
            {"locales": [term.locale_id]},
        ),
        client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        ),
    ]

    for response in responses:
        assert response.status_code == HTTPStatus.FORBIDDEN
    assert snapshot() == before


def test_every_wagtail_localize_url_is_guarded():
    """Fails when an upgrade of wagtail-localize adds a view: review it, then list it."""
    (localize,) = register_admin_urls()
    names = {pattern.name for pattern in localize.url_patterns}

    assert names == set(LOCALIZE_GUARDS)
