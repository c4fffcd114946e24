"""E-mail through a real SMTP server on 127.0.0.1 (aiosmtpd), not the locmem backend:
the invitation and the reminder arrive, each in its recipient's language."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms import roles
from directory.confirmation import send_reminder
from directory.models import OrganisationMembership
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield inbox
    controller.stop()


def test_invitation_and_reminder_arrive_over_smtp_in_the_recipients_languages(client, smtp_inbox):
    organisation = OrganisationFactory(name="Ukrainischer Kulturverein", email="info@uk.example")
    client.force_login(UserFactory(groups=[roles.EDITORS]))
    response = client.post(
        reverse("directory_members", args=[organisation.pk]),
        {"email": "olena@example.org", "role": "owner", "language": "en"},
    )
    assert response.status_code == 302

    owner = UserFactory(email="mykola@example.org", groups=[roles.ORGANISATIONS])
    OrganisationMembership.objects.create(user=owner, organisation=organisation, role="owner")
    profile = UserProfile.get_for_user(owner)
    profile.preferred_language = "de"
    profile.save()
    assert send_reminder(organisation) == 1

    (invitation_to, invitation), (reminder_to, reminder) = smtp_inbox.messages
    assert invitation_to == ["olena@example.org"]
    assert invitation["Subject"].strip() == (  # strip: header folding
        "Invitation: edit the entry of Ukrainischer Kulturverein – Portal for Münster"
    )
    body = invitation.get_content()
    assert body.startswith("Hello olena@example.org,")
    assert "http://testserver/en/organisationen/einladung/" in body

    assert reminder_to == ["mykola@example.org"]
    assert "Portal für Münster" in reminder["Subject"]
    reminder_body = reminder.get_content()
    assert reminder_body.startswith("Hallo Ukrainischer Kulturverein,")
    assert "http://testserver/de/organisationen/bestaetigen/" in reminder_body
