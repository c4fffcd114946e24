""" "Report a correction" on a public profile.

The report is stored (editors see it in the admin, see corrections_admin.py) and e-mailed
to the organisation — its members in their own languages, else the organisation's public
address — and to the KI editors (the Redaktion group and DIRECTORY_CORRECTIONS_EMAIL).
The reporter's e-mail address goes to the editors only, never to the organisation.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from wagtail.models import Locale

from cms import roles
from cms.mail import send_templated_mail, user_language
from directory.models import CorrectionReport, Organisation
from directory.spam import HoneypotMixin, RateLimit
from directory.suggestions import (
    AccessibleFormMixin,
    PlainTextField,
    admin_url,
    organisation_edit_url,
    too_many,
)


class CorrectionForm(AccessibleFormMixin, HoneypotMixin, forms.Form):
    message = PlainTextField(
        label=_("What is wrong or missing?"),
        multiline=True,
        max_length=2000,
        help_text=_("For example a new address, other meeting times or a new website."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_(
            "Only if we may ask you about it. Only the editors of the city see it; "
            "it is not passed on to the organisation."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def live_profile(slug):
    """(German source entry, what the reader sees) of a published organisation."""
    source = get_object_or_404(Organisation, locale=Locale.get_default(), slug=slug, live=True)
    reader = Locale.get_active()
    shown = source
    if reader.pk != source.locale_id:
        shown = (
            Organisation.objects.filter(
                translation_key=source.translation_key, locale=reader, live=True
            ).first()
            or source
        )
    return source, shown


def _send_by_language(template, users, context, reply_to=None):
    by_language = {}
    for user in users:
        if user.email and user.is_active:
            by_language.setdefault(user_language(user), set()).add(user.email)
    sent = 0
    for language, addresses in sorted(by_language.items()):
        sent += send_templated_mail(template, addresses, language, context, reply_to=reply_to)
    return sent, set().union(*by_language.values()) if by_language else set()


def notify_correction(report):
    organisation = report.organisation
    context = {
        "name": organisation.name,
        "message": report.message,
        "profile_url": admin_url(organisation.get_url()),
        "edit_url": organisation_edit_url(organisation),
        "report_url": admin_url(reverse("correction_reports:edit", args=[report.pk])),
        "corrections_email": settings.DIRECTORY_CORRECTIONS_EMAIL,
    }
    User = get_user_model()

    # The organisation: its members (each in their language), else its public address.
    members = User.objects.filter(
        organisation_memberships__organisation=organisation, is_active=True
    ).distinct()
    sent, _addresses = _send_by_language(
        "correction_organisation", members, {**context, "has_account": True}
    )
    if not sent and organisation.email:
        send_templated_mail(
            "correction_organisation",
            [organisation.email],
            settings.LANGUAGE_CODE,
            {**context, "has_account": False},
        )

    # The editors, with the reporter's address to reply to.
    editor_context = {**context, "reporter_email": report.email, "language": report.language}
    reply_to = [report.email] if report.email else None
    editors = User.objects.filter(groups__name=roles.EDITORS, is_active=True).distinct()
    _sent, reached = _send_by_language("correction_editors", editors, editor_context, reply_to)
    corrections_email = settings.DIRECTORY_CORRECTIONS_EMAIL
    if corrections_email and corrections_email not in reached:
        send_templated_mail(
            "correction_editors",
            [corrections_email],
            settings.LANGUAGE_CODE,
            editor_context,
            reply_to=reply_to,
        )


@never_cache
@csrf_protect
def report_correction(request, slug):
    source, shown = live_profile(slug)
    template = "directory/correction_form.html"
    rate_limit = RateLimit("correction")
    context = {
        "organisation": shown,
        "source": source,
        "is_fallback": shown.locale_id != Locale.get_active().pk,
        "rate_limit": rate_limit,
    }
    if request.method == "POST":
        form = CorrectionForm(request.POST)
        context["form"] = form
        if not rate_limit.hit(request):
            return too_many(request, template, context)
        if form.is_spam:
            form.is_valid()
            form.add_error(None, _("The form could not be sent. Please try again."))
            return render(request, template, context, status=400)
        if form.is_valid():
            report = CorrectionReport.objects.create(
                organisation=source,
                message=form.cleaned_data["message"],
                email=form.cleaned_data["email"],
                language=get_language(),
            )
            notify_correction(report)
            return redirect("directory:correction_thanks", slug=source.slug)
        return render(request, template, context, status=400)
    context["form"] = CorrectionForm()
    return render(request, template, context)


def correction_thanks(request, slug):
    source, shown = live_profile(slug)
    return render(
        request,
        "directory/correction_thanks.html",
        {
            "organisation": shown,
            "source": source,
            "is_fallback": shown.locale_id != Locale.get_active().pk,
        },
    )
