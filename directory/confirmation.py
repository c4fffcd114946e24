"""Annual confirmation: "is your entry still correct?"

When is an entry due?
    The *reference date* of an entry is its `last_confirmed` date; an entry that was
    never confirmed counts from the day it was first published (`first_published_at`),
    so a newly published entry is not asked at once, and the entries imported from the
    KI's old database are asked one year after their import — unless the import set
    `last_confirmed`, which it does when the old database knew it. Drafts that were never
    published have no reference date: nothing public to confirm, so they are neither
    reminded nor flagged.

    - `remind_organisations` (daily, cron) e-mails live German entries whose reference
      date is `REMIND_AFTER_MONTHS` (11) months old or older, at most once every
      `REMIND_AGAIN_AFTER_DAYS` (30) days (`confirmation_requested_at`).
    - After `FLAG_AFTER_MONTHS` (12) months the entry is flagged for the KI editors: a
      filter on the organisation listing and a dashboard panel with the count.

The one-click link
    `django.core.signing` over [organisation id, the current `last_confirmed`], valid for
    `CONFIRMATION_LINK_DAYS`. Confirming changes `last_confirmed`, so a used link no longer
    matches and cannot confirm again; an altered link fails the signature. Opening the link
    (GET) only shows a button: mail scanners follow links, and only the POST confirms.

Confirming sets `last_confirmed` to today on the German entry and all its translations
(it is a synchronised field) without moderation, and also in the content of their latest
and live revisions, so publishing a draft later does not bring the old date back.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Revision

from cms.mail import send_templated_mail, user_language
from directory.invitations import absolute_public_url
from directory.models import Organisation

REMIND_AFTER_MONTHS = 11
FLAG_AFTER_MONTHS = 12
REMIND_AGAIN_AFTER_DAYS = 30
CONFIRMATION_LINK_DAYS = 60
SALT = "directory.confirmation"


# --- who is due -------------------------------------------------------------------------


def not_confirmed_since(months, today=None):
    """Q: the entry's reference date (see above) is at least `months` months ago."""
    today = today or timezone.localdate()
    cutoff = today - relativedelta(months=months)
    cutoff_moment = timezone.make_aware(
        datetime.datetime.combine(cutoff + datetime.timedelta(days=1), datetime.time.min)
    )
    return Q(last_confirmed__lte=cutoff) | Q(
        last_confirmed__isnull=True, first_published_at__lt=cutoff_moment
    )


def overdue_organisations(today=None):
    """German entries not confirmed for `FLAG_AFTER_MONTHS` months (flagged for editors)."""
    return Organisation.objects.filter(locale=Locale.get_default()).filter(
        not_confirmed_since(FLAG_AFTER_MONTHS, today)
    )


def organisations_to_remind(now=None):
    now = now or timezone.now()
    recently = now - datetime.timedelta(days=REMIND_AGAIN_AFTER_DAYS)
    return (
        Organisation.objects.filter(locale=Locale.get_default(), live=True)
        .filter(not_confirmed_since(REMIND_AFTER_MONTHS, timezone.localdate(now)))
        .filter(
            Q(confirmation_requested_at__isnull=True) | Q(confirmation_requested_at__lt=recently)
        )
        .order_by("name")
    )


# --- the signed link --------------------------------------------------------------------


def _state(organisation):
    return organisation.last_confirmed.isoformat() if organisation.last_confirmed else ""


def confirmation_token(organisation):
    return signing.dumps([organisation.pk, _state(organisation)], salt=SALT)


class LinkProblem(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def organisation_from_token(token):
    """The German entry the link confirms; raises LinkProblem when it cannot be used."""
    invalid = LinkProblem(
        404,
        _(
            "This confirmation link is not valid. Please check that you opened the whole "
            "link from the e-mail."
        ),
    )
    try:
        pk, state = signing.loads(
            token, salt=SALT, max_age=datetime.timedelta(days=CONFIRMATION_LINK_DAYS)
        )
    except signing.SignatureExpired as error:
        raise LinkProblem(
            410,
            _(
                "This confirmation link has expired. You will receive a new one, or you "
                "can log in and check your entry."
            ),
        ) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise invalid from error
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        raise invalid
    if _state(organisation) != state:
        raise LinkProblem(
            410,
            _("This link was already used: the entry was confirmed on %(date)s. Thank you!")
            % {"date": date_format(organisation.last_confirmed, "SHORT_DATE_FORMAT")}
            if organisation.last_confirmed
            else _("This link can no longer be used."),
        )
    return organisation


# --- confirming -------------------------------------------------------------------------


def confirm(organisation, today=None):
    """Set `last_confirmed` on the entry, its translations and their latest/live revisions."""
    today = today or timezone.localdate()
    with transaction.atomic():
        rows = Organisation.objects.filter(translation_key=organisation.translation_key)
        revision_ids = set()
        for latest, live in rows.values_list("latest_revision_id", "live_revision_id"):
            revision_ids.update(pk for pk in (latest, live) if pk)
        rows.update(last_confirmed=today)
        for revision in Revision.objects.select_for_update().filter(pk__in=revision_ids):
            revision.content["last_confirmed"] = today.isoformat()
            revision.save(update_fields=["content"])
    from cms.cache import bump_generation

    bump_generation()  # the public profile shows the date
    organisation.last_confirmed = today


def edit_url(organisation):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_directory_organisation:edit", args=[organisation.pk]
    )


@never_cache
def confirm_view(request, token):
    try:
        organisation = organisation_from_token(token)
    except LinkProblem as problem:
        return TemplateResponse(
            request,
            "directory/confirmation_invalid.html",
            {"message": problem.message},
            status=problem.status,
        )
    context = {"organisation": organisation, "edit_url": edit_url(organisation)}
    if request.method == "POST":
        confirm(organisation)
        return TemplateResponse(request, "directory/confirmation_done.html", context)
    return TemplateResponse(request, "directory/confirmation_confirm.html", context)


# --- the reminder e-mail ----------------------------------------------------------------


def send_reminder(organisation, now=None):
    """E-mail the members (each in their language), else the entry's public address (in
    German). Marks the entry as asked when someone was e-mailed. Returns the number of
    e-mails sent."""
    now = now or timezone.now()
    by_language = {}
    for membership in organisation.memberships.select_related("user"):
        user = membership.user
        if user.is_active and user.email:
            by_language.setdefault(user_language(user), []).append(user.email)
    if not by_language and organisation.email:
        by_language[settings.LANGUAGE_CODE] = [organisation.email]
    token = confirmation_token(organisation)
    sent = 0
    for language, addresses in sorted(by_language.items()):
        sent += send_templated_mail(
            "organisation_confirmation_reminder",
            addresses,
            language,
            {
                "organisation_name": organisation.name,
                "last_confirmed": organisation.last_confirmed,
                "confirm_link": absolute_public_url(
                    "directory:confirmation", language, token=token
                ),
                "edit_link": edit_url(organisation),
                "valid_days": CONFIRMATION_LINK_DAYS,
            },
            # "Reply to this e-mail and we will invite you": replies reach the KI.
            reply_to=[
                getattr(settings, "DIRECTORY_CORRECTIONS_EMAIL", settings.DEFAULT_FROM_EMAIL)
            ],
        )
    if sent:
        Organisation.objects.filter(pk=organisation.pk).update(confirmation_requested_at=now)
    return sent
