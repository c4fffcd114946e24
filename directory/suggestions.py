"""The public "Eintrag vorschlagen" form: anyone may propose a new organisation.

A valid suggestion becomes a *draft* German Organisation (never public before a moderator
approves it), saved as a revision, sent into the organisation workflow when one is
assigned ("Organisationsprofil prüfen"), announced to the Moderation group by e-mail and
confirmed to the proposer in the language they used the form in.

Everything typed is plain text: tags are removed before validation and the templates
escape on output. The form pages are never cached (they carry a CSRF token).
"""

import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import RegexValidator
from django.db import transaction
from django.forms.utils import ErrorDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from wagtail.models import Locale

from cms import roles
from cms.mail import send_templated_mail, send_to_users
from directory.filters import VocabularyNames
from directory.models import (
    RESERVED_SLUGS,
    District,
    FocusArea,
    Language,
    Organisation,
    OrganisationSuggestion,
    Origin,
    german_slugify,
)
from directory.spam import HoneypotMixin, RateLimit

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value, multiline=False):
    """Text without markup or control characters; whitespace tidied."""
    value = _CONTROL_CHARS.sub("", strip_tags(value or ""))
    if not multiline:
        return " ".join(value.split())
    lines = [" ".join(line.split()) for line in value.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class PlainTextField(forms.CharField):
    """A CharField that removes markup before it checks "required" and the length."""

    def __init__(self, *, multiline=False, **kwargs):
        self.multiline = multiline
        if multiline:
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        super().__init__(**kwargs)

    def to_python(self, value):
        return plain_text(super().to_python(value), self.multiline)


class AccessibleFormMixin:
    """What the templates need for an error summary that links to each field."""

    # Shorter names for the summary, where the label is a sentence (a consent checkbox).
    summary_labels = {}

    def error_links(self):
        """[(anchor id, label, message)] in field order, form-wide errors first."""
        links = [("", "", message) for message in self.non_field_errors()]
        for bound in self:
            for message in bound.errors:
                anchor = bound.auto_id
                if bound.use_fieldset and bound.subwidgets:
                    anchor = bound.subwidgets[0].id_for_label
                label = self.summary_labels.get(bound.name, bound.label)
                links.append((anchor, label, message))
        return links


def vocabulary_choices(model, reader, default):
    names = VocabularyNames(model, reader, default)
    choices = [(pk, names.label(pk)[0]) for pk in names.source]
    return sorted(choices, key=lambda choice: choice[1].casefold())


def district_choices(reader, default):
    """Stadtbezirke as groups, each with itself and its Stadtteile, in the reader's names."""
    names = VocabularyNames(District, reader, default)
    groups = []
    for pk, entry in names.source.items():
        if entry.parent_id is not None:
            continue
        label = names.label(pk)[0]
        children = sorted(
            (
                (child_pk, names.label(child_pk)[0])
                for child_pk, child in names.source.items()
                if child.parent_id == pk
            ),
            key=lambda choice: choice[1].casefold(),
        )
        groups.append((label, [(pk, label), *children]))
    groups.sort(key=lambda group: group[0].casefold())
    return [("", _("Please choose (optional)")), *groups]


phone_validator = RegexValidator(r"^\+?[0-9 ()/-]{5,}$", _("Digits, spaces, + ( ) / - only."))
postcode_validator = RegexValidator(r"^\d{5}$", _("Five digits."))


class SuggestionForm(AccessibleFormMixin, HoneypotMixin, forms.Form):
    summary_labels = {"consent": _("Consent to storing your e-mail address")}

    name = PlainTextField(label=_("Name of the organisation"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=Organisation.Kind.choices,
        widget=forms.RadioSelect,
    )
    short_description = PlainTextField(
        label=_("Short description"),
        multiline=True,
        max_length=400,
        help_text=_("One or two sentences: what does the organisation do, and for whom?"),
    )
    focus_areas = forms.TypedMultipleChoiceField(
        label=_("Focus areas"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    origins = forms.TypedMultipleChoiceField(
        label=_("Origin"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.TypedMultipleChoiceField(
        label=_("Languages"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    district = forms.TypedChoiceField(
        label=_("District"), coerce=int, empty_value=None, required=False
    )
    street_address = PlainTextField(label=_("Street and number"), max_length=200, required=False)
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=5,
        required=False,
        validators=[postcode_validator],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    meeting_times = PlainTextField(
        label=_("Meeting times / opening hours"),
        multiline=True,
        max_length=1000,
        required=False,
    )
    email = forms.EmailField(
        label=_("E-mail address of the organisation"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Phone number of the organisation"),
        max_length=40,
        required=False,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    website = forms.URLField(
        label=_("Website of the organisation"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "off"}),
    )
    proposer_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "We send you a confirmation and may ask you about the entry. It is not published."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my e-mail address is stored with the suggestion, only to handle it. "
            "It is deleted with the entry."
        ),
        error_messages={
            "required": _(
                "Please agree to storing your e-mail address; without it we cannot "
                "handle the suggestion."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reader, default = Locale.get_active(), Locale.get_default()
        self.fields["focus_areas"].choices = vocabulary_choices(FocusArea, reader, default)
        self.fields["origins"].choices = vocabulary_choices(Origin, reader, default)
        self.fields["languages"].choices = vocabulary_choices(Language, reader, default)
        self.fields["district"].choices = district_choices(reader, default)


def unique_slug(name):
    base = german_slugify(name)[:90].strip("-") or "eintrag"
    taken = (
        set(
            Organisation.objects.filter(
                locale=Locale.get_default(), slug__startswith=base
            ).values_list("slug", flat=True)
        )
        | RESERVED_SLUGS
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def admin_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def organisation_edit_url(organisation):
    return admin_url(reverse("wagtailsnippets_directory_organisation:edit", args=[organisation.pk]))


@transaction.atomic
def create_suggestion(data, language):
    """The draft entry, its suggestion record and (if assigned) its workflow."""
    organisation = Organisation(
        locale=Locale.get_default(),
        live=False,
        name=data["name"],
        slug=unique_slug(data["name"]),
        kind=data["kind"],
        short_description=data["short_description"],
        district_id=data["district"],
        street_address=data["street_address"],
        postcode=data["postcode"],
        meeting_times=data["meeting_times"],
        email=data["email"],
        phone=data["phone"],
        website=data["website"],
    )
    organisation.full_clean()
    organisation.save()
    organisation.focus_areas.set(data["focus_areas"])
    organisation.origins.set(data["origins"])
    organisation.languages.set(data["languages"])
    organisation.save()  # commits the many-to-many links (modelcluster)
    OrganisationSuggestion.objects.create(
        organisation=organisation,
        email=data["proposer_email"],
        language=language,
        consent_at=timezone.now(),
    )
    # Nobody is logged in: the revision and the workflow have no user.
    organisation.save_revision(log_action=True)
    workflow = organisation.get_workflow()
    if workflow is not None:
        workflow.start(organisation, None)
    return organisation


def notify_suggestion(organisation, proposer_email, language):
    context = {
        "name": organisation.name,
        "kind": Organisation.Kind(organisation.kind).label,
        "short_description": organisation.short_description,
        "proposer_email": proposer_email,
        "proposer_language": language,
        "edit_url": organisation_edit_url(organisation),
        "in_workflow": organisation.workflow_in_progress,
    }
    moderators = get_user_model().objects.filter(groups__name=roles.MODERATORS, is_active=True)
    send_to_users("suggestion_moderation", moderators.distinct(), context)
    send_templated_mail("suggestion_received", [proposer_email], language, context)


def too_many(request, template, context):
    """HTTP 429 with the form as typed, without checking it (nothing is processed)."""
    rate = context["rate_limit"]
    context["form"]._errors = ErrorDict()  # shown as typed, without field errors
    response = render(request, template, {**context, "rate_limited": True}, status=429)
    response["Retry-After"] = str(rate.window)
    return response


@never_cache
@csrf_protect
def suggest(request):
    template = "directory/suggest_form.html"
    rate_limit = RateLimit("suggest")
    if request.method == "POST":
        form = SuggestionForm(request.POST)
        context = {"form": form, "rate_limit": rate_limit}
        if not rate_limit.hit(request):
            return too_many(request, template, context)
        if form.is_spam:
            form.is_valid()
            form.add_error(None, _("The form could not be sent. Please try again."))
            return render(request, template, context, status=400)
        if form.is_valid():
            language = get_language()
            organisation = create_suggestion(form.cleaned_data, language)
            notify_suggestion(organisation, form.cleaned_data["proposer_email"], language)
            return redirect("directory:suggest_thanks")
        return render(request, template, context, status=400)
    form = SuggestionForm()
    return render(request, template, {"form": form, "rate_limit": rate_limit})


def suggest_thanks(request):
    return render(request, "directory/suggest_thanks.html")
