"""The body blocks every content page shares, each with its own accessible template
(templates/components/blocks/). `BodyBlock` is defined once here and imported by every
page type that has a body.
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text in body blocks: what the design supports. No h1 (the page title is the only
# h1), no headings at all (they are their own block so they feed the table of contents),
# no embeds or images (their own blocks, with alt text and consent).
BODY_RICHTEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "glossary"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Sub-heading (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("info", _("Information")), ("warning", _("Warning")), ("tip", _("Tip"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=BODY_RICHTEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Info box")
        template = "components/blocks/callout_block.html"


class ContactCardBlock(blocks.StructBlock):
    office = blocks.CharBlock(label=_("office"), max_length=160)
    address = blocks.TextBlock(label=_("address"), required=False, rows=3)
    phone = blocks.CharBlock(label=_("phone"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("e-mail"), required=False)
    opening_hours = blocks.TextBlock(label=_("opening hours"), required=False, rows=3)

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "components/blocks/contact_card_block.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("answer"), features=BODY_RICHTEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    items = blocks.ListBlock(FAQItemBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "components/blocks/faq_block.html"


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    title = blocks.CharBlock(label=_("link text"), required=False, help_text=_("Default: title"))

    class Meta:
        icon = "doc-empty-inverse"
        label = _("Page")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, help_text=_("Default: title"))

    class Meta:
        icon = "doc-full"
        label = _("Document")


class ExternalLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("address (URL)"))
    title = blocks.CharBlock(label=_("link text"))

    class Meta:
        icon = "link-external"
        label = _("External link")


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    links = blocks.StreamBlock(
        [
            ("page", PageLinkBlock()),
            ("document", DocumentLinkBlock()),
            ("external", ExternalLinkBlock()),
        ],
        label=_("links"),
        min_num=1,
    )

    class Meta:
        icon = "link"
        label = _("Link list")
        template = "components/blocks/link_list_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False, help_text=_("Default: title"))
    description = blocks.TextBlock(label=_("description"), required=False, rows=2)

    class Meta:
        icon = "download"
        label = _("Document download")
        template = "components/blocks/document_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image_block.html"


_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def video_embed_url(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, or None."""
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if host in _YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = parts.path.strip("/")
        elif parts.path.startswith("/embed/"):
            video_id = parts.path.split("/")[2]
        else:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        if _VIDEO_ID.match(video_id or ""):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if host in _VIMEO_HOSTS:
        video_id = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?dnt=1"
    return None


class VideoBlock(blocks.StructBlock):
    """A video from YouTube or Vimeo. Nothing is loaded from the provider until the reader
    agrees; without JavaScript the reader gets a plain link to the video."""

    url = blocks.URLBlock(label=_("video address (YouTube or Vimeo)"))
    title = blocks.CharBlock(label=_("title"), max_length=160)
    transcript = blocks.RichTextBlock(
        label=_("transcript or summary"), required=False, features=BODY_RICHTEXT_FEATURES
    )

    def clean(self, value):
        value = super().clean(value)
        if video_embed_url(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                {"url": ValidationError(_("Please give a YouTube or Vimeo video address."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        embed_url = video_embed_url(value["url"])
        context["embed_url"] = embed_url
        context["provider"] = urlsplit(embed_url).netloc if embed_url else ""
        return context

    class Meta:
        icon = "media"
        label = _("Video (after consent)")
        template = "components/blocks/video_block.html"


class EasyLanguageBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=BODY_RICHTEXT_FEATURES)

    class Meta:
        icon = "openquote"
        label = _("Plain language box (Einfache Sprache)")
        template = "components/blocks/easy_language_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=BODY_RICHTEXT_FEATURES,
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
    )
    callout = CalloutBlock()
    contact = ContactCardBlock()
    faq = FAQBlock()
    links = LinkListBlock()
    document = DocumentBlock()
    image = ImageBlock()
    video = VideoBlock()
    easy_language = EasyLanguageBlock()

    class Meta:
        label = _("Content")


# --- Migrationsleitbild: guiding goals (Leitziele) with sub-goals (Teilziele) ----------

GOAL_STATUS_CHOICES = [
    ("planned", _("planned")),
    ("in_progress", _("in progress")),
    ("achieved", _("achieved")),
]


class SubGoalBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("sub-goal"), rows=2)
    status = blocks.ChoiceBlock(label=_("status"), choices=GOAL_STATUS_CHOICES, default="planned")

    class Meta:
        icon = "tick"
        label = _("Sub-goal (Teilziel)")


class GuidingGoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("guiding goal"), max_length=250)
    description = blocks.TextBlock(label=_("explanation"), required=False, rows=3)
    sub_goals = blocks.ListBlock(SubGoalBlock(), label=_("sub-goals (Teilziele)"))

    class Meta:
        icon = "pick"
        label = _("Guiding goal (Leitziel)")
        template = "components/blocks/guiding_goal_block.html"


class GoalsBlock(blocks.StreamBlock):
    goal = GuidingGoalBlock()
