"""Shared set-up of the self-service permission tests: two organisations A and B (live,
German, each with an Arabic draft translation) and one user per role."""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from wagtail.models import Locale, Revision, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import translate_object

from cms import roles
from cms.translation.groups import translator_group
from directory.models import Organisation, OrganisationMembership
from tests.factories import OrganisationFactory, UserFactory

ADMIN = "wagtailsnippets_directory_organisation"


def url(name, *args):
    return reverse(f"{ADMIN}:{name}", args=args)


def member(organisation, role="editor", **kwargs):
    user = UserFactory(groups=[roles.ORGANISATIONS], **kwargs)
    OrganisationMembership.objects.create(user=user, organisation=organisation, role=role)
    return user


def arabic_translator(**kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(translator_group(Locale.objects.get(language_code="ar")))
    return user


def snapshot():
    """Everything a write through the admin could change."""
    return (
        sorted(
            Organisation.objects.values_list(
                "id",
                "name",
                "slug",
                "kind",
                "short_description",
                "live",
                "has_unpublished_changes",
                "locked",
                "last_confirmed",
                "latest_revision_id",
                "live_revision_id",
            )
        ),
        Revision.objects.count(),
        WorkflowState.objects.count(),
        sorted(StringTranslation.objects.values_list("locale_id", "context_id", "data")),
        Translation.objects.count(),
    )


def edit_form_data(client, organisation, **changes):
    """The edit form as the user behind `client` sees it, with `changes` applied."""
    response = client.get(url("edit", organisation.pk))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form").copy()
    for key, value in changes.items():
        data[key] = value
    return data


@pytest.fixture
def orgs(db):
    a = OrganisationFactory(name="Verein Alpha", short_description="Alpha hilft.")
    b = OrganisationFactory(name="Verein Beta", short_description="Beta berät.")
    arabic = Locale.objects.get(language_code="ar")
    translate_object(a, [arabic])
    translate_object(b, [arabic])
    users = {
        "anonymous": None,
        "org_editor_a": member(a, username="org-editor-a"),
        "owner_a": member(a, role="owner", username="owner-a"),
        "translator_ar": arabic_translator(username="translator-ar"),
        "ki_editor": UserFactory(username="ki-editor", groups=[roles.EDITORS]),
        "moderator": UserFactory(username="moderator", groups=[roles.MODERATORS]),
    }
    return SimpleNamespace(
        a=a,
        b=b,
        a_ar=a.get_translation(arabic),
        b_ar=b.get_translation(arabic),
        users=users,
    )
