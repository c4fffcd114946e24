""" "Eintrag vorschlagen": a public, multilingual form that creates a draft entry in
moderation — and the spam protection shared with "report a correction"."""

from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from wagtail.models import Workflow, WorkflowContentType, WorkflowState

from cms import roles
from directory.models import (
    District,
    FocusArea,
    Language,
    Organisation,
    OrganisationSuggestion,
    Origin,
)
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/{lang}/organisationen/vorschlagen/"


def de(model, slug):
    return model.objects.get(locale__language_code="de", slug=slug)


@pytest.fixture
def moderation_workflow(db):
    """The "Organisationsprofil prüfen" workflow the migration assigns to organisations."""
    return Workflow.objects.get(name="Organisationsprofil prüfen")


@pytest.fixture
def moderator(db):
    return UserFactory(
        username="moderatorin", email="moderation@example.org", groups=[roles.MODERATORS]
    )


def valid_data(**overrides):
    data = {
        "name": "Afghanischer Kulturverein Münster",
        "kind": "mso",
        "short_description": "Kultur, Sprache und Beratung für Familien.",
        "focus_areas": [str(de(FocusArea, "kultur").pk)],
        "origins": [str(de(Origin, "afghanistan").pk)],
        "languages": [str(de(Language, "dari").pk), str(de(Language, "paschtu").pk)],
        "district": str(de(District, "hiltrup").pk),
        "street_address": "Marktallee 1",
        "postcode": "48165",
        "meeting_times": "Samstags 15–18 Uhr",
        "email": "info@akv.example.org",
        "phone": "+49 251 123456",
        "website": "akv.example.org",
        "proposer_email": "vorschlag@example.org",
        "consent": "on",
        "extra_info": "",
    }
    data.update(overrides)
    return data


def test_the_form_is_linked_from_the_directory_and_has_localised_vocabulary(client):
    listing = client.get("/en/organisationen/").content.decode()
    assert 'href="/en/organisationen/vorschlagen/"' in listing

    response = client.get(URL.format(lang="en"))
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Arabic" in html and "Arabisch" not in html  # checkboxes in the reader's language
    assert 'name="csrfmiddlewaretoken"' in html
    assert "no-store" in response["Cache-Control"]

    german = client.get(URL.format(lang="de")).content.decode()
    assert "Arabisch" in german


def test_a_valid_suggestion_becomes_a_draft_in_moderation(client, moderation_workflow, moderator):
    response = client.post(URL.format(lang="en"), valid_data())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/organisationen/vorschlagen/danke/"
    assert "Thank you" in client.get(response["Location"]).content.decode()

    organisation = Organisation.objects.get(name="Afghanischer Kulturverein Münster")
    assert organisation.locale.language_code == "de"
    assert organisation.live is False
    assert organisation.slug == "afghanischer-kulturverein-muenster"
    assert organisation.latest_revision is not None
    assert organisation.website == "https://akv.example.org"
    assert organisation.district == de(District, "hiltrup")
    assert set(organisation.languages.values_list("slug", flat=True)) == {"dari", "paschtu"}
    assert organisation.latest_revision.as_object().origins.get().slug == "afghanistan"

    state = WorkflowState.objects.for_instance(organisation).get()
    assert state.workflow == moderation_workflow
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Prüfung durch die Moderation"

    suggestion = OrganisationSuggestion.objects.get(organisation=organisation)
    assert suggestion.email == "vorschlag@example.org"
    assert suggestion.language == "en"
    assert suggestion.consent_at is not None

    # Not public: no profile, not in the list.
    assert client.get(f"/de/organisationen/{organisation.slug}/").status_code == 404
    assert "Afghanischer Kulturverein" not in client.get("/de/organisationen/").content.decode()

    # The proposer's confirmation is in English (the form was used under /en/).
    to_proposer = [m for m in mail.outbox if m.to == ["vorschlag@example.org"]]
    assert len(to_proposer) == 1
    assert to_proposer[0].subject == (
        "Your suggestion for the directory: Afghanischer Kulturverein Münster"
    )
    assert "thank you for suggesting" in to_proposer[0].body
    # Moderation is told, with the link to the draft in the admin.
    to_moderation = [
        m
        for m in mail.outbox
        if m.to == ["moderation@example.org"] and "vorgeschlagen" in m.subject
    ]
    assert len(to_moderation) == 1
    edit_path = f"/admin/snippets/directory/organisation/edit/{organisation.pk}/"
    assert edit_path in to_moderation[0].body
    assert "vorschlag@example.org" in to_moderation[0].body


def test_an_approved_suggestion_goes_live(client, moderation_workflow, moderator):
    client.post(URL.format(lang="de"), valid_data())
    organisation = Organisation.objects.get()
    assert (
        "Kultur, Sprache und Beratung"
        not in client.get("/de/suche/?q=Kulturverein").content.decode()
    )

    task_state = WorkflowState.objects.for_instance(organisation).get().current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    organisation.refresh_from_db()
    assert organisation.live is True
    profile = client.get(f"/de/organisationen/{organisation.slug}/")
    assert profile.status_code == HTTPStatus.OK
    assert "Samstags 15–18 Uhr" in profile.content.decode()
    search = client.get("/de/suche/?q=Kulturverein").content.decode()
    assert "Kultur, Sprache und Beratung" in search


def test_without_a_workflow_the_suggestion_is_still_a_draft_and_moderation_is_told(
    client, moderator
):
    # The KI may take the workflow off organisations in the admin.
    WorkflowContentType.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation, for_concrete_model=False)
    ).delete()
    response = client.post(URL.format(lang="de"), valid_data())

    assert response.status_code == HTTPStatus.FOUND
    organisation = Organisation.objects.get()
    assert organisation.live is False and organisation.has_unpublished_changes
    assert not WorkflowState.objects.for_instance(organisation).exists()
    assert any(m.to == ["moderation@example.org"] for m in mail.outbox)


def test_slugs_stay_unique(client):
    OrganisationFactory(name="Afghanischer Kulturverein Münster")

    client.post(URL.format(lang="de"), valid_data())

    draft = Organisation.objects.get(live=False)
    assert draft.slug == "afghanischer-kulturverein-muenster-2"


@pytest.mark.parametrize(
    "lang,required_message,postcode_message,consent_message",
    [
        ("de", "Dieses Feld muss ausgefüllt werden.", "Fünf Ziffern.", None),
        ("en", "This field is required.", "Five digits.", "Please agree to storing your e-mail"),
    ],
)
def test_a_rejected_form_keeps_what_was_typed_and_says_what_is_wrong(
    client, lang, required_message, postcode_message, consent_message
):
    data = valid_data(name="", consent="", postcode="481", short_description="Ein Verein & mehr")

    response = client.post(URL.format(lang=lang), data)
    html = response.content.decode()

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert Organisation.objects.count() == 0 and len(mail.outbox) == 0
    # The summary links to the fields; the fields say what is wrong and keep the input.
    assert "data-error-summary" in html
    assert 'href="#id_name"' in html and 'href="#id_consent"' in html
    assert 'href="#id_postcode"' in html
    assert required_message in html
    assert '<a href="#id_postcode">' in html and postcode_message in html
    if consent_message:
        assert consent_message in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_error"' in html
    assert 'value="481"' in html
    assert "Ein Verein &amp; mehr</textarea>" in html
    assert 'value="vorschlag@example.org"' in html
    assert f'value="{de(Language, "dari").pk}" id="id_languages_' in html
    assert html.count("checked") == 5  # kind, focus area, origin, two languages


def test_markup_is_removed_and_what_remains_is_inert(client):
    data = valid_data(
        name="<script>alert('x')</script>Kulturverein <b>Süd</b>",
        short_description="<img src=x onerror=alert(1)>Hallo <i>Welt</i>",
    )

    client.post(URL.format(lang="de"), data)

    organisation = Organisation.objects.get()
    assert organisation.name == "alert('x')Kulturverein Süd"
    assert organisation.short_description == "Hallo Welt"
    assert "<" not in mail.outbox[0].body and "&lt;" not in mail.outbox[0].body


def test_a_filled_honeypot_is_refused_and_nothing_is_created(client, moderator):
    response = client.post(URL.format(lang="en"), valid_data(extra_info="http://spam.example"))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "The form could not be sent" in response.content.decode()
    assert "http://spam.example" not in response.content.decode()  # the trap starts empty
    assert Organisation.objects.count() == 0
    assert OrganisationSuggestion.objects.count() == 0
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client):
    html = client.get(URL.format(lang="de")).content.decode()

    assert '<div class="form-trap" aria-hidden="true">' in html
    assert 'tabindex="-1"' in html and 'name="extra_info"' in html


def test_the_rate_limit_answers_429_and_creates_nothing(client, settings):
    settings.PORTAL_FORM_RATE_LIMIT = 3
    for number in range(3):
        response = client.post(URL.format(lang="en"), valid_data(name=f"Verein {number}"))
        assert response.status_code == HTTPStatus.FOUND

    response = client.post(URL.format(lang="en"), valid_data(name="Verein 4"))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response["Retry-After"] == "3600"
    assert "This form was sent too often from your connection" in html
    assert 'value="Verein 4"' in html  # what was typed is still there
    assert Organisation.objects.count() == 3
    # Another address is not affected.
    other = client.post(URL.format(lang="en"), valid_data(name="Verein 5"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == HTTPStatus.FOUND


def test_behind_a_proxy_the_configured_header_identifies_the_client(client, settings):
    settings.PORTAL_FORM_RATE_LIMIT = 1
    settings.PORTAL_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    post = URL.format(lang="de")

    def status(name, forwarded_for):
        data = valid_data(name=name)
        return client.post(post, data, HTTP_X_FORWARDED_FOR=forwarded_for).status_code

    assert status("A", "1.1.1.1, 10.0.0.1") == HTTPStatus.FOUND
    # The client forged the first address; the proxy's (last) one counts.
    assert status("B", "2.2.2.2, 10.0.0.1") == HTTPStatus.TOO_MANY_REQUESTS
    assert status("C", "10.0.0.2") == HTTPStatus.FOUND


def test_the_form_page_is_never_served_from_the_page_cache(settings):
    from django.test import Client

    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(URL.format(lang="de"))

    response = second.get(URL.format(lang="de"))
    assert response.get("X-Cache") != "HIT"
    token = response.cookies["csrftoken"].value
    html = response.content.decode()
    form_token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    posted = second.post(URL.format(lang="de"), valid_data(csrfmiddlewaretoken=form_token))
    assert token and posted.status_code == HTTPStatus.FOUND
    assert Organisation.objects.count() == 1


def test_the_proposer_hears_once_when_the_suggestion_is_published(
    client, moderation_workflow, moderator
):
    client.post("/en/organisationen/vorschlagen/", valid_data())
    organisation = Organisation.objects.get()
    mail.outbox.clear()

    task_state = WorkflowState.objects.for_instance(organisation).get().current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    (message,) = [m for m in mail.outbox if "vorschlag@example.org" in m.to]
    assert message.subject == "Your suggestion is published: Afghanischer Kulturverein Münster"
    assert f"http://testserver/en/organisationen/{organisation.slug}/" in message.body

    # A later change to the entry is the organisation's business, not the proposer's.
    mail.outbox.clear()
    organisation.refresh_from_db()
    organisation.short_description = "Neu."
    organisation.save_revision()
    workflow_state = moderation_workflow.start(organisation, moderator)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    assert not [m for m in mail.outbox if "vorschlag@example.org" in m.to]
