from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TopicsConfig(AppConfig):
    name = "topics"
    verbose_name = "Themen"

    def ready(self):
        from cms.translation.glossary import register_glossary_source
        from search.registry import register_page_type, register_searchable
        from topics.models import (
            EventPage,
            GlossaryTerm,
            LeitbildPage,
            NewsPage,
            TopicPage,
            glossary_term_url,
        )

        register_page_type(TopicPage, "topics", _("Topics"))
        register_page_type(LeitbildPage, "leitbild", _("Migrationsleitbild"))
        register_page_type(NewsPage, "news", _("News"))
        register_page_type(EventPage, "events", _("Events"))
        register_searchable(GlossaryTerm, "glossary", _("Glossary"), url=glossary_term_url)
        # Terminology for translators (CSV/TBX export per language).
        register_glossary_source(GlossaryTerm, term_field="term", note_field="explanation")
