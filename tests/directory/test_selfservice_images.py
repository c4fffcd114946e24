"""Organisation editors pick logos among their own organisation's images: the chooser
lists no other image, its views that take an image id refuse the others, and a posted id
of another organisation's upload is refused by the form."""

from http import HTTPStatus

import pytest
from django.urls import reverse
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


def chooser_titles(client):
    response = client.get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == HTTPStatus.OK
    html = response.json()["html"]
    return {title for title in ("Alpha neu", "Beta", "Redaktion") if title in html}


def test_the_chooser_lists_only_the_organisations_images(client, orgs, images):
    client.force_login(orgs.users["org_editor_a"])
    assert chooser_titles(client) == {"Alpha neu"}

    client.force_login(orgs.users["ki_editor"])
    assert chooser_titles(client) == {"Alpha neu", "Beta", "Redaktion"}


@pytest.mark.parametrize("view", ["chosen", "select_format"])
def test_the_chooser_refuses_other_images_by_id(client, orgs, images, view):
    client.force_login(orgs.users["org_editor_a"])

    def status(image):
        return client.get(reverse(f"wagtailimages_chooser:{view}", args=[image.pk])).status_code

    assert status(images["theirs"]) == HTTPStatus.FORBIDDEN
    assert status(images["library"]) == HTTPStatus.FORBIDDEN
    assert status(images["ours"]) == HTTPStatus.OK


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
