"""Who may do what with which organisation (the object-level rules of self-service).

Wagtail checks snippet permissions per *type*; this policy (registered for Organisation
at the top of directory/wagtail_hooks.py) narrows them per *object*, by where a user's
model permission comes from:

- directly on the user, or through any group other than the two below (Redaktion,
  Moderation, …): every organisation;
- through the "Organisationen" group: only the German source entries of the
  organisations the user is a member of (`OrganisationMembership`). Not their
  translations: wagtail-localize's editor saves strings outside the moderation workflow,
  so translations are the translators' work (TECH-NOTES: moderation applies to the
  source entry);
- through a translator group ("Übersetzung: …"): only organisations in the translator's
  locales.

So an organisation editor holds `change_organisation` (and nothing else) and may change
only their own entries; add, delete, publish, lock and unlock stay with the groups that
hold those permissions. The fields only the KI manages are guarded by
`MANAGE_FIELDS_PERMISSION` (see `Organisation.panels`).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from cms import roles

MANAGE_FIELDS_CODENAME = "manage_organisation_fields"
MANAGE_FIELDS_PERMISSION = f"directory.{MANAGE_FIELDS_CODENAME}"

ALL = "all"


def _translator_group_q(prefix=""):
    return Q(**{f"{prefix}name": roles.TRANSLATORS}) | Q(
        **{f"{prefix}translator_language__isnull": False}
    )


class OrganisationPermissionPolicy(ModelPermissionPolicy):
    def _permission(self, action):
        content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        return Permission.objects.filter(
            content_type=content_type, codename=self._get_permission_codename(action)
        ).first()

    def _scope(self, user, action):
        """ALL, or (organisation pks, locale ids) the user may `action` on."""
        if not (user.is_authenticated and user.is_active):
            return (frozenset(), frozenset())
        if user.is_superuser:
            return ALL
        cache = user.__dict__.setdefault("_portal_organisation_scopes", {})
        if action in cache:
            return cache[action]
        scope = (frozenset(), frozenset())
        permission = self._permission(action)
        if permission is not None and user.has_perm(self._get_permission_name(action)):
            if permission.user_set.filter(pk=user.pk).exists():
                scope = ALL
            else:
                groups = user.groups.filter(permissions=permission)
                if groups.exclude(_translator_group_q()).exclude(name=roles.ORGANISATIONS).exists():
                    scope = ALL
                else:
                    pks, locales = frozenset(), frozenset()
                    if groups.filter(name=roles.ORGANISATIONS).exists():
                        pks = member_organisation_pks(user)
                    if groups.filter(_translator_group_q()).exists():
                        from cms.translation.permissions import translator_locale_ids

                        locales = translator_locale_ids(user)
                    scope = (pks, locales)
        cache[action] = scope
        return scope

    def is_restricted(self, user):
        """True for users who see only some organisations (members, translators)."""
        return self._scope(user, "change") != ALL

    def user_has_permission_for_instance(self, user, action, instance):
        scope = self._scope(user, action)
        if scope == ALL:
            return True
        pks, locales = scope
        return instance.pk in pks or instance.locale_id in locales

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        condition = Q(pk__in=[])
        for action in actions:
            scope = self._scope(user, action)
            if scope == ALL:
                return manager.all()
            pks, locales = scope
            condition |= Q(pk__in=pks) | Q(locale_id__in=locales)
        return manager.filter(condition)

    def users_with_any_permission_for_instance(self, actions, instance):
        codenames = self._get_permission_codenames(actions)
        content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        permissions = Permission.objects.filter(content_type=content_type, codename__in=codenames)
        with_permission = Group.objects.filter(permissions__in=permissions)
        unrestricted_groups = with_permission.exclude(_translator_group_q()).exclude(
            name=roles.ORGANISATIONS
        )
        members = Q(groups__in=with_permission.filter(name=roles.ORGANISATIONS)) & Q(
            organisation_memberships__organisation=instance.pk
        )
        translators = Q(
            groups__in=with_permission.filter(translator_language__locale_id=instance.locale_id)
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=permissions)
                | Q(groups__in=unrestricted_groups)
                | members
                | translators
            )
            .distinct()
        )


def member_organisation_pks(user):
    """pks of the (German source) organisations `user` is a member of."""
    from directory.models import OrganisationMembership

    return frozenset(
        OrganisationMembership.objects.filter(user=user).values_list("organisation_id", flat=True)
    )


def choosable_images(user, images):
    """The part of `images` that `user` may pick, as a logo or anywhere else.

    Organisation editors choose among the images uploaded by the members of their
    organisations and their organisations' current logos: not the editors' library, and
    not another organisation's upload that may still be waiting for moderation. Everyone
    else: all of `images`.
    """
    from directory.models import Organisation, OrganisationMembership
    from directory.moderation_admin import is_organisation_editor

    if not is_organisation_editor(user):
        return images
    organisations = member_organisation_pks(user)
    colleagues = OrganisationMembership.objects.filter(organisation_id__in=organisations)
    logos = Organisation.objects.filter(pk__in=organisations, logo__isnull=False)
    return images.filter(
        Q(uploaded_by_user_id__in=colleagues.values("user_id")) | Q(pk__in=logos.values("logo_id"))
    )


class OrganisationImagePolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's image policy with "choose" narrowed to `choosable_images`.

    Registered for the image model in DirectoryConfig.ready(). Every image chooser view
    asks this policy (the list, `chosen/<pk>/`, `chosen-multiple/?id=…`,
    `<pk>/select_format/`), so the rule holds however an id is spelled in the URL.
    """

    def user_has_permission_for_instance(self, user, action, instance):
        allowed = super().user_has_permission_for_instance(user, action, instance)
        if allowed and action == "choose":
            return choosable_images(user, self.model.objects.filter(pk=instance.pk)).exists()
        return allowed

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if "choose" in actions:
            return choosable_images(user, instances)
        return instances


def register_image_policy():
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    # exact_class: wagtail.images registers its own policy (for subclasses too) after
    # this app's ready(); an exact registration takes precedence over it.
    model = get_image_model()
    policy = OrganisationImagePolicy(
        model, auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
    )
    register_permission_policy(model, policy, exact_class=True)


def member_organisations(user):
    """The German source entries `user` is a member of (for the dashboard)."""
    from directory.models import Organisation

    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).distinct()


def organisation_policy():
    from wagtail.permissions import policy_registry

    from directory.models import Organisation

    return policy_registry.get_by_type(Organisation)
