"""Annual confirmation: `remind_organisations` picks the right entries, writes in the right
language and never twice; the one-click link confirms only on POST, only once, only while
valid; overdue entries are flagged for the editors."""

import datetime
import io
import re
import time
from http import HTTPStatus

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms import roles
from directory.confirmation import SALT, confirmation_token
from directory.models import Organisation, OrganisationMembership
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

CONFIRM_LINK = re.compile(r"http://testserver(/[a-z-]+/organisationen/bestaetigen/[^/\s]+/)")


def today():
    return timezone.localdate()


def months_ago(months, days=0):
    return today() - relativedelta(months=months) - datetime.timedelta(days=days)


def entry(name, *, confirmed=None, published_days_ago=None, **kwargs):
    organisation = OrganisationFactory(name=name, last_confirmed=confirmed, **kwargs)
    if published_days_ago is not None:
        Organisation.objects.filter(pk=organisation.pk).update(
            first_published_at=timezone.now() - datetime.timedelta(days=published_days_ago)
        )
    organisation.refresh_from_db()
    return organisation


def member_of(organisation, language, email):
    user = UserFactory(email=email, groups=[roles.ORGANISATIONS])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    OrganisationMembership.objects.create(user=user, organisation=organisation, role="owner")
    return user


def remind():
    out = io.StringIO()
    call_command("remind_organisations", stdout=out)
    return out.getvalue()


def by_recipient():
    return {address: message for message in mail.outbox for address in message.to}


def confirm_url(token, language="de"):
    with translation.override(language):
        return reverse("directory:confirmation", kwargs={"token": token})


# --- who is reminded, in which language ---------------------------------------------------


def test_remind_organisations_selects_the_due_entries_and_writes_in_each_readers_language():
    with_members = entry("Mitglieder e.V.", confirmed=months_ago(12), email="info@m.example")
    member_of(with_members, "en", "owner-en@example.org")
    member_of(with_members, "de", "owner-de@example.org")
    entry("Genau elf Monate", confirmed=months_ago(11), email="elf@example.org")
    entry("Zehn Monate", confirmed=months_ago(10), email="zehn@example.org")
    entry("Nie bestätigt, alt", published_days_ago=400, email="alt@example.org")
    entry("Nie bestätigt, neu", published_days_ago=30, email="neu@example.org")
    entry("Entwurf", confirmed=months_ago(24), live=False, email="entwurf@example.org")
    entry("Ohne Adresse", confirmed=months_ago(13))
    recently_asked = entry("Kürzlich gefragt", confirmed=months_ago(13), email="k@example.org")
    Organisation.objects.filter(pk=recently_asked.pk).update(
        confirmation_requested_at=timezone.now() - datetime.timedelta(days=5)
    )
    asked_long_ago = entry("Lange her", confirmed=months_ago(13), email="lange@example.org")
    Organisation.objects.filter(pk=asked_long_ago.pk).update(
        confirmation_requested_at=timezone.now() - datetime.timedelta(days=40)
    )
    # A translation shares last_confirmed but is not asked separately.
    english = with_members.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save()

    output = remind()

    messages = by_recipient()
    assert set(messages) == {
        "owner-en@example.org",
        "owner-de@example.org",
        "elf@example.org",
        "alt@example.org",
        "lange@example.org",
    }
    assert "info@m.example" not in messages  # members are asked instead of the public address
    assert "no e-mail address: Ohne Adresse" in output

    english_mail = messages["owner-en@example.org"]
    assert english_mail.to == ["owner-en@example.org"]  # one e-mail per language
    assert "Portal for Münster" in english_mail.subject
    assert "Mitglieder e.V." in english_mail.subject
    assert english_mail.body.startswith("Hello Mitglieder e.V.,")
    assert "http://testserver/en/organisationen/bestaetigen/" in english_mail.body
    assert english_mail.reply_to == [settings.DIRECTORY_CORRECTIONS_EMAIL]  # replies reach the KI
    edit = reverse("wagtailsnippets_directory_organisation:edit", args=[with_members.pk])
    assert f"http://testserver{edit}" in english_mail.body

    german_mail = messages["owner-de@example.org"]
    assert "Portal für Münster" in german_mail.subject
    assert german_mail.body.startswith("Hallo Mitglieder e.V.,")
    assert "http://testserver/de/organisationen/bestaetigen/" in german_mail.body

    public_address_mail = messages["elf@example.org"]
    assert public_address_mail.body.startswith("Hallo Genau elf Monate,")

    asked = Organisation.objects.filter(confirmation_requested_at__isnull=False)
    assert set(asked.values_list("name", flat=True)) == {
        "Mitglieder e.V.",
        "Genau elf Monate",
        "Nie bestätigt, alt",
        "Kürzlich gefragt",
        "Lange her",
    }


def test_remind_organisations_is_idempotent():
    entry("Verein A", confirmed=months_ago(12), email="a@example.org")
    member_of(entry("Verein B", confirmed=months_ago(14)), "en", "b@example.org")
    remind()
    assert len(mail.outbox) == 2
    remind()
    remind()
    assert len(mail.outbox) == 2


def test_dry_run_sends_nothing():
    entry("Verein A", confirmed=months_ago(12), email="a@example.org")
    out = io.StringIO()
    call_command("remind_organisations", "--dry-run", stdout=out)
    assert "would remind: Verein A" in out.getvalue()
    assert mail.outbox == []
    assert not Organisation.objects.filter(confirmation_requested_at__isnull=False).exists()


# --- the one-click link -------------------------------------------------------------------


@pytest.fixture
def due():
    """A live entry due for confirmation, translated into English, with a newer draft."""
    organisation = entry("Kulturverein", confirmed=months_ago(12), email="kv@example.org")
    english = organisation.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Cultural association"
    english.save()
    english.save_revision().publish()
    organisation.name = "Kulturverein (neuer Entwurf)"
    organisation.save_revision()  # pending draft: latest revision ≠ live revision
    organisation.refresh_from_db()
    assert organisation.latest_revision_id != organisation.live_revision_id
    return organisation


def confirmed_dates(organisation):
    rows = Organisation.objects.filter(translation_key=organisation.translation_key)
    dates = set(rows.values_list("last_confirmed", flat=True))
    for row in rows:
        for revision in (row.latest_revision, row.live_revision):
            dates.add(revision.as_object().last_confirmed)
    return dates


def test_the_link_from_the_e_mail_shows_a_button_and_only_the_post_confirms(client, due):
    remind()
    (message,) = mail.outbox
    path = CONFIRM_LINK.search(message.body).group(1)

    page = client.get(path)
    assert page.status_code == HTTPStatus.OK
    assert "<form" in page.text and 'method="post"' in page.text
    assert confirmed_dates(due) == {months_ago(12)}  # GET changed nothing

    response = client.post(path)
    assert response.status_code == HTTPStatus.OK
    assert confirmed_dates(due) == {today()}  # live rows, translation and revisions

    # Publishing the pending draft does not bring the old date back.
    due.refresh_from_db()
    due.latest_revision.publish()
    assert Organisation.objects.get(pk=due.pk).last_confirmed == today()
    assert Organisation.objects.get(pk=due.pk).name == "Kulturverein (neuer Entwurf)"

    # The link is used up.
    reused = client.post(path)
    assert reused.status_code == HTTPStatus.GONE
    assert confirmed_dates(due) == {today()}


def test_a_reused_link_says_so_in_the_readers_language(client, due):
    token = confirmation_token(due)
    client.post(confirm_url(token, "en"))
    response = client.get(confirm_url(token, "en"))
    assert response.status_code == HTTPStatus.GONE
    assert "This link was already used: the entry was confirmed on" in response.text
    german = client.get(confirm_url(token, "de"))
    assert german.status_code == HTTPStatus.GONE
    assert '<html lang="de"' in german.text


@pytest.mark.parametrize("tamper", ["signature", "payload", "garbage"])
def test_tampered_links_are_refused(client, due, tamper):
    token = confirmation_token(due)
    if tamper == "signature":
        token = token[:-2] + ("xx" if not token.endswith("xx") else "yy")
    elif tamper == "payload":
        other = OrganisationFactory(name="Anderer Verein")
        forged = confirmation_token(other)
        token = forged.split(":", 1)[0] + ":" + token.split(":", 1)[1]
    else:
        token = "not-a-token"
    before = confirmed_dates(due)
    for method in (client.get, client.post):
        response = method(confirm_url(token, "en"))
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert "This confirmation link is not valid." in response.text
    assert confirmed_dates(due) == before


def test_an_expired_link_is_refused(client, due):
    class SignerInThePast(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 61 * 24 * 3600)

    token = SignerInThePast(salt=SALT).sign_object([due.pk, due.last_confirmed.isoformat()])
    before = confirmed_dates(due)
    response = client.post(confirm_url(token, "en"))
    assert response.status_code == HTTPStatus.GONE
    assert "This confirmation link has expired." in response.text
    assert confirmed_dates(due) == before
    # The same link signed now still works: only the age was wrong.
    fresh = signing.TimestampSigner(salt=SALT).sign_object([due.pk, due.last_confirmed.isoformat()])
    assert client.post(confirm_url(fresh, "en")).status_code == HTTPStatus.OK


def test_a_link_for_a_never_confirmed_entry_works_once(client):
    organisation = entry("Neu im Verzeichnis", published_days_ago=400)
    token = confirmation_token(organisation)
    assert client.post(confirm_url(token)).status_code == HTTPStatus.OK
    assert Organisation.objects.get(pk=organisation.pk).last_confirmed == today()
    assert client.post(confirm_url(token)).status_code == HTTPStatus.GONE


# --- flagged for the editors --------------------------------------------------------------


@pytest.fixture
def flagged():
    entry("Überfällig e.V.", confirmed=months_ago(12, days=1))
    entry("Nie bestätigt e.V.", published_days_ago=400)
    entry("Aktuell e.V.", confirmed=months_ago(11, days=20))
    entry("Frisch e.V.", published_days_ago=10)


def test_the_dashboard_shows_editors_the_number_of_overdue_entries(client, flagged):
    client.force_login(UserFactory(groups=[roles.EDITORS]))
    response = client.get(reverse("wagtailadmin_home"))
    assert "2 Organisationen haben ihre Einträge seit 12 Monaten nicht bestätigt." in response.text
    assert "confirmation=overdue" in response.text


def test_organisation_users_do_not_see_the_panel(client, flagged):
    client.force_login(UserFactory(groups=[roles.ORGANISATIONS]))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == HTTPStatus.OK
    assert "have not confirmed" not in response.text


def test_the_organisation_listing_filters_overdue_entries(client, flagged):
    client.force_login(UserFactory(groups=[roles.EDITORS]))
    listing = reverse("wagtailsnippets_directory_organisation:list")
    response = client.get(listing, {"confirmation": "overdue", "locale": "de"})
    assert response.status_code == HTTPStatus.OK
    assert "Überfällig e.V." in response.text
    assert "Nie bestätigt e.V." in response.text
    assert "Aktuell e.V." not in response.text
    assert "Frisch e.V." not in response.text
    everything = client.get(listing)
    assert "Aktuell e.V." in everything.text
    assert "seit 12 Monaten nicht bestätigt" in everything.text  # the filter is offered
