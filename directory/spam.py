"""Spam protection for the public forms, without third-party services.

Two layers:

- a honeypot field: hidden from people and assistive technology (CSS `display: none`, so
  it is neither seen, focused nor read out), labelled to tell anyone who does meet it to
  leave it empty. Form-filling bots fill it; the submission is then refused.
- a rate limit per client IP address and form, counted in Django's cache (process memory
  in the demo, Redis in production so that several app servers share the count).

Settings (cms/settings/base.py):
- `PORTAL_FORM_RATE_LIMIT`: submissions (POSTs, valid or not) per window and form; 0 = off.
- `PORTAL_FORM_RATE_WINDOW`: the window in seconds.
- `PORTAL_CLIENT_IP_HEADER`: the request header set by the reverse proxy in front of the
  app servers (e.g. "HTTP_X_FORWARDED_FOR"); empty = REMOTE_ADDR (no proxy). With a list
  of addresses, the last one counts: it was added by our own proxy, the others can be
  forged by the client.
"""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "extra_info"
DEFAULT_RATE_LIMIT = 5
DEFAULT_RATE_WINDOW = 3600


class HoneypotInput(forms.TextInput):
    """Never shows a value: a re-rendered form starts with the trap empty again."""

    def format_value(self, value):
        return None


class HoneypotMixin(forms.Form):
    """Adds the honeypot field. `is_spam` tells whether a bot filled it."""

    extra_info = forms.CharField(
        label=_("Please leave this field empty"),
        required=False,
        widget=HoneypotInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD), "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]


def client_ip(request):
    header = getattr(settings, "PORTAL_CLIENT_IP_HEADER", "")
    value = request.META.get(header, "") if header else ""
    if value:
        return value.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """At most `limit` submissions per `window` seconds per client IP and `scope`."""

    def __init__(self, scope, limit=None, window=None):
        self.scope = scope
        self.limit = (
            limit
            if limit is not None
            else getattr(settings, "PORTAL_FORM_RATE_LIMIT", DEFAULT_RATE_LIMIT)
        )
        self.window = (
            window
            if window is not None
            else getattr(settings, "PORTAL_FORM_RATE_WINDOW", DEFAULT_RATE_WINDOW)
        )

    def _key(self, request):
        # Only a hash of the address is kept, and only for the window.
        digest = hashlib.sha256(f"{self.scope}:{client_ip(request)}".encode()).hexdigest()
        return f"portal:form-rate:{self.scope}:{digest}"

    def hit(self, request):
        """Count one submission; False when the client is over the limit."""
        if not self.limit:
            return True
        key = self._key(request)
        cache.add(key, 0, timeout=self.window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window)
            count = 1
        return count <= self.limit

    @property
    def minutes(self):
        return max(1, round(self.window / 60))
