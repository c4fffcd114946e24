"""Organisation editors change their own entry through moderation: they save drafts and
submit, moderators approve or reject with a comment, every member is told in their own
language, nothing is public before approval, and the fields only the KI manages stay
out of their reach. Plus the "My organisation(s)" dashboard panel and the admin views
that must not show other organisations."""

import datetime
from http import HTTPStatus

import pytest
from django.apps import apps
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState, Workflow, WorkflowContentType
from wagtail.users.models import UserProfile

from cms import roles
from directory.models import Organisation
from tests.directory import perm_setup
from tests.directory.perm_setup import edit_form_data, snapshot, url

pytestmark = pytest.mark.django_db
orgs = perm_setup.orgs  # the shared fixture

NEW_TEXT = "Alpha hilft jetzt auch samstags."


def public_text(client, organisation):
    client.logout()
    response = client.get(f"/de/organisationen/{organisation.slug}/")
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def submit_as(client, user, organisation, **changes):
    client.force_login(user)
    data = edit_form_data(client, organisation, **changes)
    data["action-submit"] = "1"
    response = client.post(url("edit", organisation.pk), data)
    assert response.status_code == HTTPStatus.FOUND, response.content[:500]
    organisation.refresh_from_db()
    return response


def decide(client, moderator, organisation, action, comment=""):
    client.force_login(moderator)
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(organisation.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    response = client.post(
        url("workflow_action", organisation.pk, action, task_state.pk), {"comment": comment}
    )
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    organisation.refresh_from_db()
    return response


def test_the_workflow_is_assigned_to_organisations_and_created_once():
    workflow = Workflow.objects.get(name="Organisationsprofil prüfen")
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.MODERATORS]
    assert WorkflowContentType.objects.get(workflow=workflow).content_type.model == "organisation"
    assert Organisation(locale_id=1).get_workflow() == workflow

    # Running the data migration again changes nothing.
    from importlib import import_module

    migration = import_module("directory.migrations.0004_perm_workflow")
    migration.create_workflow(apps, None)
    assert Workflow.objects.filter(name="Organisationsprofil prüfen").count() == 1
    assert workflow.workflow_tasks.count() == 1


def test_members_get_submit_and_never_publish(client, orgs):
    client.force_login(orgs.users["org_editor_a"])
    content = client.get(url("edit", orgs.a.pk)).content.decode()
    assert 'name="action-submit"' in content
    assert 'name="action-publish"' not in content
    assert 'name="action-unpublish"' not in content

    client.force_login(orgs.users["moderator"])
    content = client.get(url("edit", orgs.a.pk)).content.decode()
    assert 'name="action-publish"' in content


def test_member_submits_and_the_moderator_approves(client, orgs):
    member, owner = orgs.users["org_editor_a"], orgs.users["owner_a"]
    profile = UserProfile.get_for_user(owner)
    profile.preferred_language = "en"
    profile.save()
    moderator = orgs.users["moderator"]

    submit_as(client, member, orgs.a, short_description=NEW_TEXT)

    assert orgs.a.workflow_in_progress
    assert orgs.a.short_description == "Alpha hilft."
    page = public_text(client, orgs.a)
    assert "Alpha hilft." in page and NEW_TEXT not in page
    # Moderation is told (Wagtail's own notification to the task's group).
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    mail.outbox.clear()

    decide(client, moderator, orgs.a, "approve", comment="Danke!")

    assert orgs.a.live and not orgs.a.workflow_in_progress
    assert orgs.a.short_description == NEW_TEXT
    assert NEW_TEXT in public_text(client, orgs.a)
    # One e-mail per language, to every member; nobody gets Wagtail's second one.
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([member.email, owner.email])
    english = next(m for m in mail.outbox if owner.email in m.to)
    assert english.subject == 'Your changes to "Verein Alpha" are now published'
    assert "Danke!" in english.body
    assert f"/admin/snippets/directory/organisation/edit/{orgs.a.pk}/" in english.body
    assert "/de/organisationen/verein-alpha/" in english.body


def test_rejected_changes_stay_unpublished_and_members_read_the_comment(client, orgs):
    member, owner = orgs.users["org_editor_a"], orgs.users["owner_a"]
    for user in (member, owner):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    comment = "Bitte die Telefonnummer ergänzen."
    submit_as(client, member, orgs.a, short_description=NEW_TEXT)
    mail.outbox.clear()

    decide(client, orgs.users["moderator"], orgs.a, "reject", comment=comment)

    assert orgs.a.short_description == "Alpha hilft."
    assert NEW_TEXT not in public_text(client, orgs.a)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == sorted([member.email, owner.email])
    assert message.subject == 'Your changes to "Verein Alpha" need revision'
    assert comment in message.body
    # The member finds the comment in the admin, too (the workflow history of the entry).
    client.force_login(member)
    state = orgs.a.workflow_states.get()
    history = client.get(url("workflow_history_detail", orgs.a.pk, state.pk))
    assert history.status_code == HTTPStatus.OK
    assert comment in history.content.decode()


def test_fields_only_the_ki_manages_are_not_in_the_members_form(client, orgs):
    member = orgs.users["org_editor_a"]
    client.force_login(member)
    content = client.get(url("edit", orgs.a.pk)).content.decode()
    for field in ("slug", "kind", "last_confirmed"):
        assert f'name="{field}"' not in content

    # A posted value is ignored on the server.
    data = edit_form_data(client, orgs.a, short_description=NEW_TEXT)
    data.update({"slug": "gekapert", "kind": "faith", "last_confirmed": "2020-01-01"})
    response = client.post(url("edit", orgs.a.pk), data)

    assert response.status_code == HTTPStatus.FOUND
    orgs.a.refresh_from_db()
    draft = orgs.a.latest_revision.as_object()
    assert draft.short_description == NEW_TEXT
    assert (draft.slug, draft.kind, draft.last_confirmed) == ("verein-alpha", "mso", None)

    # The KI editors see and change them.
    client.force_login(orgs.users["ki_editor"])
    data = edit_form_data(client, orgs.a, kind="faith", last_confirmed="2025-03-01")
    data["action-publish"] = "1"
    client.post(url("edit", orgs.a.pk), data)
    orgs.a.refresh_from_db()
    assert (orgs.a.kind, orgs.a.last_confirmed) == ("faith", datetime.date(2025, 3, 1))


def test_members_cannot_manage_memberships(orgs):
    member = orgs.users["owner_a"]
    assert not member.has_perm("directory.manage_organisation_fields")
    assert not any(
        member.has_perm(f"directory.{action}_organisationmembership")
        for action in ("add", "change", "delete", "view")
    )
    assert orgs.users["ki_editor"].has_perm("directory.manage_organisation_fields")


def test_dashboard_shows_my_organisations_with_their_status(client, orgs):
    member = orgs.users["org_editor_a"]
    orgs.a.last_confirmed = datetime.date(2025, 2, 1)
    orgs.a.save()
    client.force_login(member)

    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="my-organisations' in content or "my-organisations" in content
    assert "Verein Alpha" in content and "Verein Beta" not in content
    assert url("edit", orgs.a.pk) in content

    submit_as(client, member, orgs.a, short_description=NEW_TEXT)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "in moderation" in content or "in Moderation" in content

    client.force_login(orgs.users["ki_editor"])
    assert "my-organisations" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_members_see_no_other_organisation_anywhere_in_the_admin(client, orgs):
    # B has a history, a workflow and a lock, so the reports have something to leak.
    moderator = orgs.users["moderator"]
    submit_as(Client(), orgs.users["ki_editor"], orgs.b, short_description="Beta neu.")
    member = orgs.users["owner_a"]
    client.force_login(member)
    before = snapshot()

    visible = [
        url("list"),
        url("list") + "?q=Beta",
        url("list") + "?locale=ar",
        url("list_results"),
        url("list") + "?export=csv",
        url("list") + "?export=xlsx",
        reverse("wagtailsnippetchoosers_directory_organisation:choose"),
        reverse("wagtailsnippetchoosers_directory_organisation:choose_results"),
        reverse("wagtailadmin_home"),
    ]
    for address in visible:
        response = client.get(address)
        assert response.status_code == HTTPStatus.OK, address
        body = b"".join(response) if response.streaming else response.content
        assert "Verein Beta" not in _text(body, address), address

    chosen = client.get(
        reverse("wagtailsnippetchoosers_directory_organisation:chosen", args=[orgs.b.pk])
    )
    assert chosen.status_code == HTTPStatus.NOT_FOUND
    assert "Verein Beta" not in chosen.content.decode()

    refused = [
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtail_localize:translations_report"),
        reverse("wagtail_localize:snippets_api_listing", args=["directory", "organisation"]),
        reverse(
            "wagtail_localize:snippets_api_detail", args=["directory", "organisation", orgs.b.pk]
        ),
        url("workflow_history", orgs.b.pk),
        reverse("wagtailadmin_pages:search") + "?q=Beta",
        # Bulk actions would list every organisation the member may not delete.
        reverse("wagtail_bulk_action", args=["directory", "organisation", "delete"]) + "?id=all",
        reverse("wagtail_bulk_action", args=["directory", "organisation", "delete"])
        + f"?id={orgs.b.pk}",
        url("inspect", orgs.b.pk) if _has_url("inspect") else url("history", orgs.b.pk),
    ]
    for address in refused:
        response = client.get(address)
        assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND), address
        assert "Verein Beta" not in response.content.decode(), address
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:site_history") not in menu
    assert snapshot() == before

    # The same reports still work for the moderation team.
    client.force_login(moderator)
    assert client.get(reverse("wagtailadmin_reports:site_history")).status_code == HTTPStatus.OK
    review = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Verein Beta" in review  # "Awaiting your review"


def _text(body, address):
    """The text of a response; an XLSX export is read cell by cell."""
    if not address.endswith("xlsx"):
        return body.decode()
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(body)).active
    text = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    assert "Verein Alpha" in text  # the export works, with the member's own entry
    return text


def _has_url(name):
    try:
        url(name, 1)
    except Exception:  # noqa: BLE001
        return False
    return True
