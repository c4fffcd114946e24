"""Locales, looked up once per request.

Wagtail's `Locale.get_default()`, `Locale.get_active()` and a language-code table each
cost a query, and a page that shows several lists (sub-topics, previous/next, the
organisations of a focus area) asked for them up to ten times per request. These helpers
remember the answers for the rest of the request only: the memo starts empty at
`request_started` and is dropped at `request_finished`, so a locale added by an editor
is seen by the next request. Outside a request (commands, shell) nothing is remembered.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.utils.translation import get_language
from wagtail.models import Locale

_memo: ContextVar = ContextVar("portal_locale_memo", default=None)


def _start(**kwargs):
    _memo.set({})


def _finish(**kwargs):
    _memo.set(None)


request_started.connect(_start, dispatch_uid="portal_locale_memo_start")
request_finished.connect(_finish, dispatch_uid="portal_locale_memo_finish")


def _remembered(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def locale_for_language(code):
    """Like `Locale.objects.get_for_language(code)`."""
    return _remembered(("language", code), lambda: Locale.objects.get_for_language(code))


def default_locale():
    """Like `Locale.get_default()`."""
    return locale_for_language(settings.LANGUAGE_CODE)


def active_locale():
    """Like `Locale.get_active()`: the locale of the active language, else the default."""
    try:
        return locale_for_language(get_language())
    except (Locale.DoesNotExist, LookupError):
        return default_locale()


def language_codes():
    """{locale pk: language code} of every locale."""
    return _remembered("codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))
