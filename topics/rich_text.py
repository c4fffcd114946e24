"""Glossary links in rich text: `<a linktype="glossary" id="…">` in the database becomes
a link to the term on the glossary page in the reader's language."""

from django.utils.html import escape
from wagtail.admin.rich_text.converters.html_to_contentstate import LinkElementHandler
from wagtail.rich_text import LinkHandler

ENTITY_TYPE = "GLOSSARY"


class GlossaryLinkHandler(LinkHandler):
    identifier = "glossary"

    @staticmethod
    def get_model():
        from topics.models import GlossaryTerm

        return GlossaryTerm

    @classmethod
    def expand_db_attributes(cls, attrs):
        return cls.expand_db_attributes_many([attrs])[0]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        from topics.localization import reader_locale, swap_language_prefix
        from topics.models import glossary_page_for_reader

        terms = cls.get_many(attrs_list)
        glossary = glossary_page_for_reader() if any(terms) else None
        base = ""
        if glossary is not None:
            base = glossary.url or ""
            language = reader_locale().language_code
            if glossary.locale.language_code != language:
                base = swap_language_prefix(base, language)
        return [
            f'<a class="glossary-link" href="{escape(base)}#{escape(term.slug)}">'
            if term is not None and base
            else "<a>"
            for term in terms
        ]

    @classmethod
    def extract_references(cls, attrs):
        yield cls.get_model(), attrs["id"], "", ""


class GlossaryLinkElementHandler(LinkElementHandler):
    """Database HTML → editor: keep the term's id on the entity."""

    def get_attribute_data(self, attrs):
        from topics.models import GlossaryTerm

        term = GlossaryTerm.objects.filter(pk=attrs.get("id")).first()
        return {"id": attrs.get("id"), "label": term.term if term else ""}


def glossary_entity_decorator(props):
    """Editor → database HTML."""
    from draftjs_exporter.dom import DOM

    return DOM.create_element(
        "a", {"linktype": "glossary", "id": props.get("id")}, props["children"]
    )
