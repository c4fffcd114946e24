"""Helpers for demo content: translate an object the way a translator would, through
wagtail-localize's own models, so demo translations behave exactly like real ones
(the translation editor opens on them, "Sync" updates them)."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def publish_translation(instance, language_code, texts):
    """Translate `instance` (German source) into `language_code` and publish it.

    `texts` maps German source strings to their translation; strings without an entry
    keep the German text. Does nothing if the translation already exists, so demo
    loading stays idempotent.
    """
    locale = Locale.objects.get(language_code=language_code)
    if instance.get_translation_or_none(locale) is not None:
        return None
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        translated = texts.get(segment.string.data)
        if translated:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translated, "translation_type": "manual"},
            )
    # save_target(publish=True) defers publishing to transaction.on_commit, which never
    # runs inside a test transaction and, in one long transaction, published a stale copy
    # of the page (wrong child count). Save a draft, then publish it right here.
    translation.save_target(publish=False)
    target = instance.get_translation(locale)
    target.get_latest_revision().publish()
    target.refresh_from_db()
    return target
