"""Template tags of the content pages: breadcrumbs, "last updated", document details."""

from django import template
from django.template.defaultfilters import filesizeformat
from wagtail.models import Page

from topics.localization import localize_pages

register = template.Library()

# A decorative symbol per topic icon (aria-hidden in the templates).
TOPIC_SYMBOLS = {
    "work": "💼",
    "residence": "⚖",
    "education": "🎓",
    "health": "⚕",
    "housing": "🏠",
    "children": "🧸",
    "sport": "⚽",
    "participation": "🤝",
    "equality": "✊",
    "info": "ℹ",
}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Home → … → this page, in the reader's language (German where not translated)."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return {"crumbs": []}
    ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"crumbs": localize_pages(ancestors, request), "page": page}


@register.simple_tag
def document_info(document):
    """'PDF, 1.2 MB': the file type and size readers see before they download."""
    extension = (document.file_extension or "").upper()
    size = document.get_file_size()
    if size is None:
        return extension
    return f"{extension}, {filesizeformat(size)}" if extension else filesizeformat(size)


@register.simple_tag
def topic_symbol(icon):
    return TOPIC_SYMBOLS.get(icon, TOPIC_SYMBOLS["info"])
