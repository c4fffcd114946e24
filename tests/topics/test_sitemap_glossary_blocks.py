"""sitemap.xml with language alternates, the glossary (A–Z page, links from rich text,
admin) and the body blocks' accessible output."""

import xml.etree.ElementTree as ET
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.rich_text import RichText, expand_db_html

from tests.factories import GlossaryTermFactory, TopicPageFactory
from topics.blocks import BodyBlock, video_embed_url
from topics.models import GlossaryTerm

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_language_with_hreflang_alternates(
    client, tree, german_home, translate
):
    translate(german_home, "ar", {})
    translate(tree["topic_index"], "ar", {"Themen": "مواضيع"})

    response = client.get("/sitemap.xml")

    assert response.status_code == HTTPStatus.OK
    root = ET.fromstring(response.content)  # noqa: S314 (our own server's output)
    urls = {u.find("s:loc", NS).text: u for u in root.findall("s:url", NS)}
    assert "http://localhost/de/themen/arbeit/" in urls
    themen = urls["http://localhost/ar/themen/"]
    alternates = {link.get("hreflang"): link.get("href") for link in themen.findall("x:link", NS)}
    assert alternates == {
        "ar": "http://localhost/ar/themen/",
        "de": "http://localhost/de/themen/",
        "x-default": "http://localhost/de/themen/",
    }
    assert urls["http://localhost/de/themen/arbeit/"].findall("x:link", NS) == []
    assert urls["http://localhost/de/themen/"].find("s:lastmod", NS) is not None


def test_glossary_lists_terms_a_to_z_with_anchors(client, tree):
    GlossaryTermFactory(term="Aufenthaltstitel", slug="aufenthaltstitel")
    GlossaryTermFactory(term="Anerkennung", slug="anerkennung")
    draft = GlossaryTermFactory(term="Zuwanderung", slug="zuwanderung")
    draft.unpublish()

    html = client.get("/de/glossar/").content.decode()

    assert (
        html.index('<dt id="anerkennung">Anerkennung</dt>')
        < html.index('<dt id="aufenthaltstitel">Aufenthaltstitel</dt>')
        < html.index('<dt id="jobcenter">Jobcenter</dt>')
    )
    assert '<a href="#letter-0">A</a>' in html and '<a href="#letter-1">J</a>' in html
    assert "Zuwanderung" not in html


def test_glossary_link_in_rich_text_goes_to_the_term_in_the_readers_language(
    client, tree, german_home, translate
):
    term = GlossaryTerm.objects.get(slug="jobcenter")
    TopicPageFactory(
        parent=tree["topic_index"],
        slug="hilfe",
        title="Hilfe",
        body=[
            (
                "paragraph",
                RichText(
                    f'<p>Fragen Sie das <a linktype="glossary" id="{term.pk}">Jobcenter</a>.</p>'
                ),
            )
        ],
    ).save_revision().publish()

    german = client.get("/de/themen/hilfe/").content.decode()
    assert '<a class="glossary-link" href="/de/glossar/#jobcenter">Jobcenter</a>' in german

    translate(german_home, "en", {})
    english = client.get("/en/themen/hilfe/").content.decode()  # German page, English reader
    assert 'href="/en/glossar/#jobcenter"' in english
    assert client.get("/en/glossar/").status_code == HTTPStatus.OK


def test_glossary_link_survives_the_editor_round_trip():
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    term = GlossaryTermFactory(term="Kita", slug="kita")
    converter = ContentstateConverter(features=["glossary", "bold"])
    html = f'<p>Die <a linktype="glossary" id="{term.pk}">Kita</a> hilft.</p>'

    result = converter.to_database_format(converter.from_database_format(html))
    assert f'Die <a linktype="glossary" id="{term.pk}">Kita</a> hilft.</p>' in result


def test_glossary_snippet_admin_and_editor_plugin_load(admin_client, tree):
    term = GlossaryTerm.objects.get(slug="jobcenter")
    assert admin_client.get("/admin/snippets/topics/glossaryterm/").status_code == HTTPStatus.OK
    assert (
        admin_client.get(f"/admin/snippets/topics/glossaryterm/edit/{term.pk}/").status_code
        == HTTPStatus.OK
    )
    edit = admin_client.get(f"/admin/pages/{tree['topic'].pk}/edit/").content.decode()
    assert "js/glossary-draftail.js" in edit
    assert "/admin/snippets/choose/topics/glossaryterm/" in edit


def test_editors_lock_glossary_terms_and_a_workflow_moderates_them(client, tree):
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

    from cms import roles
    from tests.factories import UserFactory

    term = GlossaryTerm.objects.get(slug="jobcenter")
    editor = UserFactory(groups=[roles.EDITORS])
    client.force_login(editor)

    client.post(f"/admin/snippets/topics/glossaryterm/lock/{term.pk}/")
    term.refresh_from_db()
    assert term.locked and term.locked_by == editor

    # The KI can put glossary terms through a review (Settings → Workflows).
    workflow = Workflow.objects.create(name="Glossar prüfen")
    task = GroupApprovalTask.objects.create(name="Fachlich prüfen")
    task.groups.set([Group.objects.get(name=roles.MODERATORS)])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(
        workflow=workflow, content_type=ContentType.objects.get_for_model(GlossaryTerm)
    )
    assert term.get_workflow() == workflow
    term.term = "Jobcenter (neu)"
    term.save_revision(user=editor)
    workflow.start(term, editor)

    term.refresh_from_db()
    assert term.workflow_in_progress
    assert term.term == "Jobcenter"  # nothing public before approval


def render(block_type, value):
    stream = BodyBlock().to_python([{"type": block_type, "value": value}])
    return stream.render_as_block()


def test_video_is_not_loaded_before_consent():
    html = str(render("video", {"url": "https://youtu.be/abcdefghijk", "title": "Ankommen"}))

    before_template = html.split("<template")[0]
    assert "<iframe" not in before_template
    assert 'src="https://www.youtube-nocookie.com/embed/abcdefghijk"' in html.split("<template")[1]
    assert 'href="https://youtu.be/abcdefghijk"' in before_template  # works without JavaScript
    assert video_embed_url("https://evil.example/watch?v=abcdefghijk") is None


def test_faq_works_without_javascript():
    html = str(
        render("faq", {"title": "", "items": [{"question": "Wer?", "answer": "<p>Wir.</p>"}]})
    )

    assert '<details class="faq__item">' in html
    assert '<summary class="faq__question">Wer?</summary>' in html


def test_document_download_names_file_type_and_size(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document(title="Broschüre")
    document.file.save("broschuere.pdf", ContentFile(b"%PDF" + b"x" * 2044), save=False)
    document.save()

    html = str(render("document", {"document": document.pk, "title": "", "description": ""}))

    assert "Broschüre" in html and "(PDF, 2,0\xa0KB)" in html


def test_external_links_are_marked_as_external():
    html = str(
        render(
            "links",
            {
                "title": "Mehr",
                "links": [
                    {
                        "type": "external",
                        "value": {"url": "https://example.org/", "title": "Beispiel"},
                    }
                ],
            },
        )
    )

    assert 'rel="external noopener"' in html
    assert (
        '<span class="visually-hidden"> (externer Link)</span>' in html or "(external link)" in html
    )


def test_image_block_requires_alt_text():
    from wagtail.blocks import StructBlockValidationError
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    block = BodyBlock().child_blocks["image"]

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    assert set(error.value.block_errors) == {"alt_text"}
    cleaned = block.clean(
        block.to_python({"image": image.pk, "alt_text": "Ein Foto", "caption": ""})
    )
    assert cleaned["alt_text"] == "Ein Foto"


def test_expand_db_html_of_deleted_glossary_term_does_not_break():
    assert (
        expand_db_html('<p><a linktype="glossary" id="999999">weg</a></p>') == "<p><a>weg</a></p>"
    )
