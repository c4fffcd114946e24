"""Machine translation against a stand-in provider on 127.0.0.1: first drafts that keep
HTML, links and placeholders; clear messages on provider errors and timeouts; nothing the
translator typed is lost."""

from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation

from cms.translation.config import machine_translator_setting
from tests.cms.conftest import translation_of, translator
from tests.cms.machine_standin import StandIn
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

BODY = (
    '<p>Arbeit finden in <a href="https://www.muenster.de/arbeit">Münster</a></p>'
    "<p>Termin: {datum}</p>"
)


@pytest.fixture
def standin():
    with StandIn() as server:
        yield server


@pytest.fixture(params=["deepl", "libretranslate"])
def provider(request, settings, standin):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(
        {
            "MACHINE_TRANSLATION": request.param,
            "MACHINE_TRANSLATION_URL": standin.url,
            "MACHINE_TRANSLATION_KEY": "test-key",
            "MACHINE_TRANSLATION_TIMEOUT": "0.5",
        }
    )
    return request.param


@pytest.fixture
def arabic_draft(german_home, translate, request_translations):
    translate(german_home, "ar", {})
    page = StandardPageFactory(parent=german_home, title="Arbeit", slug="arbeit", body=BODY)
    page.save_revision().publish()
    request_translations(page, ["ar"])
    return page


def machine_translate(client, page):
    translation = translation_of(page, "ar")
    target = page.get_translation(Locale.objects.get(language_code="ar"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    return client.post(f"{url}?{urlencode({'next': edit_url})}"), edit_url


def type_title(client, page, text):
    translation = translation_of(page, "ar")
    segment = StringSegment.objects.get(source=translation.source, string__data="Arbeit")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, data=urlencode({"value": text}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == HTTPStatus.CREATED


def stored():
    return sorted(StringTranslation.objects.values_list("data", "translation_type"))


def test_machine_translation_fills_the_rest_and_keeps_structure(
    client, arabic_draft, provider, standin, django_capture_on_commit_callbacks
):
    client.force_login(translator("ar"))
    type_title(client, arabic_draft, "العمل (يدوي)")

    response, edit_url = machine_translate(client, arabic_draft)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == edit_url
    request = standin.requests[-1]
    if provider == "deepl":
        assert request["path"] == "/v2/translate"
        assert request["body"]["target_lang"] == "AR"
        assert request["body"]["tag_handling"] == "xml"
    else:
        assert request["path"] == "/translate"
        assert (request["body"]["source"], request["body"]["target"]) == ("de", "ar")
        assert request["body"]["format"] == "html"
    # The typed title was not sent again and not overwritten.
    assert ("العمل (يدوي)", "manual") in stored()
    machine = [data for data, kind in stored() if kind == "machine"]
    assert any("إيجاد" in data for data in machine)

    # Publishing the draft: structure, link and placeholder survive.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})
    target = arabic_draft.get_translation(Locale.objects.get(language_code="ar"))
    target.refresh_from_db()
    assert target.live
    assert target.title == "العمل (يدوي)"
    assert 'href="https://www.muenster.de/arbeit"' in target.specific.body
    assert "<p>العمل إيجاد في <a" in target.specific.body
    assert "{datum}" in target.specific.body


@pytest.mark.parametrize("mode", ["error", "slow"])
def test_provider_failure_shows_a_message_and_loses_nothing(
    client, arabic_draft, provider, standin, mode
):
    client.force_login(translator("ar"))
    type_title(client, arabic_draft, "العمل (يدوي)")
    before = stored()
    standin.mode = mode

    response, edit_url = machine_translate(client, arabic_draft)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == edit_url
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    # The admin speaks German by default.
    if mode == "slow":
        assert "hat nicht rechtzeitig geantwortet" in text
    else:
        assert "konnte diesen Text nicht übersetzen" in text
        assert ("Quota exceeded" if provider == "deepl" else "ar is not supported") in text
    assert stored() == before
    # The editor opens again with the typed text.
    page = client.get(edit_url)
    assert page.status_code == HTTPStatus.OK
    assert "العمل (يدوي)" in page.content.decode()


def test_machine_translation_is_off_unless_configured(client, arabic_draft, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting({})
    client.force_login(translator("ar"))

    response, _edit_url = machine_translate(client, arabic_draft)

    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert StringTranslation.objects.count() == 0


def test_incomplete_configuration_fails_at_start():
    with pytest.raises(ImproperlyConfigured):
        machine_translator_setting({"MACHINE_TRANSLATION": "libretranslate"})
    with pytest.raises(ImproperlyConfigured):
        machine_translator_setting({"MACHINE_TRANSLATION": "deepl"})
    with pytest.raises(ImproperlyConfigured):
        machine_translator_setting({"MACHINE_TRANSLATION": "google"})


def test_sync_never_publishes_machine_translation_unseen(
    client, arabic_draft, provider, standin, django_capture_on_commit_callbacks
):
    from tests.factories import UserFactory

    client.force_login(UserFactory(groups=["Redaktion"]))
    source = translation_of(arabic_draft, "ar").source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on", "use_machine_translation": "on"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url
    assert "nie ungesehen veröffentlicht" in " ".join(map(str, get_messages(response.wsgi_request)))
    assert not arabic_draft.get_translation(Locale.objects.get(language_code="ar")).live
    assert StringTranslation.objects.count() == 0
    assert standin.requests == []
