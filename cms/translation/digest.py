"""The translators' e-mail digest: open work per language, sent to each translator of
that language (`manage.py send_translation_digest`, run by cron)."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.translation import status
from cms.translation.models import TranslatorLanguage


def send_digests(days=1):
    """One e-mail per translator with open work in their languages; nothing is sent to
    translators without open work. Returns the number of e-mails sent."""
    since = timezone.now() - timedelta(days=days)
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    links = TranslatorLanguage.objects.select_related("locale", "group")
    items_by_locale = {}
    for item in status.queue([link.locale for link in links]):
        items_by_locale.setdefault(item.locale.pk, []).append(item)
    recipients = {}
    for link in links:
        for user in link.group.user_set.filter(is_active=True).exclude(email=""):
            recipients.setdefault(user.pk, (user, []))[1].append(link.locale)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user, locales in recipients.values():
            items = [item for loc in locales for item in items_by_locale.get(loc.pk, [])]
            if not items:
                continue
            context = {
                "user": user,
                "items": items,
                "new_items": [i for i in items if i.translation.created_at >= since],
                "base_url": base_url,
                "queue_url": f"{base_url}/admin/translation/queue/",
                "days": days,
            }
            send_mail(
                _("Portal für Münster: %(count)s translations are waiting") % {"count": len(items)},
                render_to_string("cms/translation/digest_email.txt", context),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
            sent += 1
    return sent
