from wagtail.snippets.models import register_snippet

from tests.testapp.models import VocabularyTerm

register_snippet(VocabularyTerm)

from cms.translation.glossary import register_glossary_source  # noqa: E402

register_glossary_source(VocabularyTerm)
