"""Build a demo site a person can click through. Idempotent: a second run changes nothing.

Each app contributes its own `demo.load()`; later apps build on earlier ones (topics
pages hang below the home pages, the directory links topics to focus areas).
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from cms import roles

DEMO_LOADERS = ["home.demo", "topics.demo", "directory.demo"]

# Languages of the demo translator (per-language groups, cms/translation/groups.py).
DEMO_TRANSLATOR_LANGUAGES = {"uebersetzung": ["ar", "uk"]}

DEMO_USERS = [
    # username, group (None: superuser)
    ("admin", None),
    ("redaktion", roles.EDITORS),
    ("moderation", roles.MODERATORS),
    ("uebersetzung", roles.TRANSLATORS),
    ("verein", roles.ORGANISATIONS),
]

# The demo organisation account edits this entry (self-service, moderated).
DEMO_MEMBER_ORGANISATION = "syrischer-kulturverein-muenster"


class Command(BaseCommand):
    help = "Load the demo content and demo accounts (idempotent)."

    def handle(self, *args, **options):
        from importlib import import_module

        # No outer transaction on purpose: Wagtail runs deferred work on commit, and
        # one huge transaction around many publishes left the page tree's child counts
        # stale. Each loader is idempotent, so a failed run can simply be repeated.
        for module_name in DEMO_LOADERS:
            import_module(module_name).load()
        password = os.environ.get("DEMO_PASSWORD", "muenster-demo")
        self._demo_users(password)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        self.stdout.write(
            "Admin: http://127.0.0.1:8000/admin/  "
            f"user 'admin', password '{password}' "
            "(also 'redaktion', 'moderation', 'uebersetzung' and the organisation account "
            "'verein' with the same password)."
        )

    def _demo_users(self, password):
        User = get_user_model()
        for username, group_name in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "is_staff": group_name is None,
                    "is_superuser": group_name is None,
                },
            )
            if created or not user.check_password(password):
                user.set_password(password)
                user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            if group_name == roles.ORGANISATIONS:
                self._demo_membership(user)
            for code in DEMO_TRANSLATOR_LANGUAGES.get(username, []):
                from cms.translation.models import TranslatorLanguage

                link = TranslatorLanguage.objects.filter(locale__language_code=code).first()
                if link:
                    user.groups.add(link.group)

    def _demo_membership(self, user):
        from directory.models import Organisation, OrganisationMembership

        organisation = Organisation.objects.filter(
            locale__language_code="de", slug=DEMO_MEMBER_ORGANISATION
        ).first()
        if organisation is not None:
            OrganisationMembership.objects.get_or_create(
                user=user,
                organisation=organisation,
                defaults={"role": OrganisationMembership.Role.OWNER},
            )
