"""The four roles exist with the permissions their work needs, and no more."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group

from cms import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_role_groups_exist_and_wagtails_defaults_were_renamed():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles.ROLE_NAMES) <= names
    assert "Editors" not in names and "Moderators" not in names


@pytest.mark.parametrize("group", roles.ROLE_NAMES)
def test_every_role_can_log_into_the_admin(client, group):
    user = UserFactory(groups=[group])
    client.force_login(user)

    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_editors_can_publish_pages_and_translators_cannot(german_home):
    editor = UserFactory(groups=[roles.EDITORS])
    translator = UserFactory(groups=[roles.TRANSLATORS])
    organisation = UserFactory(groups=[roles.ORGANISATIONS])

    assert german_home.permissions_for_user(editor).can_publish()
    assert not german_home.permissions_for_user(translator).can_publish()
    # Translators work only in their languages' trees (tests/cms/test_translation_permissions.py).
    assert not german_home.permissions_for_user(translator).can_edit()
    assert not german_home.permissions_for_user(organisation).can_edit()


def test_organisation_editors_cannot_open_the_page_editor(client, german_home):
    client.force_login(UserFactory(groups=[roles.ORGANISATIONS]))

    response = client.get(f"/admin/pages/{german_home.pk}/edit/")

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert response.status_code != HTTPStatus.OK


def test_only_editors_may_request_translations():
    editor = UserFactory(groups=[roles.EDITORS])
    translator = UserFactory(groups=[roles.TRANSLATORS])
    organisation = UserFactory(groups=[roles.ORGANISATIONS])

    assert editor.has_perm("wagtail_localize.submit_translation")
    assert not translator.has_perm("wagtail_localize.submit_translation")
    assert not organisation.has_perm("wagtail_localize.submit_translation")


def test_ensure_roles_is_idempotent():
    from django.apps import apps

    before = {g.name: g.permissions.count() for g in Group.objects.all()}
    roles.ensure_roles(apps)
    after = {g.name: g.permissions.count() for g in Group.objects.all()}
    assert before == after


def test_moderation_reviews_and_publishes_but_creates_no_pages_and_curates_no_media(german_home):
    from wagtail.models import Collection, GroupCollectionPermission
    from wagtail.models import Page as WagtailPage

    moderator = UserFactory(groups=[roles.MODERATORS])
    permissions = german_home.permissions_for_user(moderator)
    assert permissions.can_edit() and permissions.can_publish()
    assert not permissions.can_add_subpage()
    assert not permissions.can_lock()
    assert not WagtailPage.get_first_root_node().permissions_for_user(moderator).can_add_subpage()

    group = Group.objects.get(name=roles.MODERATORS)
    collection_codenames = set(
        GroupCollectionPermission.objects.filter(
            group=group, collection=Collection.get_first_root_node()
        ).values_list("permission__codename", flat=True)
    )
    assert collection_codenames == {"choose_image", "choose_document"}
