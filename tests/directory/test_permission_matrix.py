"""The permission matrix of organisation self-service: every role × every admin URL of an
organisation × their own organisation (A) and another one (B) → allowed or refused, on
the server. A refused write leaves the database exactly as it was."""

from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, TaskState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from directory.models import Organisation
from tests.directory import perm_setup
from tests.directory.perm_setup import snapshot, url
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
orgs = perm_setup.orgs  # the shared fixture

ROLES = ["anonymous", "org_editor_a", "owner_a", "translator_ar", "ki_editor", "moderator"]
MEMBERS = {"org_editor_a", "owner_a"}
EDITING = {"ki_editor", "moderator"}


def _rule(own, other):
    return {"A": set(own), "B": set(other)}


# Who may, per URL, on A (members' own organisation) and on B (another one).
SEE_AND_EDIT = _rule(MEMBERS | EDITING, EDITING)
RULES = {
    "list": _rule(MEMBERS | EDITING | {"translator_ar"}, EDITING | {"translator_ar"}),
    "edit_get": SEE_AND_EDIT,
    "edit_post": SEE_AND_EDIT,
    "delete": _rule({"ki_editor"}, {"ki_editor"}),
    "history": SEE_AND_EDIT,
    "usage": SEE_AND_EDIT,
    "revisions_view": SEE_AND_EDIT,
    "revisions_compare": SEE_AND_EDIT,
    "preview": SEE_AND_EDIT,
    "unpublish": _rule(EDITING, EDITING),
    "lock": _rule({"ki_editor"}, {"ki_editor"}),
    "unlock": _rule({"ki_editor"}, {"ki_editor"}),
    "workflow_approve": _rule({"moderator"}, {"moderator"}),
    "workflow_reject": _rule({"moderator"}, {"moderator"}),
    "workflow_history_detail": SEE_AND_EDIT,
    # Wagtail-localize grants "submit_translation" to the moderators group, too.
    "localize_submit": _rule(EDITING, EDITING),
    # Members edit the German source only: strings saved in wagtail-localize's editor
    # would bypass moderation. Translations are the translators' work.
    "localize_translate": _rule(EDITING | {"translator_ar"}, EDITING | {"translator_ar"}),
    "localize_string_api": _rule(EDITING | {"translator_ar"}, EDITING | {"translator_ar"}),
}
WRITES = {
    "edit_post",
    "delete",
    "unpublish",
    "lock",
    "unlock",
    "workflow_approve",
    "workflow_reject",
    "localize_submit",
    "localize_string_api",
}


def editor_client():
    client = Client()
    client.force_login(UserFactory(is_superuser=True, username="helper-admin"))
    return client


def edit_data(organisation, **changes):
    """The full edit form (as the KI sees it) with `changes`."""
    from wagtail.test.utils.form_data import querydict_from_html

    response = editor_client().get(url("edit", organisation.pk))
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form").copy()
    for key, value in changes.items():
        data[key] = value
    return data


def arabic_translation(organisation):
    return Translation.objects.get(
        source__object_id=organisation.translation_key,
        target_locale__language_code="ar",
    )


def prepare(name, target):
    """What must exist before the request (done by someone else, not measured)."""
    if name == "unlock":
        locker = UserFactory(is_superuser=True, username="locker")
        target.locked, target.locked_by = True, locker
        target.save()
    if name in ("workflow_approve", "workflow_reject", "workflow_history_detail"):
        submitter = UserFactory(is_superuser=True, username="submitter")
        target.get_workflow().start(target, user=submitter)
        return TaskState.objects.get(
            workflow_state__object_id=str(target.pk), status=TaskState.STATUS_IN_PROGRESS
        )
    return None


def request(client, name, target, target_ar, prepared):
    pk = target.pk
    if name == "list":
        return client.get(url("list"))
    if name == "edit_get":
        return client.get(url("edit", pk))
    if name == "edit_post":
        return client.post(url("edit", pk), prepared)
    if name == "delete":
        return client.post(url("delete", pk))
    if name == "history":
        return client.get(url("history", pk))
    if name == "usage":
        return client.get(url("usage", pk))
    if name == "revisions_view":
        return client.get(url("revisions_view", pk, target.latest_revision_id))
    if name == "revisions_compare":
        return client.get(url("revisions_compare", pk, "earliest", "latest"))
    if name == "preview":
        return client.get(url("preview_on_edit", pk))
    if name == "unpublish":
        return client.post(url("unpublish", pk))
    if name == "lock":
        return client.post(url("lock", pk))
    if name == "unlock":
        return client.post(url("unlock", pk))
    if name == "workflow_approve":
        return client.post(
            url("workflow_action", pk, "approve", prepared.pk), {"comment": "Passt."}
        )
    if name == "workflow_reject":
        return client.post(
            url("workflow_action", pk, "reject", prepared.pk), {"comment": "Bitte ergänzen."}
        )
    if name == "workflow_history_detail":
        return client.get(url("workflow_history_detail", pk, prepared.workflow_state_id))
    if name == "localize_submit":
        turkish = Locale.objects.get(language_code="tr")
        return client.post(
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["directory", "organisation", pk],
            ),
            {"locales": [turkish.pk]},
        )
    if name == "localize_translate":
        return client.get(url("edit", target_ar.pk))
    if name == "localize_string_api":
        translation = arabic_translation(target)
        segment = StringSegment.objects.filter(source=translation.source).order_by("order")[0]
        return client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            data=urlencode({"value": "جمعية"}),
            content_type="application/x-www-form-urlencoded",
        )
    raise AssertionError(name)


def assert_allowed(name, response, target, prepared=None):
    if name == "localize_string_api":
        assert response.status_code == HTTPStatus.CREATED
        assert StringTranslation.objects.filter(data="جمعية").count() == 1
        return
    if name in WRITES:
        assert response.status_code == HTTPStatus.FOUND, response.status_code
        assert not response["Location"].rstrip("/").endswith("/admin")
    else:
        assert response.status_code == HTTPStatus.OK, response.status_code
    if name == "list":
        assert target.name in response.content.decode()
    elif name == "edit_post":
        target.refresh_from_db()
        assert target.latest_revision.content["short_description"] == "Neu beschrieben."
        # A draft: the live entry is unchanged until someone publishes it.
        assert target.short_description != "Neu beschrieben."
    elif name == "delete":
        assert not Organisation.objects.filter(pk=target.pk).exists()
    elif name == "unpublish":
        target.refresh_from_db()
        assert not target.live
    elif name == "lock":
        target.refresh_from_db()
        assert target.locked
    elif name == "unlock":
        target.refresh_from_db()
        assert not target.locked
    elif name in ("workflow_approve", "workflow_reject"):
        target.refresh_from_db()
        assert not target.workflow_in_progress
        expected = TaskState.STATUS_APPROVED if name == "workflow_approve" else "rejected"
        assert TaskState.objects.get(pk=prepared.pk).status == expected
    elif name == "localize_submit":
        assert Translation.objects.filter(target_locale__language_code="tr").count() == 1


def assert_refused(who, name, response, target):
    if who == "anonymous":
        assert response.status_code == HTTPStatus.FOUND
        assert "/login/" in response["Location"]
        return
    if name == "list" and response.status_code == HTTPStatus.OK:
        # The listing opens, but does not show B.
        assert target.name not in response.content.decode()
        return
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND), response.status_code
    if response.status_code == HTTPStatus.FOUND:
        assert response["Location"].rstrip("/").endswith("/admin"), response["Location"]
    else:
        assert target.name not in response.content.decode()


@pytest.mark.parametrize("target_key", ["A", "B"])
@pytest.mark.parametrize("name", list(RULES))
@pytest.mark.parametrize("who", ROLES)
def test_permission_matrix(client, orgs, who, name, target_key):
    target = orgs.a if target_key == "A" else orgs.b
    target_ar = orgs.a_ar if target_key == "A" else orgs.b_ar
    prepared = prepare(name, target)
    if name == "edit_post":
        prepared = edit_data(target, short_description="Neu beschrieben.")
    user = orgs.users[who]
    if user is not None:
        client.force_login(user)
    before = snapshot()

    response = request(client, name, target, target_ar, prepared)

    if who in RULES[name][target_key]:
        assert_allowed(name, response, target, prepared)
    else:
        assert_refused(who, name, response, target)
        assert snapshot() == before


def _patterns(patterns, namespace=None, prefix=""):
    from django.urls import URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(
                pattern.url_patterns, pattern.namespace or namespace, prefix + str(pattern.pattern)
            )
        else:
            yield namespace, pattern, prefix + str(pattern.pattern)


def test_every_url_of_the_viewset_that_takes_an_object_is_guarded():
    """A new view after an upgrade must not slip past the object check: every URL of the
    Organisation viewset with an argument in its path runs the guard."""
    from django.urls import get_resolver

    namespace = "wagtailsnippets_directory_organisation"
    checked = []
    for found_namespace, pattern, route in _patterns(get_resolver().url_patterns):
        if found_namespace != namespace or not pattern.pattern.regex.groupindex:
            continue
        func, guarded = pattern.callback, False
        while func is not None:
            guarded = guarded or getattr(func, "organisation_guard", False)
            func = getattr(func, "__wrapped__", None)
        assert guarded, route
        checked.append(pattern.name)
    assert {"edit", "delete", "history", "revisions_compare", "workflow_action"} <= set(checked)
