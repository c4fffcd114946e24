"""What readers are told about a translation: when it was translated from German, and
whether it still contains unreviewed machine translation. Three queries per page."""

from django.db.models import Max
from wagtail_localize.models import StringTranslation, Translation

from cms.locales import default_locale
from cms.translation.models import MachineTranslationReview


def translation_of_instance(instance):
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id
        )
        .select_related("source")
        .first()
    )


def unreviewed_machine_translation(translation):
    """True if the translation uses machine-translated segments that nobody has marked
    as reviewed since they were machine translated."""
    latest = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        context__stringsegment__source_id=translation.source_id,
    ).aggregate(latest=Max("updated_at"))["latest"]
    if latest is None:
        return False
    review = MachineTranslationReview.objects.filter(translation=translation).first()
    return review is None or review.reviewed_at < latest


def reader_note(instance):
    """{"published_at", "machine"} for a published translation of German content, or None."""
    if getattr(instance, "locale_id", None) is None:
        return None
    if instance.locale_id == default_locale().pk:
        return None
    if not getattr(instance, "live", True) or getattr(instance, "alias_of_id", None):
        return None
    translation = translation_of_instance(instance)
    if translation is None:
        return None
    return {
        "published_at": getattr(instance, "last_published_at", None),
        "machine": unreviewed_machine_translation(translation),
    }
