from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Organisationen"

    def ready(self):
        from cms.translation.glossary import register_glossary_source
        from directory import notifications
        from directory.models import District, FocusArea, Language, Organisation, Origin
        from directory.permissions import register_image_policy
        from search.registry import register_searchable

        register_searchable(
            Organisation,
            "organisations",
            _("Organisations"),
            url=lambda organisation, request: organisation.get_url(),
        )
        # The vocabularies' names are terminology for translators (CSV/TBX export).
        for vocabulary in (Origin, Language, FocusArea, District):
            register_glossary_source(vocabulary)
        # Organisation editors choose only their organisations' images.
        register_image_policy()
        # Moderation decisions e-mailed to every member of the organisation.
        notifications.connect()
