"""E-mail in the recipient's language.

Every e-mail of the portal is two templates, `<name>_subject.txt` and `<name>.txt`
(under templates/emails/), rendered with the recipient's language active, so the same
gettext catalogues as the site translate them. Backends come from settings (SMTP in
production, console in development, locmem in tests).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def user_language(user):
    """The language a user reads the admin in (their Wagtail profile), else German."""
    if user is None:
        return settings.LANGUAGE_CODE
    from wagtail.users.models import UserProfile

    with translation.override(settings.LANGUAGE_CODE):
        return UserProfile.get_for_user(user).get_preferred_language()


def send_templated_mail(template, recipients, language, context=None, reply_to=None):
    """Render `emails/<template>` in `language` and send it to `recipients` (addresses).

    Returns the number of messages sent (0 when there is no recipient).
    """
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    context = {"site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""), **(context or {})}
    with translation.override(language):
        subject = render_to_string(f"emails/{template}_subject.txt", context)
        body = render_to_string(f"emails/{template}.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=reply_to,
    )
    return message.send()


def send_to_users(template, users, context=None):
    """One e-mail per language among `users`, each in that language."""
    by_language = {}
    for user in users:
        if user.email and user.is_active:
            by_language.setdefault(user_language(user), []).append(user.email)
    return sum(
        send_templated_mail(template, addresses, language, context)
        for language, addresses in sorted(by_language.items())
    )
