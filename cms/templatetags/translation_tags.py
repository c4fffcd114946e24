"""Reader notes on translated content (templates/components/translation_note.html)."""

from django import template

from cms.translation.notes import reader_note

register = template.Library()


@register.inclusion_tag("components/translation_note.html")
def translation_note(instance):
    """ "Translated from German on DATE" on every published translation, plus a
    "machine translated" note while machine translation is unreviewed."""
    return {"note": reader_note(instance) if instance is not None else None}
