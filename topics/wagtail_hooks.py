"""Admin for the topics app: the glossary snippet and the glossary rich-text link."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.editors.draftail import features as draftail_features
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from topics.models import GlossaryTerm
from topics.rich_text import (
    ENTITY_TYPE,
    GlossaryLinkElementHandler,
    GlossaryLinkHandler,
    glossary_entity_decorator,
)


class GlossaryEntityFeature(draftail_features.EntityFeature):
    """Adds the snippet chooser's URL when the editor is built (URLs are not loaded yet
    when the feature is registered)."""

    def construct_options(self, options):
        super().construct_options(options)
        options["entityTypes"][-1]["chooserUrl"] = reverse(
            "wagtailsnippetchoosers_topics_glossaryterm:choose"
        )


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["term", "slug", "locale", "live"]
    list_filter = ["locale", "live"]
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


@hooks.register("register_rich_text_features")
def register_glossary_link(features):
    features.register_link_type(GlossaryLinkHandler)
    features.register_editor_plugin(
        "draftail",
        "glossary",
        GlossaryEntityFeature(
            {
                "type": ENTITY_TYPE,
                "icon": "help",
                "description": str(_("Glossary term")),
            },
            js=["js/glossary-draftail.js"],
        ),
    )
    features.register_converter_rule(
        "contentstate",
        "glossary",
        {
            "from_database_format": {
                'a[linktype="glossary"]': GlossaryLinkElementHandler(ENTITY_TYPE)
            },
            "to_database_format": {"entity_decorators": {ENTITY_TYPE: glossary_entity_decorator}},
        },
    )
