"""Fixtures for the translation workflow: a German page and a translatable snippet, each
requested in Arabic and Turkish (drafts), and one user per role."""

from http import HTTPStatus
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from cms import roles
from cms.translation.groups import translator_group
from directory.models import FocusArea
from tests.factories import (
    GlossaryTermFactory,
    OrganisationFactory,
    StandardPageFactory,
    UserFactory,
)
from tests.testapp.models import VocabularyTerm


def language_group(code):
    return translator_group(Locale.objects.get(language_code=code))


def translator(code, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(language_group(code))
    return user


def assert_refused(response):
    """403, or Wagtail's refusal for admin views: a redirect to the dashboard."""
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND), response.status_code
    if response.status_code == HTTPStatus.FOUND:
        assert response["Location"].rstrip("/").endswith("/admin")


def translation_of(instance, code):
    return Translation.objects.get(
        source__object_id=instance.translation_key,
        target_locale__language_code=code,
    )


@pytest.fixture
def request_translations():
    """What an editor's "Translate" does: draft copies in the chosen languages."""

    def _request(instance, codes):
        translate_object(instance, Locale.objects.filter(language_code__in=codes))
        return {
            code: instance.get_translation(Locale.objects.get(language_code=code)) for code in codes
        }

    return _request


@pytest.fixture
def work(german_home, translate, request_translations):
    translate(german_home, "ar", {})
    translate(german_home, "tr", {})
    page = StandardPageFactory(
        parent=german_home, title="Arbeit", slug="arbeit", body="<p>Arbeit finden in Münster</p>"
    )
    page.save_revision().publish()
    pages = request_translations(page, ["ar", "tr"])

    term = VocabularyTerm(name="Gesundheit", locale=Locale.get_default())
    term.save()
    term.save_revision().publish()
    terms = request_translations(term, ["ar", "tr"])

    # A real vocabulary of the directory (seeded by its migration; no drafts).
    focus_area = FocusArea.objects.get(locale=Locale.get_default(), slug="gesundheit")
    focus_areas = request_translations(focus_area, ["ar", "tr"])

    # The directory's entries and the glossary: translatable snippets with drafts.
    organisation = OrganisationFactory(name="Gesundheitsladen", slug="gesundheitsladen")
    organisations = request_translations(organisation, ["ar", "tr"])
    glossary = GlossaryTermFactory(term="Krankenkasse", slug="krankenkasse")
    glossary.save_revision().publish()
    glossaries = request_translations(glossary, ["ar", "tr"])

    editors = Group.objects.get(name=roles.EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="testapp"),
    )
    return SimpleNamespace(
        page={"de": page, **pages},
        term={"de": term, **terms},
        vocabulary={"de": focus_area, **focus_areas},
        organisation={"de": organisation, **organisations},
        glossary={"de": glossary, **glossaries},
        users={
            "translator_ar": translator("ar", username="t-ar"),
            "translator_tr": translator("tr", username="t-tr"),
            "editor": UserFactory(username="editor", groups=[roles.EDITORS]),
            "organisation": UserFactory(username="org", groups=[roles.ORGANISATIONS]),
        },
    )
