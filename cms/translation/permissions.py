"""Who may write which translation.

Pages: Wagtail's own tree permissions. Each language group ("Übersetzung: العربية (ar)")
holds `change_page` and `publish_page` on the root page(s) of its locale's tree only, so a
translator of Arabic can edit and publish Arabic pages and nothing in the German tree.

Translatable snippets (organisations, vocabularies, glossary terms): the language groups
hold the model permissions `change_<model>` (and `publish_<model>`), which Wagtail checks
per type only. When a user has such a permission *only* through translator groups, it is
limited here to instances in the translator's locales. A permission policy registered for
the model (e.g. the organisation editors' policy) is honoured as well.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from cms import roles


def translatable_snippet_models():
    """Every registered snippet model that wagtail-localize can translate."""
    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


def snippet_url_namespace(model):
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is not None:
        return viewset.url_namespace
    return f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}"


def translator_locale_ids(user):
    """Ids of the locales `user` translates into (through their language groups)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_translator_locales", None)
    if cached is None:
        from cms.translation.models import TranslatorLanguage

        cached = frozenset(
            TranslatorLanguage.objects.filter(group__user=user).values_list("locale_id", flat=True)
        )
        user._portal_translator_locales = cached
    return cached


def _translator_group_q():
    return Q(name=roles.TRANSLATORS) | Q(translator_language__isnull=False)


def has_unscoped_model_permission(user, model, action):
    """True if `user` holds `<action>_<model>` other than through a translator group
    (directly, or through an editor or organisation group)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = user.__dict__.setdefault("_portal_unscoped_perms", {})
    key = (model._meta.label, action)
    if key not in cache:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        codename = f"{action}_{model._meta.model_name}"
        groups = user.groups.exclude(_translator_group_q())
        cache[key] = (
            Permission.objects.filter(content_type=content_type, codename=codename)
            .filter(Q(user=user) | Q(group__in=groups))
            .exists()
        )
    return cache[key]


def snippet_locale_allowed(user, instance, action="change"):
    """The translator restriction on one translatable snippet instance."""
    if not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return True
    if has_unscoped_model_permission(user, type(instance), action):
        return True
    return instance.locale_id in translator_locale_ids(user)


def user_can_edit_instance(user, instance):
    """May `user` write into `instance` (a page or a snippet, source or translation)?

    Stricter than wagtail-localize's own check, which looks only at the snippet type.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    policy = policy_registry.get_by_type(type(instance))
    if not policy.user_has_permission_for_instance(user, "change", instance):
        return False
    return snippet_locale_allowed(user, instance)


def user_can_translate_locale(user, locale):
    """Shown in the queue and digest: may `user` translate into `locale` at all?"""
    return user.is_superuser or locale.pk in translator_locale_ids(user)
