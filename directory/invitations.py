"""Invitations to edit an organisation's entry, and the organisation's memberships.

Who may do what (checked on the server in every view, for the organisation in the URL):

- A KI editor (model permission `directory.add_organisation`, i.e. "Redaktion", or a
  superuser) invites people to *any* organisation, as owner or editor, and revokes any
  invitation or membership.
- An owner of an organisation (`OrganisationMembership.Role.OWNER`) invites further
  *editors* to that organisation only, and revokes editor invitations and removes editor
  memberships of that organisation only.
- Anyone else gets HTTP 403, whatever id they type.

The e-mailed link carries a random token; the database keeps only its SHA-256 hash. The
link is single use, expires after `INVITATION_VALID_DAYS` and can be revoked. Opening it
(public, language-prefixed URL) lets a new person set a password (username = e-mail), or
asks a person who already has an account to log in and then links that account. Either
way the person joins the group "Organisationen", gets the membership, is logged in and
lands on the admin dashboard.

Memberships and invitations always point at the German source entry of an organisation.
"""

import functools

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from cms import roles
from cms.languages import PORTAL_LANGUAGES
from cms.mail import send_templated_mail
from directory.models import Organisation
from directory.selfservice_models import (
    INVITATION_VALID_DAYS,
    OrganisationInvitation,
    OrganisationMembership,
    hash_token,
    new_invitation_token,
)

Role = OrganisationMembership.Role
EDITOR_PERMISSION = "directory.add_organisation"


# --- who may do what -------------------------------------------------------------------


def is_directory_editor(user):
    """A KI editor: may invite anyone to any organisation."""
    return user.is_authenticated and user.is_active and user.has_perm(EDITOR_PERMISSION)


def owned_organisation_ids(user):
    if not (user.is_authenticated and user.is_active):
        return set()
    cached = getattr(user, "_owned_organisation_ids", None)
    if cached is None:
        cached = set(
            OrganisationMembership.objects.filter(user=user, role=Role.OWNER).values_list(
                "organisation_id", flat=True
            )
        )
        user._owned_organisation_ids = cached
    return cached


def manageable_roles(user, organisation):
    """The membership roles `user` may invite to / remove from `organisation` ([] = none)."""
    if is_directory_editor(user):
        return [Role.OWNER, Role.EDITOR]
    if organisation.pk in owned_organisation_ids(user):
        return [Role.EDITOR]
    return []


def can_manage_members(user, organisation):
    return bool(manageable_roles(user, organisation))


def user_may_see_members_menu(user):
    return is_directory_editor(user) or bool(owned_organisation_ids(user))


def source_organisation(pk):
    """The German source entry of the organisation with this pk (which may be a translation)."""
    organisation = get_object_or_404(Organisation, pk=pk)
    default_locale = Locale.get_default()
    if organisation.locale_id != default_locale.pk:
        organisation = organisation.get_translation_or_none(default_locale) or organisation
    return organisation


def organisation_for_manager(request, pk):
    """The organisation in the URL and the roles the user manages there; 403 otherwise.
    (An invitation or membership id that is not of this organisation is a 403 too: in the
    admin, LocaleMiddleware turns every 404 into a redirect to /de/admin/….)"""
    organisation = source_organisation(pk)
    allowed = manageable_roles(request.user, organisation)
    if not allowed:
        raise PermissionDenied
    return organisation, allowed


# --- sending ----------------------------------------------------------------------------


def absolute_public_url(viewname, language, **kwargs):
    """A public, language-prefixed URL (/en/…) with the site's base address."""
    with translation.override(language):
        path = reverse(viewname, kwargs=kwargs)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def normalise_email(address):
    return address.strip().lower()


def create_invitation(*, organisation, email, role, language, created_by):
    """Store a new invitation (earlier open ones to the same address are revoked) and
    e-mail its link in `language`. Returns the invitation."""
    email = normalise_email(email)
    token, token_hash = new_invitation_token()
    with transaction.atomic():
        OrganisationInvitation.objects.filter(
            organisation=organisation,
            email__iexact=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
        ).update(revoked_at=timezone.now())
        invitation = OrganisationInvitation.objects.create(
            organisation=organisation,
            email=email,
            role=role,
            language=language,
            token_hash=token_hash,
            created_by=created_by,
        )
    inviter = ""
    if created_by is not None:
        inviter = created_by.get_full_name() or created_by.email or created_by.get_username()
    send_templated_mail(
        "organisation_invitation",
        [email],
        language,
        {
            "invitation": invitation,
            "organisation_name": organisation.name,
            "inviter": inviter,
            "link": absolute_public_url("directory:invitation", language, token=token),
            "valid_days": INVITATION_VALID_DAYS,
        },
    )
    return invitation


# --- admin screens ----------------------------------------------------------------------


def forbidden_as_403(view):
    """Answer HTTP 403 with an explanation (Wagtail's admin would turn a PermissionDenied
    into a redirect to the dashboard, which hides from scripts and tests what happened)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(
                request,
                "directory/admin/forbidden.html",
                {"page_title": _("Members and invitations")},
                status=403,
            )

    return wrapped


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=254)
    role = forms.ChoiceField(label=gettext_lazy("Role"))
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the e-mail"),
        choices=PORTAL_LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )

    def __init__(self, *args, organisation, roles_allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["role"].choices = [
            (value, label) for value, label in Role.choices if value in roles_allowed
        ]
        self.fields["role"].initial = Role.EDITOR

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if OrganisationMembership.objects.filter(
            organisation=self.organisation, user__email__iexact=email
        ).exists():
            raise ValidationError(_("This person is already a member of the organisation."))
        return email


@forbidden_as_403
def members_index(request):
    """The organisations whose members the user manages (all, for KI editors)."""
    if not user_may_see_members_menu(request.user):
        raise PermissionDenied
    default_locale = Locale.get_default()
    organisations = Organisation.objects.filter(locale=default_locale)
    query = request.GET.get("q", "").strip()[:100]
    if not is_directory_editor(request.user):
        organisations = organisations.filter(pk__in=owned_organisation_ids(request.user))
    if query:
        organisations = organisations.filter(name__icontains=query)
    organisations = organisations.annotate(
        member_count=Count("memberships", distinct=True),
        open_invitation_count=Count(
            "invitations",
            filter=Q(
                invitations__accepted_at__isnull=True,
                invitations__revoked_at__isnull=True,
                invitations__expires_at__gt=timezone.now(),
            ),
            distinct=True,
        ),
    ).order_by("name")
    page = Paginator(organisations, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "directory/admin/members_index.html",
        {
            "page_title": _("Members and invitations"),
            "organisations": page,
            "query": query,
            "show_search": is_directory_editor(request.user),
        },
    )


@forbidden_as_403
def organisation_members(request, pk):
    """One organisation: its members, its invitations and the form to invite someone."""
    organisation, allowed = organisation_for_manager(request, pk)
    if request.method == "POST":
        form = InviteForm(request.POST, organisation=organisation, roles_allowed=allowed)
        if form.is_valid():
            invitation = create_invitation(
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                language=form.cleaned_data["language"],
                created_by=request.user,
            )
            messages.success(
                request,
                _("The invitation was sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("directory_members", pk=organisation.pk)
    else:
        form = InviteForm(organisation=organisation, roles_allowed=allowed)
    memberships = organisation.memberships.select_related("user", "invited_by").order_by(
        "user__email"
    )
    invitations = organisation.invitations.select_related("created_by", "accepted_by")
    return TemplateResponse(
        request,
        "directory/admin/organisation_members.html",
        {
            "page_title": _("Members of %(organisation)s") % {"organisation": organisation.name},
            "organisation": organisation,
            "form": form,
            "memberships": [(m, m.role in allowed) for m in memberships],
            "invitations": [(i, i.role in allowed and i.is_usable) for i in invitations],
            "is_editor": is_directory_editor(request.user),
        },
    )


@forbidden_as_403
@require_POST
def revoke_invitation(request, pk, invitation_pk):
    organisation, allowed = organisation_for_manager(request, pk)
    invitation = OrganisationInvitation.objects.filter(
        pk=invitation_pk, organisation=organisation
    ).first()
    if invitation is None or invitation.role not in allowed:
        raise PermissionDenied
    updated = OrganisationInvitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    if updated:
        messages.success(
            request,
            _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email},
        )
    else:
        messages.warning(request, _("This invitation was already accepted or withdrawn."))
    return redirect("directory_members", pk=organisation.pk)


@forbidden_as_403
@require_POST
def remove_membership(request, pk, membership_pk):
    organisation, allowed = organisation_for_manager(request, pk)
    membership = (
        OrganisationMembership.objects.select_related("user")
        .filter(pk=membership_pk, organisation=organisation)
        .first()
    )
    if membership is None or membership.role not in allowed:
        raise PermissionDenied
    user = membership.user
    with transaction.atomic():
        membership.delete()
        if not OrganisationMembership.objects.filter(user=user).exists():
            user.groups.remove(*Group.objects.filter(name=roles.ORGANISATIONS))
    messages.success(
        request,
        _("%(user)s can no longer edit %(organisation)s.")
        % {"user": user.email or user.get_username(), "organisation": organisation.name},
    )
    return redirect("directory_members", pk=organisation.pk)


# --- the public link ---------------------------------------------------------------------


class AcceptInvitationForm(forms.Form):
    """A new person's name and password (Django's password validators apply)."""

    first_name = forms.CharField(
        label=gettext_lazy("First name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=gettext_lazy("Last name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password1 = forms.CharField(
        label=gettext_lazy("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=gettext_lazy("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        help_text = password_validation.password_validators_help_text_html()
        self.fields["password1"].help_text = help_text

    def clean(self):
        cleaned = super().clean()
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match."))
        elif password1:
            candidate = get_user_model()(
                username=self.email,
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


def existing_account(email):
    User = get_user_model()
    return (
        User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .order_by("pk")
        .first()
    )


def invitation_problem(invitation):
    """(HTTP status, message) when the link cannot be used, else None."""
    if invitation is None:
        return 404, _(
            "This invitation link is not valid. Please check that you opened the whole "
            "link from the e-mail, or ask for a new invitation."
        )
    if invitation.accepted_at is not None:
        return 410, _(
            "This invitation has already been used. If you accepted it, log in with your "
            "e-mail address and password."
        )
    if invitation.revoked_at is not None:
        return 410, _("This invitation was withdrawn. Please ask for a new invitation.")
    if invitation.expires_at <= timezone.now():
        return 410, _(
            "This invitation has expired: links are valid for %(days)d days. Please ask "
            "for a new invitation."
        ) % {"days": INVITATION_VALID_DAYS}
    return None


class InvitationUnusable(Exception):
    pass


def redeem(invitation, get_user):
    """Accept `invitation` for the user `get_user()` returns, atomically and only once."""
    with transaction.atomic():
        locked = OrganisationInvitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_usable:
            raise InvitationUnusable
        user = get_user()
        membership, created = OrganisationMembership.objects.get_or_create(
            user=user,
            organisation_id=locked.organisation_id,
            defaults={"role": locked.role, "invited_by": locked.created_by},
        )
        if not created and locked.role == Role.OWNER and membership.role != Role.OWNER:
            membership.role = Role.OWNER
            membership.save(update_fields=["role"])
        group, _created = Group.objects.get_or_create(name=roles.ORGANISATIONS)
        user.groups.add(group)
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by"])
    return user


def _set_admin_language(user, language):
    from wagtail.users.models import UserProfile

    if language in dict(getattr(settings, "WAGTAILADMIN_PERMITTED_LANGUAGES", [])):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


def _refused(request, status, message):
    return TemplateResponse(
        request, "directory/invitation_invalid.html", {"message": message}, status=status
    )


@never_cache
def accept_invitation(request, token):
    invitation = (
        OrganisationInvitation.objects.select_related("organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    problem = invitation_problem(invitation)
    if problem:
        return _refused(request, *problem)

    context = {"invitation": invitation, "organisation": invitation.organisation}
    account = existing_account(invitation.email)
    if account is not None:
        # Someone with this address already has an account: they log in first, then
        # confirm (a POST) to link it.
        if request.user.is_authenticated and request.user.pk == account.pk:
            if request.method == "POST":
                try:
                    redeem(invitation, lambda: account)
                except InvitationUnusable:
                    invitation.refresh_from_db()
                    return _refused(request, *invitation_problem(invitation))
                return HttpResponseRedirect(reverse("wagtailadmin_home"))
            return TemplateResponse(request, "directory/invitation_link_account.html", context)
        context["login_url"] = (
            f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.path})}"
        )
        context["logged_in_as_other"] = request.user.is_authenticated
        return TemplateResponse(request, "directory/invitation_login_first.html", context)

    form = AcceptInvitationForm(
        request.POST if request.method == "POST" else None, email=invitation.email
    )
    if request.method == "POST" and form.is_valid():

        def create_user():
            return get_user_model().objects.create_user(
                username=invitation.email,
                email=invitation.email,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )

        try:
            user = redeem(invitation, create_user)
        except InvitationUnusable:
            invitation.refresh_from_db()
            return _refused(request, *invitation_problem(invitation))
        _set_admin_language(user, invitation.language)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return HttpResponseRedirect(reverse("wagtailadmin_home"))
    context["form"] = form
    return TemplateResponse(request, "directory/invitation_accept.html", context)
