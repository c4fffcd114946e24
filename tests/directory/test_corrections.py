""" "Report a correction" on a public profile: it reaches the organisation and the editors,
is refused for bots and floods, and editors (only they) see the reports in the admin."""

from http import HTTPStatus

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from cms import roles
from directory.models import CorrectionReport, OrganisationMembership
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(db):
    return OrganisationFactory(
        name="Syrischer Kulturverein", slug="syrischer-kulturverein", email="info@skv.example.org"
    )


@pytest.fixture
def editor(db):
    return UserFactory(username="redakteur", email="redaktion@example.org", groups=[roles.EDITORS])


def url(organisation, lang="de"):
    return f"/{lang}/organisationen/{organisation.slug}/korrektur/"


def member(organisation, username, language):
    user = UserFactory(username=username, groups=[roles.ORGANISATIONS])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    OrganisationMembership.objects.create(user=user, organisation=organisation)
    return user


def test_the_profile_links_to_the_form_which_works_without_javascript(client, organisation):
    profile = client.get(f"/en/organisationen/{organisation.slug}/").content.decode()
    assert f'href="/en/organisationen/{organisation.slug}/korrektur/"' in profile

    response = client.get(url(organisation, "en"))
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Syrischer Kulturverein" in html
    assert f'action="/en/organisationen/{organisation.slug}/korrektur/"' in html
    assert 'method="post"' in html and 'name="csrfmiddlewaretoken"' in html
    assert "no-store" in response["Cache-Control"]


def test_drafts_have_no_correction_form(client):
    draft = OrganisationFactory(name="Entwurf", live=False)
    assert client.get(url(draft)).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url(draft), {"message": "x"}).status_code == HTTPStatus.NOT_FOUND
    assert CorrectionReport.objects.count() == 0


def test_a_report_reaches_the_members_in_their_languages_and_the_editors(
    client, organisation, editor, settings
):
    settings.DIRECTORY_CORRECTIONS_EMAIL = "ki@example.org"
    member(organisation, "ahmad", "en")
    member(organisation, "lena", "de")
    other = OrganisationFactory(name="Anderer Verein")
    member(other, "fremd", "de")

    response = client.post(
        url(organisation, "en"),
        {"message": "Die Adresse ist jetzt Hafenstraße 5.", "email": "leserin@example.org"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"/en/organisationen/{organisation.slug}/korrektur/danke/"
    assert "Thank you" in client.get(response["Location"]).content.decode()
    report = CorrectionReport.objects.get()
    assert report.organisation == organisation
    assert report.message == "Die Adresse ist jetzt Hafenstraße 5."
    assert report.email == "leserin@example.org" and report.language == "en"
    assert report.handled_at is None

    by_recipient = {address: message for message in mail.outbox for address in message.to}
    assert set(by_recipient) == {
        "ahmad@example.org",
        "lena@example.org",
        "redaktion@example.org",
        "ki@example.org",
    }  # not the other organisation's member, not the public address (members exist)
    assert by_recipient["ahmad@example.org"].subject.startswith("Correction reported")
    # One message per language (the German one is rendered with German active).
    assert by_recipient["lena@example.org"] is not by_recipient["ahmad@example.org"]
    for address in ("ahmad@example.org", "lena@example.org"):
        body = by_recipient[address].body
        assert "Hafenstraße 5" in body
        assert "leserin@example.org" not in body  # the reader's address is for the editors only
    editors_mail = by_recipient["redaktion@example.org"]
    assert "leserin@example.org" in editors_mail.body
    assert editors_mail.reply_to == ["leserin@example.org"]
    assert f"/admin/correction_reports/edit/{report.pk}/" in editors_mail.body


def test_without_members_the_organisations_public_address_is_used(client, organisation):
    client.post(url(organisation), {"message": "Telefonnummer falsch"})

    recipients = {address for message in mail.outbox for address in message.to}
    assert "info@skv.example.org" in recipients


def test_a_rejected_report_keeps_the_input_and_explains(client, organisation):
    response = client.post(url(organisation, "en"), {"message": "", "email": "kein-mail"})

    html = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'href="#id_message"' in html and 'href="#id_email"' in html
    assert "This field is required." in html and "Enter a valid email address." in html
    assert 'value="kein-mail"' in html
    assert CorrectionReport.objects.count() == 0 and mail.outbox == []


def test_script_in_a_report_is_stored_and_rendered_inert(client, organisation, editor):
    message = "<script>alert(1)</script>Öffnungszeiten <b>neu</b>"
    client.post(url(organisation), {"message": message})

    report = CorrectionReport.objects.get()
    assert report.message == "alert(1)Öffnungszeiten neu"
    client.force_login(editor)
    html = client.get(f"/admin/correction_reports/inspect/{report.pk}/").content.decode()
    assert "alert(1)Öffnungszeiten neu" in html
    assert "<script>alert(1)" not in html

    # Escaped on output too, whatever got into the database.
    CorrectionReport.objects.filter(pk=report.pk).update(message="<script>alert(2)</script>")
    html = client.get(f"/admin/correction_reports/inspect/{report.pk}/").content.decode()
    assert "<script>alert(2)" not in html and "&lt;script&gt;alert(2)" in html


def test_honeypot_and_rate_limit(client, organisation, settings):
    response = client.post(url(organisation), {"message": "Spam", "extra_info": "x"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert CorrectionReport.objects.count() == 0 and mail.outbox == []

    settings.PORTAL_FORM_RATE_LIMIT = 2  # the refused post above counted as one
    assert client.post(url(organisation), {"message": "eins"}).status_code == HTTPStatus.FOUND
    response = client.post(url(organisation), {"message": "zwei"})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "too often" in response.content.decode() or "zu oft" in response.content.decode()
    assert list(CorrectionReport.objects.values_list("message", flat=True)) == ["eins"]


def test_editors_see_reports_and_mark_them_handled(client, organisation, editor):
    report = CorrectionReport.objects.create(organisation=organisation, message="Neue Adresse")
    client.force_login(editor)

    listing = client.get("/admin/correction_reports/")
    assert listing.status_code == HTTPStatus.OK
    assert "Neue Adresse" in listing.content.decode()
    assert client.get("/admin/correction_reports/new/").status_code != HTTPStatus.OK

    edit = f"/admin/correction_reports/edit/{report.pk}/"
    assert client.get(edit).status_code == HTTPStatus.OK
    response = client.post(edit, {"handled": "on", "message": "geändert"})
    assert response.status_code == HTTPStatus.FOUND
    report.refresh_from_db()
    assert report.handled_at is not None
    assert report.message == "Neue Adresse"  # read-only

    client.get("/admin/correction_reports/")  # shows (and uses up) the "saved" message
    still_open = client.get("/admin/correction_reports/?open=true").content.decode()
    assert "Neue Adresse" not in still_open


def test_organisation_editors_see_no_reports_of_other_organisations(client, organisation):
    other = OrganisationFactory(name="Anderer Verein")
    report = CorrectionReport.objects.create(organisation=other, message="Geheim")
    user = member(organisation, "ahmad", "de")
    client.force_login(user)

    for path in (
        "/admin/correction_reports/",
        f"/admin/correction_reports/inspect/{report.pk}/",
        f"/admin/correction_reports/edit/{report.pk}/",
    ):
        response = client.get(path)
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN), path
        assert "Geheim" not in response.content.decode()
    response = client.post(f"/admin/correction_reports/edit/{report.pk}/", {"handled": "on"})
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    report.refresh_from_db()
    assert report.handled_at is None
