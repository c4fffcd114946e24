"""Invitations: who may invite whom, the e-mailed single-use link, setting a password,
linking an existing account, and refusing expired, reused, revoked and tampered links."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from cms import roles
from directory.models import OrganisationInvitation, OrganisationMembership
from directory.selfservice_models import hash_token, new_invitation_token
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Aasee-Promenade-1648!"
LINK = re.compile(r"http://testserver(/[a-z-]+/organisationen/einladung/[A-Za-z0-9_-]+/)")


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Deutsch-Syrischer Kulturverein", email="info@dsk.example")


@pytest.fixture
def other_organisation():
    return OrganisationFactory(name="Afrikanischer Elternverein")


@pytest.fixture
def editor():
    return UserFactory(username="ki-redaktion", groups=[roles.EDITORS])


def member(organisation, role, **kwargs):
    user = UserFactory(groups=[roles.ORGANISATIONS], **kwargs)
    OrganisationMembership.objects.create(user=user, organisation=organisation, role=role)
    return user


def invitation_for(organisation, email="neu@example.org", **kwargs):
    token, token_hash = new_invitation_token()
    invitation = OrganisationInvitation.objects.create(
        organisation=organisation, email=email, token_hash=token_hash, **kwargs
    )
    return invitation, token


def link(token, language="de"):
    with translation.override(language):
        return reverse("directory:invitation", kwargs={"token": token})


def members_url(organisation):
    return reverse("directory_members", args=[organisation.pk])


def invite(client, organisation, email="Neue.Person@Example.org", role="editor", language="de"):
    return client.post(
        members_url(organisation), {"email": email, "role": role, "language": language}
    )


def state():
    """Everything an invitation or membership view may change."""
    return (
        sorted(
            OrganisationInvitation.objects.values_list(
                "pk", "email", "organisation_id", "role", "accepted_at", "revoked_at"
            )
        ),
        sorted(OrganisationMembership.objects.values_list("pk", "user_id", "organisation_id")),
        get_user_model().objects.count(),
        len(mail.outbox),
    )


def german(message):
    with translation.override("de"):
        return translation.gettext(message)


def test_the_invitation_subject_is_plain_text(client, editor):
    organisation = OrganisationFactory(name="Kultur & Begegnung e.V.")
    client.force_login(editor)

    invite(client, organisation, role="owner", language="de")

    (message,) = mail.outbox
    assert "Kultur & Begegnung e.V." in message.subject
    assert "&amp;" not in message.subject + message.body


# --- the happy path ----------------------------------------------------------------------


def test_editor_invites_a_person_who_sets_a_password_and_lands_in_the_admin(
    client, editor, organisation
):
    client.force_login(editor)
    response = client.get(members_url(organisation))
    assert response.status_code == HTTPStatus.OK
    assert "Deutsch-Syrischer Kulturverein" in response.text

    response = invite(client, organisation, role="owner", language="en")
    assert response.status_code == HTTPStatus.FOUND

    (message,) = mail.outbox
    assert message.to == ["neue.person@example.org"]
    assert "Portal for Münster" in message.subject  # English, the chosen language
    assert "Deutsch-Syrischer Kulturverein" in message.subject
    assert message.body.startswith("Hello neue.person@example.org,")
    path = LINK.search(message.body).group(1)
    assert path.startswith("/en/organisationen/einladung/")
    token = path.rstrip("/").rsplit("/", 1)[1]
    invitation = OrganisationInvitation.objects.get()
    assert invitation.token_hash == hash_token(token)
    assert token not in str(list(OrganisationInvitation.objects.values()))
    assert (invitation.email, invitation.role, invitation.created_by) == (
        "neue.person@example.org",
        "owner",
        editor,
    )

    client.logout()
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK
    assert "neue.person@example.org" in response.text
    response = client.post(
        path,
        {
            "first_name": "Rania",
            "last_name": "Haddad",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")

    user = get_user_model().objects.get(username="neue.person@example.org")
    assert user.email == "neue.person@example.org"
    assert user.check_password(PASSWORD)
    assert user.groups.filter(name=roles.ORGANISATIONS).exists()
    membership = OrganisationMembership.objects.get(user=user)
    assert (membership.organisation, membership.role, membership.invited_by) == (
        organisation,
        "owner",
        editor,
    )
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None

    # Logged in: the admin dashboard opens without a login form.
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == HTTPStatus.OK
    assert dashboard.wsgi_request.user == user

    # Single use.
    client.logout()
    reused = client.get(path)
    assert reused.status_code == HTTPStatus.GONE
    assert "This invitation has already been used." in reused.text


def test_the_invitation_e_mail_is_in_german_when_german_is_chosen(client, editor, organisation):
    client.force_login(editor)
    invite(client, organisation, language="de")
    (message,) = mail.outbox
    assert "Portal für Münster" in message.subject
    assert message.body.startswith("Hallo neue.person@example.org,")
    assert "http://testserver/de/organisationen/einladung/" in message.body


def test_inviting_again_withdraws_the_earlier_link(client, editor, organisation):
    client.force_login(editor)
    invite(client, organisation)
    invite(client, organisation)
    first, second = LINK.findall(mail.outbox[0].body + mail.outbox[1].body)
    assert client.get(first).status_code == HTTPStatus.GONE
    assert client.get(second).status_code == HTTPStatus.OK


def test_an_existing_member_cannot_be_invited_twice(client, editor, organisation):
    person = member(organisation, "editor", email="schon@example.org")
    client.force_login(editor)
    before = state()
    response = invite(client, organisation, email=person.email.upper())
    assert response.status_code == HTTPStatus.OK
    assert "bereits Mitglied" in response.text
    assert state() == before


# --- who may invite ----------------------------------------------------------------------


def test_an_owner_invites_editors_to_their_own_organisation(client, organisation):
    owner = member(organisation, "owner")
    client.force_login(owner)
    assert client.get(reverse("directory_members_index")).status_code == HTTPStatus.OK

    response = invite(client, organisation, role="editor")
    assert response.status_code == HTTPStatus.FOUND
    invitation = OrganisationInvitation.objects.get()
    assert (invitation.organisation, invitation.role) == (organisation, "editor")
    assert len(mail.outbox) == 1


def test_an_owner_cannot_invite_owners(client, organisation):
    client.force_login(member(organisation, "owner"))
    before = state()
    response = invite(client, organisation, role="owner")
    assert response.status_code == HTTPStatus.OK  # the form explains the error
    assert state() == before


def test_an_owner_cannot_touch_another_organisation(client, organisation, other_organisation):
    client.force_login(member(organisation, "owner"))
    foreign_invitation, _token = invitation_for(other_organisation)
    foreign_member = member(other_organisation, "editor")
    foreign_membership = OrganisationMembership.objects.get(user=foreign_member)
    before = state()

    assert client.get(members_url(other_organisation)).status_code == HTTPStatus.FORBIDDEN
    assert invite(client, other_organisation).status_code == HTTPStatus.FORBIDDEN
    revoke = reverse(
        "directory_invitation_revoke", args=[other_organisation.pk, foreign_invitation.pk]
    )
    remove = reverse(
        "directory_membership_remove", args=[other_organisation.pk, foreign_membership.pk]
    )
    assert client.post(revoke).status_code == HTTPStatus.FORBIDDEN
    assert client.post(remove).status_code == HTTPStatus.FORBIDDEN
    # Another organisation's objects under one's own organisation's URL: refused too.
    revoke_mixed = reverse(
        "directory_invitation_revoke", args=[organisation.pk, foreign_invitation.pk]
    )
    remove_mixed = reverse(
        "directory_membership_remove", args=[organisation.pk, foreign_membership.pk]
    )
    assert client.post(revoke_mixed).status_code == HTTPStatus.FORBIDDEN
    assert client.post(remove_mixed).status_code == HTTPStatus.FORBIDDEN
    assert state() == before


def test_an_organisation_editor_who_is_not_owner_cannot_invite(client, organisation):
    client.force_login(member(organisation, "editor"))
    before = state()
    assert client.get(reverse("directory_members_index")).status_code == HTTPStatus.FORBIDDEN
    assert client.get(members_url(organisation)).status_code == HTTPStatus.FORBIDDEN
    assert invite(client, organisation).status_code == HTTPStatus.FORBIDDEN
    assert state() == before


@pytest.mark.parametrize("group", [roles.MODERATORS, roles.TRANSLATORS])
def test_moderators_and_translators_cannot_invite(client, organisation, group):
    client.force_login(UserFactory(groups=[group]))
    before = state()
    assert invite(client, organisation).status_code == HTTPStatus.FORBIDDEN
    assert state() == before


def test_anonymous_visitors_are_sent_to_the_login(client, organisation):
    before = state()
    response = invite(client, organisation)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert state() == before


# --- revoking and removing ---------------------------------------------------------------


def test_editor_withdraws_an_invitation_and_its_link_is_refused(client, editor, organisation):
    invitation, token = invitation_for(organisation)
    client.force_login(editor)
    response = client.post(
        reverse("directory_invitation_revoke", args=[organisation.pk, invitation.pk])
    )
    assert response.status_code == HTTPStatus.FOUND
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    client.logout()
    refused = client.get(link(token, "en"))
    assert refused.status_code == HTTPStatus.GONE
    assert "This invitation was withdrawn." in refused.text


def test_owner_removes_an_editor_who_then_leaves_the_group(client, organisation):
    client.force_login(member(organisation, "owner"))
    colleague = member(organisation, "editor")
    membership = OrganisationMembership.objects.get(user=colleague)
    response = client.post(
        reverse("directory_membership_remove", args=[organisation.pk, membership.pk])
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not OrganisationMembership.objects.filter(user=colleague).exists()
    assert not colleague.groups.filter(name=roles.ORGANISATIONS).exists()


def test_an_owner_cannot_remove_another_owner(client, organisation):
    client.force_login(member(organisation, "owner"))
    other_owner = OrganisationMembership.objects.get(user=member(organisation, "owner"))
    before = state()
    url = reverse("directory_membership_remove", args=[organisation.pk, other_owner.pk])
    assert client.post(url).status_code == HTTPStatus.FORBIDDEN
    assert state() == before


# --- refused links -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "status", "english"),
    [
        (
            {"expires_at": timezone.now() - datetime.timedelta(minutes=1)},
            HTTPStatus.GONE,
            "This invitation has expired",
        ),
        ({"accepted_at": timezone.now()}, HTTPStatus.GONE, "already been used"),
        ({"revoked_at": timezone.now()}, HTTPStatus.GONE, "This invitation was withdrawn."),
    ],
)
def test_unusable_links_are_refused_with_a_message_in_the_readers_language(
    client, organisation, change, status, english
):
    _invitation, token = invitation_for(organisation, **change)
    before = state()
    response = client.get(link(token, "en"))
    assert response.status_code == status
    assert english in response.text
    assert "<form" not in response.text.split("<main", 1)[1]
    response = client.post(link(token, "en"), {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == status
    assert state() == before

    german_page = client.get(link(token, "de"))
    assert german_page.status_code == status
    assert '<html lang="de"' in german_page.text
    assert german("This invitation cannot be used") in german_page.text


def test_an_expired_link_on_day_fifteen(client, organisation):
    invitation, token = invitation_for(organisation)
    assert invitation.expires_at - invitation.created_at >= datetime.timedelta(days=13, hours=23)
    assert invitation.expires_at - invitation.created_at <= datetime.timedelta(days=14, minutes=1)
    OrganisationInvitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=15),
        expires_at=timezone.now() - datetime.timedelta(days=1),
    )
    assert client.get(link(token)).status_code == HTTPStatus.GONE


@pytest.mark.parametrize("tamper", ["flip", "unknown", "short"])
def test_tampered_and_unknown_links_are_refused(client, organisation, tamper):
    _invitation, token = invitation_for(organisation)
    if tamper == "flip":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif tamper == "unknown":
        token, _hash = new_invitation_token()
    else:
        token = token[:10]
    before = state()
    response = client.get(link(token, "en"))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "This invitation link is not valid." in response.text
    assert client.post(link(token, "en"), {"password1": PASSWORD}).status_code == 404
    assert state() == before


# --- the password form -------------------------------------------------------------------


def test_a_rejected_password_keeps_the_typed_names_but_not_the_password(client, organisation):
    invitation, token = invitation_for(organisation)
    response = client.post(
        link(token, "en"),
        {"first_name": "Amina", "last_name": "Yılmaz", "password1": "kurz", "password2": "kurz"},
    )
    assert response.status_code == HTTPStatus.OK
    assert 'value="Amina"' in response.text
    assert 'value="Yılmaz"' in response.text
    assert 'value="kurz"' not in response.text
    assert "This password is too short." in response.text
    assert 'aria-invalid="true"' in response.text
    assert not get_user_model().objects.filter(email="neu@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None

    mismatch = client.post(
        link(token, "en"),
        {"first_name": "Amina", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert "The two passwords do not match." in mismatch.text
    assert 'value="Amina"' in mismatch.text

    # The validators' messages come in the reader's language (Django's own catalogue).
    german_page = client.post(link(token, "de"), {"password1": "kurz", "password2": "kurz"})
    assert "Dieses Passwort ist zu kurz." in german_page.text


def test_a_password_like_the_e_mail_address_is_refused(client, organisation):
    _invitation, token = invitation_for(organisation, email="amina.yilmaz@example.org")
    response = client.post(
        link(token, "en"),
        {"password1": "amina.yilmaz@example.org", "password2": "amina.yilmaz@example.org"},
    )
    assert response.status_code == HTTPStatus.OK
    assert "too similar" in response.text
    assert not get_user_model().objects.filter(email="amina.yilmaz@example.org").exists()


# --- a person who already has an account ------------------------------------------------


def test_an_existing_account_logs_in_first_and_is_then_linked(client, organisation):
    person = UserFactory(username="rania", email="rania@example.org")
    invitation, token = invitation_for(organisation, email="rania@example.org", role="editor")

    response = client.get(link(token, "en"))
    assert response.status_code == HTTPStatus.OK
    assert "There is already an account for rania@example.org" in response.text
    assert f"{reverse('wagtailadmin_login')}?next=" in response.text
    # Nothing is created for an existing address, whatever is posted.
    client.post(link(token, "en"), {"password1": PASSWORD, "password2": PASSWORD})
    assert get_user_model().objects.filter(email__iexact="rania@example.org").count() == 1
    assert not OrganisationMembership.objects.exists()

    client.force_login(person)
    page = client.get(link(token, "en"))
    assert "Accept invitation" in page.text
    assert not OrganisationMembership.objects.exists()  # GET changes nothing

    response = client.post(link(token, "en"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")
    assert OrganisationMembership.objects.get(user=person).organisation == organisation
    assert person.groups.filter(name=roles.ORGANISATIONS).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == person


def test_someone_else_logged_in_cannot_accept_for_an_existing_account(client, organisation):
    UserFactory(username="rania", email="rania@example.org")
    _invitation, token = invitation_for(organisation, email="rania@example.org")
    client.force_login(UserFactory(username="someone-else"))
    before = state()
    response = client.post(link(token, "en"))
    assert "you are logged in with another account" in response.text
    assert state() == before


# --- where the screens are found ----------------------------------------------------------


def test_editors_find_members_from_the_menu_and_the_organisation_listing(
    client, editor, organisation
):
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert reverse("directory_members_index") in dashboard.text
    listing = client.get(reverse("wagtailsnippets_directory_organisation:list"))
    assert members_url(organisation) in listing.text
    index = client.get(reverse("directory_members_index"), {"q": "syrisch"})
    assert "Deutsch-Syrischer Kulturverein" in index.text


def test_owners_find_only_their_own_organisations(client, organisation, other_organisation):
    client.force_login(member(organisation, "owner"))
    assert reverse("directory_members_index") in client.get(reverse("wagtailadmin_home")).text
    index = client.get(reverse("directory_members_index"))
    assert "Deutsch-Syrischer Kulturverein" in index.text
    assert "Afrikanischer Elternverein" not in index.text


def test_the_login_form_returns_an_existing_account_to_the_invitation(client, organisation):
    UserFactory(username="rania", email="rania@example.org")
    _invitation, token = invitation_for(organisation, email="rania@example.org")
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "rania", "password": "secret-password", "next": link(token, "en")},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == link(token, "en")
    assert "Accept invitation" in client.get(link(token, "en")).text
