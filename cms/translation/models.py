from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.cache import flush_cache_hits


class TranslatorLanguage(models.Model):
    """The group whose members translate into one locale ("Übersetzung: العربية (ar)").

    Created automatically for every locale (also locales added later in the admin) by
    `cms.translation.groups.sync_translator_groups`. Editors assign a translator to a
    language by adding the user to the group in *Settings → Users*.
    """

    locale = models.OneToOneField(
        Locale, verbose_name=_("locale"), on_delete=models.CASCADE, related_name="+"
    )
    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="translator_language",
    )

    class Meta:
        verbose_name = _("translator language")
        verbose_name_plural = _("translator languages")

    def __str__(self):
        return self.group.name


class MachineTranslationReview(models.Model):
    """A translator confirmed that the machine-translated segments of a translation were
    reviewed. Until then, the published translation shows a "machine translated" note."""

    translation = models.OneToOneField(
        "wagtail_localize.Translation",
        verbose_name=_("translation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("machine translation review")
        verbose_name_plural = _("machine translation reviews")

    def __str__(self):
        return f"{self.translation} ({self.reviewed_at:%Y-%m-%d})"


class ContentViewCount(models.Model):
    """An anonymous view counter per content item (all languages together).

    The portal has no analytics. "Most read" is measured with this counter only: one
    number per page, incremented when a public page is served to an anonymous reader.
    No IP address, cookie, user agent or time of a view is stored.
    """

    translation_key = models.UUIDField(_("translation key"), unique=True)
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("content view count")
        verbose_name_plural = _("content view counts")

    def __str__(self):
        return f"{self.translation_key}: {self.views}"


VIEW_COUNTER_PREFIX = "portal:views:"


def count_page_view(translation_key, times=1):
    """`times` more views of the content with this translation key.

    Counted in the cache (one INCR, no database write: page-cache hits call this too)
    and moved into ContentViewCount by `flush_view_counts`, which "most read" calls
    before it reads the table.
    """
    key = f"{VIEW_COUNTER_PREFIX}{translation_key}"
    try:
        cache.incr(key, times)
    except ValueError:  # no counter yet (or evicted)
        if not cache.add(key, times, timeout=None):
            cache.incr(key, times)


def flush_view_counts(translation_keys):
    """Add the views counted in the cache for these translation keys to the table."""
    flush_cache_hits()  # page-cache hits this process has not handed over yet
    keys = {f"{VIEW_COUNTER_PREFIX}{key}": key for key in translation_keys}
    for cache_key, count in cache.get_many(list(keys)).items():
        if not count:
            continue
        cache.decr(cache_key, count)  # views counted meanwhile stay in the cache
        counter = ContentViewCount.objects.filter(translation_key=keys[cache_key])
        if not counter.update(views=models.F("views") + count):
            ContentViewCount.objects.get_or_create(translation_key=keys[cache_key])
            counter.update(views=models.F("views") + count)
