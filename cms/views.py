from django.conf import settings
from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale


def preferred_language(request):
    """The best language for `/`: the language cookie, then Accept-Language, among the
    languages the portal has a locale for; German otherwise."""
    available = set(Locale.objects.values_list("language_code", flat=True))
    candidates = [request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")]
    candidates += [
        code
        for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", ""))
    ]
    for code in candidates:
        if not code or code == "*":
            continue
        try:
            variant = get_supported_language_variant(code.lower())
        except LookupError:
            continue
        if variant in available:
            return variant
    return settings.LANGUAGE_CODE


def root_redirect(request):
    response = redirect(f"/{preferred_language(request)}/")
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response
