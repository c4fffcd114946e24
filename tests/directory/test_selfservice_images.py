"""Organisation editors pick logos among their own organisation's images: the chooser
lists no other image, its views that take an image id refuse the others, and a posted id
of another organisation's upload is refused by the form."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.directory import perm_setup
from tests.directory.perm_setup import edit_form_data, member, url

pytestmark = pytest.mark.django_db
orgs = perm_setup.orgs  # the shared fixture


def upload(title, user=None):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(), uploaded_by_user=user
    )


@pytest.fixture
def images(orgs):
    colleague = member(orgs.a, username="colleague-a")
    member_b = member(orgs.b, username="member-b")
    return {
        "ours": upload("Logo Alpha neu", colleague),
        "theirs": upload("Logo Beta, noch nicht freigegeben", member_b),
        "library": upload("Foto der Redaktion", orgs.users["ki_editor"]),
    }


def shown(images, text):
    """The keys of `images` whose titles appear in `text`."""
    return {key for key, image in images.items() if escape(image.title) in text}


def chooser_titles(client, images):
    response = client.get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == HTTPStatus.OK
    return shown(images, response.json()["html"])


def test_the_chooser_lists_only_the_organisations_images(client, orgs, images):
    client.force_login(orgs.users["org_editor_a"])
    assert chooser_titles(client, images) == {"ours"}

    client.force_login(orgs.users["ki_editor"])
    assert chooser_titles(client, images) == {"ours", "theirs", "library"}


@pytest.mark.parametrize("view", ["chosen", "select_format"])
def test_the_chooser_refuses_other_images_by_id(client, orgs, images, view):
    client.force_login(orgs.users["org_editor_a"])

    def get(image):
        return client.get(reverse(f"wagtailimages_chooser:{view}", args=[image.pk]))

    for refused in (images["theirs"], images["library"]):
        response = get(refused)
        # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == reverse("wagtailadmin_home")
    assert get(images["ours"]).status_code == HTTPStatus.OK


@pytest.mark.parametrize("spelling", ["+{pk}", "0{pk}", " {pk}"])
def test_no_spelling_of_an_id_gets_past_the_rule(client, orgs, images, spelling):
    client.force_login(orgs.users["org_editor_a"])
    pk = spelling.format(pk=images["theirs"].pk)

    response = client.get(reverse("wagtailimages_chooser:chosen", args=[pk]))

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.NOT_FOUND)
    assert not shown(images, response.content.decode())


def test_choosing_several_images_returns_only_the_organisations(client, orgs, images):
    client.force_login(orgs.users["org_editor_a"])
    ids = [image.pk for image in images.values()]

    response = client.get(reverse("wagtailimages_chooser:chosen_multiple"), {"id": ids})

    assert response.status_code == HTTPStatus.OK
    assert shown(images, response.content.decode()) == {"ours"}


@pytest.mark.parametrize("view", ["chosen", "select_format"])
def test_ki_editors_still_choose_any_image(client, orgs, images, view):
    client.force_login(orgs.users["ki_editor"])

    for image in images.values():
        response = client.get(reverse(f"wagtailimages_chooser:{view}", args=[image.pk]))
        assert response.status_code == HTTPStatus.OK


def test_another_organisations_image_cannot_be_posted_as_logo(client, orgs, images):
    client.force_login(orgs.users["org_editor_a"])
    data = edit_form_data(client, orgs.a, logo=str(images["theirs"].pk))

    response = client.post(url("edit", orgs.a.pk), data)

    assert response.status_code == HTTPStatus.OK  # the form again, with the message
    assert "Wählen Sie ein Bild Ihrer Organisation" in response.content.decode()  # in German
    orgs.a.refresh_from_db()
    assert orgs.a.latest_revision is None or orgs.a.latest_revision.content.get("logo") is None

    data["logo"] = str(images["ours"].pk)
    assert client.post(url("edit", orgs.a.pk), data).status_code == HTTPStatus.FOUND
