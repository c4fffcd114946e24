from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index

# Rich text in simple pages: what the design supports, nothing that breaks the layout.
SIMPLE_RICHTEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomePage(Page):
    """The root of one language's tree. One per locale; German is the source."""

    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICHTEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Route inside this language's tree; fall back to the German tree.

        A page that exists only in German must never be a 404 in another language: the
        German page is served under the reader's language prefix with a notice (see
        base.html). If the page does exist in the reader's language under a translated
        slug, the `before_serve_page` hook in home/wagtail_hooks.py redirects there.
        """
        try:
            return super().route(request, path_components)
        except Http404:
            default_locale = Locale.get_default()
            if self.locale_id == default_locale.pk:
                raise
            source_home = self.get_translation_or_none(default_locale)
            if source_home is None:
                raise
            return source_home.specific.route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().specific()
        return context


class StandardPage(Page):
    """A plain text page: imprint, privacy notice, accessibility statement and the like."""

    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICHTEXT_FEATURES)
    body = RichTextField(_("text"), blank=True, features=SIMPLE_RICHTEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    # Inside a language's tree only: a page under the tree root would have no locale home.
    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
