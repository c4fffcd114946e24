"""The directory of organisations and its vocabularies.

All of them are translatable snippets (German is the source). Translations of an
organisation synchronise everything that is not text (coordinates, contacts, vocabulary
links): those always point at the German vocabulary entries, and the public views look the
reader's names up by `translation_key`.
"""

import datetime
from decimal import Decimal

import nh3
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.permissions import MANAGE_FIELDS_CODENAME, MANAGE_FIELDS_PERMISSION

# Münster's municipal area, with a small margin: coordinates outside are typing errors.
LATITUDE_RANGE = (Decimal("51.83"), Decimal("52.07"))
LONGITUDE_RANGE = (Decimal("7.46"), Decimal("7.79"))

# Paths under /organisationen/ that are the directory's own pages, not profiles.
RESERVED_SLUGS = {"vorschlagen", "einladung", "bestaetigen", "organisationen"}

PROFILE_RICHTEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]
# What the profile's rich text may contain, whoever wrote it (editor, import, API):
# Wagtail's editor already limits it; this also covers every other way in.
PROFILE_TAGS = {"p", "br", "b", "i", "strong", "em", "ul", "ol", "li", "a", "h3"}
PROFILE_ATTRIBUTES = {"a": {"href", "linktype", "id"}}


def sanitise_profile(html):
    return nh3.clean(html or "", tags=PROFILE_TAGS, attributes=PROFILE_ATTRIBUTES, link_rel=None)


def german_slugify(value):
    """A slug that spells umlauts the German way (Geflüchtete → gefluechtete)."""
    for char, replacement in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        value = value.replace(char, replacement).replace(char.upper(), replacement.capitalize())
    return slugify(value)


class Vocabulary(TranslatableMixin, index.Indexed, models.Model):
    """A filter vocabulary entry: a translatable name and a stable slug for URLs."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Used in filter links (…?herkunft=syrien). The same in every language."),
    )

    panels = ["name", "slug"]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.slug and self.name:
            self.slug = german_slugify(self.name)
        clash = type(self).objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if self.locale_id and clash.exists():
            raise ValidationError({"slug": _("This slug is already used.")})


class Origin(Vocabulary):
    class Kind(models.TextChoices):
        COUNTRY = "country", _("country")
        REGION = "region", _("region")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNTRY)
    code = models.CharField(
        _("ISO 3166 code"), max_length=2, blank=True, help_text=_("Two letters; empty for regions.")
    )

    panels = ["name", "slug", "kind", "code"]
    translatable_fields = Vocabulary.translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("code"),
    ]

    class Meta(Vocabulary.Meta):
        verbose_name = _("origin")
        verbose_name_plural = _("origins")
        unique_together = [("translation_key", "locale"), ("locale", "slug")]


class Language(Vocabulary):
    code = models.CharField(_("ISO 639 code"), max_length=12, blank=True)
    endonym = models.CharField(
        _("name in the language itself"), max_length=100, blank=True, help_text=_("e.g. Türkçe")
    )

    panels = ["name", "slug", "code", "endonym"]
    search_fields = Vocabulary.search_fields + [index.SearchField("endonym")]
    translatable_fields = Vocabulary.translatable_fields + [
        SynchronizedField("code"),
        SynchronizedField("endonym"),
    ]

    class Meta(Vocabulary.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        unique_together = [("translation_key", "locale"), ("locale", "slug")]


class FocusArea(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        unique_together = [("translation_key", "locale"), ("locale", "slug")]


class District(Vocabulary):
    """A Stadtbezirk (no parent) or a Stadtteil (its parent is the Stadtbezirk)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("Stadtbezirk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Empty for a Stadtbezirk; the Stadtbezirk for a Stadtteil."),
    )
    latitude = models.DecimalField(
        _("latitude of the centre"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(LATITUDE_RANGE[0]), MaxValueValidator(LATITUDE_RANGE[1])],
    )
    longitude = models.DecimalField(
        _("longitude of the centre"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(LONGITUDE_RANGE[0]), MaxValueValidator(LONGITUDE_RANGE[1])],
    )

    panels = ["name", "slug", "parent", FieldRowPanel(["latitude", "longitude"])]
    translatable_fields = Vocabulary.translatable_fields + [
        SynchronizedField("parent"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]

    class Meta(Vocabulary.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        unique_together = [("translation_key", "locale"), ("locale", "slug")]

    @property
    def is_stadtbezirk(self):
        return self.parent_id is None


# "Offers for": fixed target groups, one boolean each so several can be filtered at once.
# (URL value, model field, label)
OFFERS_FOR = [
    ("frauen", "offers_women", _("women")),
    ("jugend", "offers_youth", _("young people")),
    ("kinder", "offers_children", _("children")),
    ("familien", "offers_families", _("families")),
    ("senioren", "offers_seniors", _("older people")),
    ("neuzugewanderte", "offers_newcomers", _("newcomers")),
    ("lsbtiq", "offers_lgbtiq", _("LGBTIQ* people")),
]


def validate_social_links(value):
    validate = URLValidator(schemes=["https", "http"])
    for line in value.splitlines():
        if line.strip():
            try:
                validate(line.strip())
            except ValidationError as error:
                raise ValidationError(
                    _("Every line must be a web address (https://…): %(line)s"),
                    params={"line": line.strip()},
                ) from error


def validate_founding_year(value):
    if value > datetime.date.today().year:
        raise ValidationError(_("The founding year cannot be in the future."))


class OrganisationForm(WagtailAdminModelForm):
    def clean_logo(self):
        """The chooser offers organisation editors only their images; a posted id of any
        other image (another organisation's upload) is refused here too."""
        from directory.permissions import choosable_images

        logo = self.cleaned_data.get("logo")
        if logo is None or logo.pk == self.instance.logo_id or self.for_user is None:
            return logo
        if not choosable_images(self.for_user, type(logo).objects.filter(pk=logo.pk)).exists():
            raise ValidationError(_("Choose one of your organisation's images or upload one."))
        return logo


class Organisation(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """One entry of the directory: an organisation, community, initiative or service."""

    base_form_class = OrganisationForm

    class Kind(models.TextChoices):
        MSO = "mso", _("migrant self-organisation")
        FAITH = "faith", _("faith community")
        ASSOCIATION = "association", _("association or initiative")
        COUNSELLING = "counselling", _("counselling service")
        NETWORK = "network", _("network")
        OTHER = "other", _("other")

    class Accessibility(models.TextChoices):
        UNKNOWN = "", _("not known")
        FULL = "full", _("step-free access")
        PARTIAL = "partial", _("partly accessible")
        NONE = "none", _("not step-free")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("The address of the profile: /de/organisationen/<slug>/"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MSO)
    short_description = models.TextField(
        _("short description"), max_length=400, help_text=_("One or two sentences for the list.")
    )
    profile = RichTextField(_("profile"), blank=True, features=PROFILE_RICHTEXT_FEATURES)

    origins = ParentalManyToManyField(Origin, verbose_name=_("origins"), blank=True)
    languages = ParentalManyToManyField(Language, verbose_name=_("languages"), blank=True)
    focus_areas = ParentalManyToManyField(FocusArea, verbose_name=_("focus areas"), blank=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Five digits."))],
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(LATITUDE_RANGE[0]), MaxValueValidator(LATITUDE_RANGE[1])],
        help_text=_("Between 51.83 and 52.07 (Münster). Empty: the map uses the district centre."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(LONGITUDE_RANGE[0]), MaxValueValidator(LONGITUDE_RANGE[1])],
        help_text=_("Between 7.46 and 7.79 (Münster)."),
    )
    meeting_times = models.TextField(_("meeting times / opening hours"), blank=True)

    contact_person = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_person_public = models.BooleanField(
        _("contact person may be published"),
        default=False,
        help_text=_("Only with the person's consent. Otherwise the name stays internal."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[RegexValidator(r"^\+?[0-9 ()/-]{5,}$", _("Digits, spaces, + ( ) / - only."))],
    )
    website = models.URLField(_("website"), blank=True)
    social_links = models.TextField(
        _("social media links"),
        blank=True,
        validators=[validate_social_links],
        help_text=_("One address per line."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    founding_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), validate_founding_year],
    )

    offers_women = models.BooleanField(_("women"), default=False)
    offers_youth = models.BooleanField(_("young people"), default=False)
    offers_children = models.BooleanField(_("children"), default=False)
    offers_families = models.BooleanField(_("families"), default=False)
    offers_seniors = models.BooleanField(_("older people"), default=False)
    offers_newcomers = models.BooleanField(_("newcomers"), default=False)
    offers_lgbtiq = models.BooleanField(_("LGBTIQ* people"), default=False)

    accessibility = models.CharField(
        _("accessibility of the premises"),
        max_length=10,
        choices=Accessibility.choices,
        default=Accessibility.UNKNOWN,
        blank=True,
    )
    accessibility_notes = models.TextField(_("notes on accessibility"), blank=True)
    last_confirmed = models.DateField(
        _("last confirmed"),
        null=True,
        blank=True,
        help_text=_("When the organisation last confirmed that the entry is correct."),
    )
    # When `remind_organisations` last asked for confirmation (not translated, not shown).
    confirmation_requested_at = models.DateTimeField(null=True, blank=True, editable=False)

    _revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="organisation",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="organisation",
        for_concrete_model=False,
    )

    panels = [
        MultiFieldPanel(
            [
                "name",
                # Only the KI manages these; organisation editors never see them, and a
                # value they post is ignored (the field is not in their form).
                FieldPanel("slug", permission=MANAGE_FIELDS_PERMISSION),
                FieldPanel("kind", permission=MANAGE_FIELDS_PERMISSION),
                "short_description",
                "profile",
            ],
            _("About"),
        ),
        MultiFieldPanel(["origins", "languages", "focus_areas"], _("Filters")),
        MultiFieldPanel(
            [
                FieldPanel("offers_women"),
                FieldPanel("offers_youth"),
                FieldPanel("offers_children"),
                FieldPanel("offers_families"),
                FieldPanel("offers_seniors"),
                FieldPanel("offers_newcomers"),
                FieldPanel("offers_lgbtiq"),
            ],
            _("Offers for"),
        ),
        MultiFieldPanel(
            [
                "district",
                "street_address",
                "postcode",
                FieldRowPanel(["latitude", "longitude"]),
                "meeting_times",
                "accessibility",
                "accessibility_notes",
            ],
            _("Place"),
        ),
        MultiFieldPanel(
            [
                "contact_person",
                "contact_person_public",
                "email",
                "phone",
                "website",
                "social_links",
            ],
            _("Contact"),
        ),
        MultiFieldPanel(
            [
                "logo",
                "founding_year",
                FieldPanel("last_confirmed", permission=MANAGE_FIELDS_PERMISSION),
            ],
            _("More"),
        ),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("profile"),
        index.SearchField("meeting_times"),
        index.FilterField("id"),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("translation_key"),
    ]

    # Only texts are translated; everything else follows the German entry.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_description"),
        TranslatableField("profile"),
        TranslatableField("meeting_times"),
        TranslatableField("accessibility_notes"),
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        SynchronizedField("origins"),
        SynchronizedField("languages"),
        SynchronizedField("focus_areas"),
        SynchronizedField("district"),
        SynchronizedField("street_address"),
        SynchronizedField("postcode"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("contact_person"),
        SynchronizedField("contact_person_public"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("website"),
        SynchronizedField("social_links"),
        SynchronizedField("logo"),
        SynchronizedField("founding_year"),
        *(SynchronizedField(field) for _value, field, _label in OFFERS_FOR),
        SynchronizedField("accessibility"),
        SynchronizedField("last_confirmed"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("locale", "slug")]
        # The public directory reads only live entries of one locale: its facet counts
        # (index-only scans instead of reading the whole table) and its list sorted by name
        # (the first page straight from the index). Measured in the benchmark.
        indexes = [
            models.Index(
                fields=["locale", "id"], condition=models.Q(live=True), name="org_live_locale_idx"
            ),
            models.Index(
                models.F("locale"),
                Lower("name"),
                models.F("id"),
                condition=models.Q(live=True),
                name="org_live_name_idx",
            ),
        ]
        permissions = [
            (
                MANAGE_FIELDS_CODENAME,
                _("Can change kind, slug, last confirmed and memberships of organisations"),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.slug and self.name:
            self.slug = german_slugify(self.name)[:100]
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        clash = Organisation.objects.filter(locale_id=self.locale_id, slug=self.slug)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This slug is reserved for the directory's own pages.")}
            )
        if self.locale_id and clash.exists():
            raise ValidationError({"slug": _("This slug is already used.")})

    def save(self, *args, **kwargs):
        self.profile = sanitise_profile(self.profile)
        super().save(*args, **kwargs)

    def get_url(self):
        return reverse("directory:detail", kwargs={"slug": self.slug})

    @property
    def social_link_list(self):
        return [line.strip() for line in self.social_links.splitlines() if line.strip()]

    @property
    def offers_for(self):
        """[(url value, label)] of the target groups this organisation has offers for."""
        return [(value, label) for value, field, label in OFFERS_FOR if getattr(self, field)]

    def position(self):
        """(lat, lng, approximate): own coordinates, else the district centre, else None."""
        if self.latitude is not None and self.longitude is not None:
            return self.latitude, self.longitude, False
        if self.district is not None:
            return self.district.latitude, self.district.longitude, True
        return None

    # Preview in the admin: the public profile, small map included.
    def get_preview_template(self, request, mode_name):
        return "directory/organisation_detail.html"

    def get_preview_context(self, request, mode_name):
        from directory.views import detail_context

        return detail_context(request, self, is_preview=True)


# Self-service (memberships, invitations, suggestions, correction reports).
from directory.selfservice_models import (  # noqa: E402,F401
    CorrectionReport,
    OrganisationInvitation,
    OrganisationMembership,
    OrganisationSuggestion,
)
