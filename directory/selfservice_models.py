"""Models of organisation self-service (imported into directory.models).

Memberships, invitations, public suggestions and correction reports all point at the
*German source* entry of an organisation: a membership covers every translation of it
(they share the `translation_key`).
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_VALID_DAYS = 14


class OrganisationMembership(models.Model):
    """A user who may edit an organisation's entry (drafts and submissions only)."""

    class Role(models.TextChoices):
        OWNER = "owner", _("owner")
        EDITOR = "editor", _("editor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


def new_invitation_token():
    """(token for the link, hash to store): the database never holds a usable link."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def default_invitation_expiry():
    return timezone.now() + timezone.timedelta(days=INVITATION_VALID_DAYS)


class OrganisationInvitation(models.Model):
    """An e-mailed, single-use link that lets a person set a password and join."""

    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(
        _("role"),
        max_length=10,
        choices=OrganisationMembership.Role.choices,
        default=OrganisationMembership.Role.EDITOR,
    )
    language = models.CharField(_("language of the e-mail"), max_length=10, default="de")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=default_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_usable(self):
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class OrganisationSuggestion(models.Model):
    """Who proposed a new entry through the public form (the entry itself is a draft
    Organisation in moderation). Kept for the reply; deleted with the entry."""

    organisation = models.OneToOneField(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="suggestion",
    )
    email = models.EmailField(_("e-mail of the proposer"))
    language = models.CharField(_("language of the proposer"), max_length=10, default="de")
    consent_at = models.DateTimeField(_("consent to storing the e-mail given"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("suggested entry")
        verbose_name_plural = _("suggested entries")

    def __str__(self):
        return str(self.organisation)


class CorrectionReport(models.Model):
    """A reader's "report a correction" on a public profile."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="correction_reports",
    )
    message = models.TextField(_("what is wrong"), max_length=2000)
    email = models.EmailField(_("e-mail for questions"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="de")
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("correction report")
        verbose_name_plural = _("correction reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation}: {self.message[:40]}"
