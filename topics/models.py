"""Topics, the Migrationsleitbild, news, events and the glossary.

Page tree below each language's HomePage:

    Themen (TopicIndexPage) → TopicPage → sub-TopicPage
    Leitbild (LeitbildIndexPage) → LeitbildPage ×12
    Aktuelles (NewsIndexPage) → NewsPage
    Veranstaltungen (EventIndexPage) → EventPage
    Glossar (GlossaryIndexPage), listing the GlossaryTerm snippets A–Z
"""

import datetime
from collections import Counter

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import SIMPLE_RICHTEXT_FEATURES
from topics.blocks import GOAL_STATUS_CHOICES, BodyBlock, GoalsBlock
from topics.localization import localize_pages, reader_locale, reader_path, source_page

PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]

INDEX_HOME = ["home.HomePage"]


class IndexPage(Page):
    """Common ground of the section index pages: one per home page, an intro text."""

    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICHTEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro")]
    parent_page_types = INDEX_HOME
    max_count_per_parent = 1

    class Meta:
        abstract = True


def body_field():
    """The shared body: every content page's StreamField of `topics.blocks.BodyBlock`."""
    return StreamField(BodyBlock(), verbose_name=_("content"), blank=True)


class BodyMixin:
    """The table of contents of a page with a `body_field()`."""

    @cached_property
    def table_of_contents(self):
        """The body's headings, in order: [{"id", "text", "level"}]."""
        return [
            {"id": f"h-{block.id}", "text": block.value["text"], "level": block.value["level"]}
            for block in self.body
            if block.block_type == "heading"
        ]


# --- Topics ---------------------------------------------------------------------------

TOPIC_ICONS = [
    ("work", _("Work")),
    ("residence", _("Residence and law")),
    ("education", _("Education and languages")),
    ("health", _("Health and care")),
    ("housing", _("Housing")),
    ("children", _("Children and youth")),
    ("sport", _("Sport and leisure")),
    ("participation", _("Participation and volunteering")),
    ("equality", _("Anti-racism and anti-discrimination")),
    ("info", _("Information")),
]


# Topic cards show the image; fetch it and its renditions with the list.
CARD_PREFETCH = ("image__renditions",)


class TopicIndexPage(IndexPage):
    subpage_types = ["topics.TopicPage"]

    class Meta:
        verbose_name = _("topic index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = (
            TopicPage.objects.child_of(source_page(self)).live().prefetch_related(*CARD_PREFETCH)
        )
        context["topics"] = localize_pages(topics, request, TopicPage, CARD_PREFETCH)
        return context


class TopicPage(BodyMixin, Page):
    body = body_field()
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three plain sentences; shown on cards and in search results."),
    )
    icon = models.CharField(_("icon"), max_length=20, choices=TOPIC_ICONS, default="info")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; shown instead of the icon. Decorative: needs no alt text."),
    )
    focus_area = models.ForeignKey(
        "directory.FocusArea",
        verbose_name=_("focus area in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"locale__language_code": "de"},
        help_text=_("The page lists organisations working in this focus area."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("icon"), FieldPanel("image")], heading=_("icon or image")),
        FieldPanel("focus_area"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("icon"),
        SynchronizedField("image"),
        SynchronizedField("focus_area"),
    ]
    parent_page_types = ["topics.TopicIndexPage", "topics.TopicPage"]
    subpage_types = ["topics.TopicPage"]

    class Meta:
        verbose_name = _("topic page")

    @classmethod
    def can_create_at(cls, parent):
        """Topics nest one level only: topic → sub-topic, never deeper."""
        parent = parent.specific
        if isinstance(parent, TopicPage) and isinstance(parent.get_parent().specific, TopicPage):
            return False
        return super().can_create_at(parent)

    def can_move_to(self, parent):
        parent = parent.specific
        if isinstance(parent, TopicPage) and (
            isinstance(parent.get_parent().specific, TopicPage)
            or TopicPage.objects.child_of(self).exists()
        ):
            return False
        return super().can_move_to(parent)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = source_page(self)
        subtopics = TopicPage.objects.child_of(source).live().prefetch_related(*CARD_PREFETCH)
        context["subtopics"] = localize_pages(subtopics, request, TopicPage, CARD_PREFETCH)
        # Previous/next in one query: the siblings' paths and titles (no bodies).
        siblings = list(
            TopicPage.objects.sibling_of(source, inclusive=False)
            .live()
            .defer_streamfields()
            .order_by("path")
        )
        previous = next((p for p in reversed(siblings) if p.path < source.path), None)
        following = next((p for p in siblings if p.path > source.path), None)
        neighbours = localize_pages([p for p in (previous, following) if p], request, TopicPage)
        context["previous_page"] = neighbours.pop(0) if previous else None
        context["next_page"] = neighbours.pop(0) if following else None
        if self.focus_area_id:
            from directory.linking import organisations_for_focus_area

            links, total, directory_url = organisations_for_focus_area(self.focus_area)
            context["organisations"] = links
            context["organisations_total"] = total
            context["organisations_url"] = directory_url
        return context


# --- Migrationsleitbild ---------------------------------------------------------------

LEITBILD_KINDS = [
    ("cross_cutting", _("Cross-cutting field")),
    ("focus", _("Focus field 2025–2030")),
    ("life", _("Field of life")),
]


LEITBILD_GROUPS = [
    ("cross_cutting", _("Cross-cutting fields")),
    ("focus", _("Focus fields 2025–2030")),
    ("life", _("Fields of life")),
]


class LeitbildIndexPage(IndexPage):
    subpage_types = ["topics.LeitbildPage"]

    class Meta:
        verbose_name = _("Migrationsleitbild index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        fields = localize_pages(
            LeitbildPage.objects.child_of(source_page(self)).live(), request, LeitbildPage
        )
        groups = []
        totals = Counter()
        for kind, label in LEITBILD_GROUPS:
            members = [f for f in fields if f.kind == kind]
            if members:
                groups.append({"kind": kind, "label": label, "fields": members})
            for field in members:
                totals.update(field.status_counts)
        context["groups"] = groups
        context["progress"] = progress_summary(totals)
        return context


def progress_summary(counts):
    total = sum(counts.values())
    return {
        "total": total,
        "statuses": [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "percent": round(100 * counts.get(value, 0) / total) if total else 0,
            }
            for value, label in GOAL_STATUS_CHOICES
        ],
    }


class LeitbildPage(BodyMixin, Page):
    """One field of action of the Migrationsleitbild, with its guiding goals (Leitziele)
    and their sub-goals (Teilziele), numbered 1, 1.1 … in the order editors give them."""

    body = body_field()

    kind = models.CharField(_("kind of field"), max_length=20, choices=LEITBILD_KINDS)
    summary = models.TextField(_("summary"), max_length=400)
    goals = StreamField(GoalsBlock(), verbose_name=_("goals"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("goals"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("goals"),
        index.SearchField("body"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("goals"),
        TranslatableField("body"),
        SynchronizedField("kind"),
    ]
    parent_page_types = ["topics.LeitbildIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Migrationsleitbild field")

    @cached_property
    def status_counts(self):
        return Counter(
            sub_goal["status"]
            for goal in self.goals
            if goal.block_type == "goal"
            for sub_goal in goal.value["sub_goals"]
        )

    @property
    def progress(self):
        return progress_summary(self.status_counts)


# --- News -----------------------------------------------------------------------------

NEWS_SECTIONS = [
    ("muenster", _("News from Münster")),
    ("projekte", _("Events and projects")),
    ("politik", _("Migration and integration policy")),
    ("publikationen", _("Publications and materials")),
    ("foerderung", _("Funding and finance")),
    ("welt", _("News from around the world")),
]
NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["topics.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    def news_items(self, section=None):
        news = NewsPage.objects.child_of(source_page(self)).live().order_by("-date", "-pk")
        if section:
            news = news.filter(section=section)
        return news

    def feed_links(self, section=""):
        """(title, type, url) of the feeds linked from the page head: all news, and the
        chosen section's feeds when the list is filtered by one."""
        base = reader_path(self)
        links = [
            (_("News (RSS)"), "application/rss+xml", base + self.reverse_subpage("rss")),
            (_("News (Atom)"), "application/atom+xml", base + self.reverse_subpage("atom")),
        ]
        if section:
            label = dict(NEWS_SECTIONS)[section]
            links += [
                (
                    _("%(section)s (RSS)") % {"section": label},
                    "application/rss+xml",
                    base + self.reverse_subpage("section_rss", args=[section]),
                ),
                (
                    _("%(section)s (Atom)") % {"section": label},
                    "application/atom+xml",
                    base + self.reverse_subpage("section_atom", args=[section]),
                ),
            ]
        return links

    @path("")
    def index_view(self, request):
        section = request.GET.get("rubrik", "")
        if section not in dict(NEWS_SECTIONS):
            section = ""
        paginator = Paginator(self.news_items(section), NEWS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("seite"))
        base = reader_path(self)
        return self.render(
            request,
            context_overrides={
                "news": localize_pages(page_obj.object_list, request, NewsPage),
                "page_obj": page_obj,
                "sections": NEWS_SECTIONS,
                "current_section": section,
                "head_feeds": self.feed_links(section),
                "section_feeds": [
                    (
                        value,
                        label,
                        base + self.reverse_subpage("section_rss", args=[value]),
                        base + self.reverse_subpage("section_atom", args=[value]),
                    )
                    for value, label in NEWS_SECTIONS
                ],
            },
        )

    @path("feed/rss/", name="rss")
    def rss_view(self, request):
        from topics.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_view(self, request):
        from topics.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    @path("feed/<slug:section>/rss/", name="section_rss")
    def section_rss_view(self, request, section):
        from topics.feeds import NewsRssFeed

        if section not in dict(NEWS_SECTIONS):
            raise Http404
        return NewsRssFeed(self, section)(request)

    @path("feed/<slug:section>/atom/", name="section_atom")
    def section_atom_view(self, request, section):
        from topics.feeds import NewsAtomFeed

        if section not in dict(NEWS_SECTIONS):
            raise Http404
        return NewsAtomFeed(self, section)(request)


class NewsPage(BodyMixin, Page):
    body = body_field()
    date = models.DateField(_("date"), default=datetime.date.today)
    section = models.CharField(_("section"), max_length=20, choices=NEWS_SECTIONS)
    teaser = models.TextField(_("teaser"), max_length=400)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("section")]),
        FieldPanel("teaser"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
        index.FilterField("section"),
        index.FilterField("date"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("teaser"),
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("section"),
    ]
    parent_page_types = ["topics.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = self.get_parent().specific
        return context


# --- Events ---------------------------------------------------------------------------


class EventIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["topics.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        return EventPage.objects.child_of(source_page(self)).live()

    def ical_url(self):
        return reader_path(self) + self.reverse_subpage("ical")

    @path("")
    def index_view(self, request):
        now = timezone.now()
        past = request.GET.get("zeit") == "vergangen"
        events = self.events()
        months = [timezone.localtime(d) for d in events.datetimes("start", "month")]
        month = request.GET.get("monat", "")
        selected_month = None
        if month:
            try:
                selected_month = datetime.datetime.strptime(month, "%Y-%m").date()
            except ValueError:
                selected_month = None
        if selected_month:
            events = events.filter(
                start__year=selected_month.year, start__month=selected_month.month
            ).order_by("start")
        elif past:
            events = events.filter(end__lt=now).order_by("-start")
        else:
            events = events.filter(end__gte=now).order_by("start")
        paginator = Paginator(events, 20)
        page_obj = paginator.get_page(request.GET.get("seite"))
        return self.render(
            request,
            context_overrides={
                "events": localize_pages(page_obj.object_list, request, EventPage),
                "page_obj": page_obj,
                "past": past and not selected_month,
                "months": months,
                "selected_month": selected_month.strftime("%Y-%m") if selected_month else "",
            },
        )

    @path("ical/", name="ical")
    def ical_view(self, request):
        from topics.feeds import calendar_response

        events = localize_pages(self.events().order_by("start"), request, EventPage)
        return calendar_response(request, events, filename=f"{self.slug}.ics")


class EventPage(RoutablePageMixin, BodyMixin, Page):
    body = body_field()
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    teaser = models.TextField(_("teaser"), max_length=400)
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    place_address = models.TextField(_("address"), blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    registration = models.TextField(_("registration"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    organiser_organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organiser in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"locale__language_code": "de"},
        help_text=_("Links the event to the organiser's profile. Leave empty for others."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("date and time")),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [FieldPanel("place_name"), FieldPanel("place_address"), FieldPanel("online_url")],
            heading=_("place"),
        ),
        FieldPanel("registration"),
        FieldRowPanel(
            [FieldPanel("organiser"), FieldPanel("organiser_organisation")],
            heading=_("organiser"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser", boost=2),
        index.SearchField("place_name"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("teaser"),
        TranslatableField("place_name"),
        TranslatableField("registration"),
        TranslatableField("body"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("place_address"),
        SynchronizedField("online_url"),
        SynchronizedField("organiser"),
        SynchronizedField("organiser_organisation"),
    ]
    parent_page_types = ["topics.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})

    @property
    def is_past(self):
        return self.end < timezone.now()

    def ical_url(self):
        return reader_path(self) + self.reverse_subpage("ical")

    @path("")
    def event_view(self, request):
        organiser_link = None
        if self.organiser_organisation_id:
            from directory.linking import organisation_link

            organiser_link = organisation_link(self.organiser_organisation)
        return self.render(request, context_overrides={"organiser_link": organiser_link})

    @path("ical/", name="ical")
    def ical_view(self, request):
        from topics.feeds import calendar_response

        self.reader_url = self.get_url(request)
        return calendar_response(request, [self], filename=f"{self.slug}.ics")


# --- Glossary -------------------------------------------------------------------------


class GlossaryTerm(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A term and its plain explanation. Translatable; linked from rich text
    (`<a linktype="glossary" id="…">`) and listed A–Z on the glossary page."""

    term = models.CharField(_("term"), max_length=120)
    slug = models.SlugField(
        _("anchor"),
        max_length=120,
        allow_unicode=False,
        help_text=_("The term's address on the glossary page (…/glossar/#anchor)."),
    )
    explanation = RichTextField(_("explanation"), features=["bold", "italic", "link"])
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="glossaryterm")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="glossaryterm",
        for_concrete_model=False,
    )

    panels = [FieldPanel("term"), FieldPanel("slug"), FieldPanel("explanation")]
    search_fields = [
        index.SearchField("term", boost=2),
        index.AutocompleteField("term"),
        index.SearchField("explanation"),
        index.FilterField("id"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("explanation"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)[:120]
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "topics/glossary_term_preview.html"


def glossary_term_url(term, request):
    """The term's place on the glossary page in the reader's language (one lookup per
    request, however many terms are listed)."""
    if not hasattr(request, "_portal_glossary_page"):
        request._portal_glossary_page = glossary_page_for_reader()
    page = request._portal_glossary_page
    return f"{page.get_url(request)}#{term.slug}" if page else None


def glossary_page_for_reader():
    """The live glossary page in the reader's language, else the German one."""
    locale = reader_locale()
    pages = {
        p.locale_id: p
        for p in GlossaryIndexPage.objects.live().filter(
            locale__in=[locale.pk, locale.get_default().pk]
        )
    }
    return pages.get(locale.pk) or pages.get(locale.get_default().pk)


class GlossaryIndexPage(IndexPage):
    subpage_types = []

    class Meta:
        verbose_name = _("glossary page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale = reader_locale()
        default = locale.get_default()
        terms = {
            t.translation_key: t for t in GlossaryTerm.objects.filter(live=True, locale=default)
        }
        if locale.pk != default.pk:
            for term in GlossaryTerm.objects.filter(
                live=True, locale=locale, translation_key__in=list(terms)
            ):
                terms[term.translation_key] = term
        for term in terms.values():
            term.is_fallback = term.locale_id != locale.pk
        letters = {}
        for term in sorted(terms.values(), key=lambda t: t.term.casefold()):
            letters.setdefault(term.term[:1].upper(), []).append(term)
        context["letters"] = [
            {"letter": letter, "anchor": f"letter-{i}", "terms": group}
            for i, (letter, group) in enumerate(letters.items())
        ]
        return context
