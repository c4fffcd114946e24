from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Portal für Münster"

    def ready(self):
        from cms import cache, roles
        from cms.translation import signals

        cache.connect_signals()

        # Models added by later migrations bring new permissions; make sure the roles get
        # them. Only ever adds, so changes the KI makes to a group in the admin survive.
        # Connected for every app: the receiver acts once, after the last app's
        # permissions exist (apps listed after `cms` create theirs after cms's signal).
        post_migrate.connect(
            roles.ensure_roles_after_migrate, dispatch_uid="cms.roles.ensure_roles"
        )
        # One translator group per locale, kept complete (cms/translation/groups.py).
        signals.connect()
