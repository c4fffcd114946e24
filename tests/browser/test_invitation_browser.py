"""The self-service loop from the start, in a real browser: a KI editor invites a person
from the admin, the person opens the e-mailed link, sets a password (after one rejected
attempt that keeps what was typed), lands logged in on the admin dashboard, edits their
entry and submits it; a moderator approves and the change is live. The public page passes
axe-core. (The reject path with the moderator's comment: test_selfservice_browser.py.)"""

import re

import pytest
from django.core import mail

from cms import roles
from directory.models import Organisation, OrganisationMembership
from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_selfservice_browser import moderate
from tests.factories import OrganisationFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LINK = re.compile(r"http://testserver(/en/organisationen/einladung/[A-Za-z0-9_-]+/)")
PASSWORD = "Prinzipalmarkt-1648!"


@pytest.fixture
def setup(site):
    """Set up before the browser starts (see tests/browser/conftest.py)."""
    UserFactory(username="ki-browser", groups=[roles.EDITORS])
    UserFactory(username="moderation-browser", groups=[roles.MODERATORS])
    return OrganisationFactory(name="Eritreische Gemeinde Münster")


def test_invite_set_password_edit_submit_approve_and_the_change_is_live(setup, page, site, axe):
    organisation = setup
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "ki-browser")
    page.fill("#id_password", "secret-password")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/admin/")

    page.goto(f"{site.url}/admin/directory/members/{organisation.pk}/")
    page.fill("#id_email", "selam@example.org")
    page.select_option("#id_role", "owner")
    page.select_option("#id_language", "en")
    page.get_by_role("button", name="Send invitation").click()  # the browser asks for English
    page.wait_for_selector("text=The invitation was sent to selam@example.org.")
    assert "selam@example.org" in page.locator("#invitations").inner_text()

    (message,) = mail.outbox
    path = LINK.search(message.body).group(1)
    page.context.clear_cookies()  # the invited person, not the editor

    page.goto(f"{site.url}{path}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Eritreische Gemeinde Münster" in page.locator("h1").inner_text()
    assert_no_axe_violations(axe, page)

    page.fill("#id_first_name", "Selam")
    page.fill("#id_password1", "kurz")
    page.fill("#id_password2", "kurz")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_selector("text=This password is too short.")
    assert page.input_value("#id_first_name") == "Selam"
    assert page.input_value("#id_password1") == ""
    assert_no_axe_violations(axe, page)

    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(f"{site.url}/admin/")
    assert "Selam" in page.content()  # the admin greets the new, logged-in user

    membership = OrganisationMembership.objects.get(user__username="selam@example.org")
    assert membership.organisation == Organisation.objects.get(pk=organisation.pk)
    assert membership.role == "owner"

    # The new owner opens the entry from "My organisation(s)", edits it and submits it.
    changed = "Neu: Wir treffen uns jeden Sonntag."
    page.get_by_role("link", name="Eritreische Gemeinde Münster").first.click()
    page.fill("#id_short_description", changed)
    assert page.locator('button[name="action-publish"]').count() == 0
    with page.expect_navigation():  # let the POST finish before the cookies go
        page.locator('button[name="action-submit"]').evaluate("button => button.click()")
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    page.goto(f"{site.url}/de/organisationen/{organisation.slug}/")
    assert changed not in page.content()  # nothing is public before approval

    moderate(page, site, organisation, "approve")
    page.context.clear_cookies()
    page.goto(f"{site.url}/de/organisationen/{organisation.slug}/")
    assert changed in page.content()
