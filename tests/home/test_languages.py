"""Every language the portal promises is really there: its URL prefix answers with the
right lang/dir, its interface strings are translated, and `/` picks the reader's language."""

import re
from http import HTTPStatus

import pytest
from wagtail.models import Locale

from cms.languages import PORTAL_LANGUAGES

pytestmark = pytest.mark.django_db

RTL = {"ar", "fa"}

# The skip link's text in each language proves the interface catalogue is active.
SKIP_LINK = {
    "de": "Zum Inhalt springen",
    "de-simple": "Zum Inhalt springen",
    "en": "Skip to main content",
    "tr": "Ana içeriğe geç",
    "ar": "تخطي إلى المحتوى الرئيسي",
    "uk": "Перейти до основного вмісту",
    "ru": "Перейти к основному содержанию",
    "fa": "رفتن به محتوای اصلی",
    "ku": "Here naveroka sereke",
    "pl": "Przejdź do treści głównej",
    "fr": "Aller au contenu principal",
    "es": "Saltar al contenido principal",
}


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_all_twelve_locales_exist_with_german_as_default():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {code for code, _name in PORTAL_LANGUAGES}
    assert Locale.get_default().language_code == "de"


@pytest.mark.parametrize("code", [code for code, _name in PORTAL_LANGUAGES])
def test_every_language_prefix_answers_with_its_lang_dir_and_interface(client, code, german_home):
    response = client.get(f"/{code}/")

    assert response.status_code == HTTPStatus.OK
    direction = "rtl" if code in RTL else "ltr"
    assert html_tag(response) == f'<html lang="{code}" dir="{direction}">'
    assert SKIP_LINK[code] in response.content.decode()


def test_untranslated_home_is_shown_in_german_with_a_notice_in_the_readers_language(
    client, german_home
):
    response = client.get("/ar/")

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert german_home.title in html
    assert "هذه الصفحة غير متوفرة بعد باللغة العربية" in html
    # The German content is marked as German inside the Arabic interface.
    assert '<main id="main" tabindex="-1" class="site-main" lang="de" dir="ltr">' in html


def test_translated_home_shows_the_translation_without_notice(client, german_home, translate):
    translate(german_home, "en", {german_home.title: "Portal for Münster"})

    response = client.get("/en/")

    html = response.content.decode()
    assert '<h1 class="hero__title">Portal for Münster</h1>' in html
    assert "not yet available" not in html


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar,en;q=0.8", "/ar/"),
        ("fa-IR,fa;q=0.9", "/fa/"),
        ("en-GB,en;q=0.9,de;q=0.5", "/en/"),
        ("ku", "/ku/"),
        ("ja,zh;q=0.9", "/de/"),  # no Japanese or Chinese locale: German
        ("", "/de/"),
    ],
)
def test_root_redirects_by_accept_language(client, german_home, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_root_redirect_ignores_languages_without_a_locale(client, german_home):
    # Italian is an addable language, but no Italian locale exists yet.
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="it,pl;q=0.5")

    assert response["Location"] == "/pl/"


def test_a_locale_added_in_the_admin_is_served_without_code_changes(client, german_home):
    Locale.objects.create(language_code="it")

    assert client.get("/", HTTP_ACCEPT_LANGUAGE="it")["Location"] == "/it/"
    response = client.get("/it/")
    assert response.status_code == HTTPStatus.OK
    assert html_tag(response) == '<html lang="it" dir="ltr">'


def test_interface_strings_are_translated_into_english_and_german(client, german_home):
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()

    assert 'aria-label="Hauptnavigation"' in german or "Sprache wählen" in german
    assert "Sprache wählen" in german
    assert "Choose language" in english


def test_a_missing_object_in_the_admin_is_a_404_not_a_redirect_to_a_language(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True))

    response = client.get("/admin/snippets/directory/organisation/edit/999999/")

    assert response.status_code == 404


def test_a_public_url_without_language_still_redirects_to_one(client):
    response = client.get("/organisationen/", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 302
    assert response["Location"] == "/de/organisationen/"
