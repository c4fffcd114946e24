"""The moderation loop of organisation self-service in a real browser: an organisation
editor edits their entry and submits it, a moderator approves and the change is live on
the public profile; then a second change is sent back with a comment that the
organisation reads (in the admin and in the e-mail)."""

import pytest
from django.core import mail

from cms import roles
from directory.models import Organisation, OrganisationMembership
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "secret-password"


@pytest.fixture
def entry(site):
    organisation = Organisation.objects.filter(locale__language_code="de", live=True).first()
    member = UserFactory(username="verein-browser", groups=[roles.ORGANISATIONS])
    OrganisationMembership.objects.create(user=member, organisation=organisation, role="owner")
    UserFactory(username="moderation-browser", groups=[roles.MODERATORS])
    return organisation


def log_in(page, site, username):
    page.context.clear_cookies()
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site.url}/admin/")


def edit_and_submit(page, site, organisation, text):
    log_in(page, site, "verein-browser")
    page.get_by_role("link", name=organisation.name).first.click()
    page.fill("#id_short_description", text)
    assert page.locator('button[name="action-publish"]').count() == 0
    # "Submit to Organisationsprofil prüfen" sits in the footer's action menu. Wait for the
    # form's own navigation: clearing cookies while the POST is in flight would cancel it.
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').evaluate("button => button.click()")
    page.wait_for_load_state("networkidle")


def moderate(page, site, organisation, action, comment=None):
    log_in(page, site, "moderation-browser")
    page.goto(f"{site.url}/admin/snippets/directory/organisation/edit/{organisation.pk}/")
    button = f'button[data-workflow-action-name="{action}"]'
    if comment is None:
        button += ":not([data-workflow-action-modal-url])"
        with page.expect_navigation():
            page.locator(button).first.evaluate("button => button.click()")
    else:
        page.locator(button).first.evaluate("button => button.click()")
        page.locator('textarea[name="comment"]').fill(comment)
        # The modal posts the comment in the background, then submits the edit form.
        with page.expect_navigation():
            page.locator(".modal-content form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def test_member_submits_moderator_approves_and_rejects_with_a_comment(page, site, entry):
    approved = "Wir treffen uns jetzt jeden Samstag."
    edit_and_submit(page, site, entry, approved)

    page.goto(f"{site.url}/de/organisationen/{entry.slug}/")
    assert approved not in page.content()

    moderate(page, site, entry, "approve")
    page.context.clear_cookies()
    page.goto(f"{site.url}/de/organisationen/{entry.slug}/")
    assert approved in page.content()

    # A second change goes back to the organisation with a comment.
    mail.outbox.clear()
    edit_and_submit(page, site, entry, "Noch etwas Neues.")
    comment = "Bitte die Uhrzeit ergänzen."
    moderate(page, site, entry, "reject", comment=comment)

    page.context.clear_cookies()
    page.goto(f"{site.url}/de/organisationen/{entry.slug}/")
    assert approved in page.content() and "Noch etwas Neues." not in page.content()
    decision = [m for m in mail.outbox if "verein-browser@example.org" in m.to]
    assert len(decision) == 1 and comment in decision[0].body

    log_in(page, site, "verein-browser")
    state = entry.workflow_states.order_by("-pk").first()
    page.goto(
        f"{site.url}/admin/snippets/directory/organisation/workflow_history/"
        f"{entry.pk}/detail/{state.pk}/"
    )
    assert comment in page.content()
