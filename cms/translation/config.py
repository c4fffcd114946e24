"""Settings-time configuration (imported by cms/settings/base.py: no models here)."""

from django.core.exceptions import ImproperlyConfigured


def machine_translator_setting(environ):
    """`WAGTAILLOCALIZE_MACHINE_TRANSLATOR` from the environment, or None (off)."""
    provider = environ.get("MACHINE_TRANSLATION", "").strip().lower()
    if not provider:
        return None
    url = environ.get("MACHINE_TRANSLATION_URL", "").strip()
    key = environ.get("MACHINE_TRANSLATION_KEY", "").strip()
    timeout = float(environ.get("MACHINE_TRANSLATION_TIMEOUT", "20"))
    if provider == "deepl":
        if not key:
            raise ImproperlyConfigured("MACHINE_TRANSLATION=deepl needs MACHINE_TRANSLATION_KEY.")
        options = {"AUTH_KEY": key, "TIMEOUT": timeout}
        if url:
            options["API_URL"] = url
        return {"CLASS": "cms.translation.machine.PortalDeepLTranslator", "OPTIONS": options}
    if provider == "libretranslate":
        if not url:
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATION=libretranslate needs MACHINE_TRANSLATION_URL."
            )
        return {
            "CLASS": "cms.translation.machine.PortalLibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": url.rstrip("/"), "API_KEY": key, "TIMEOUT": timeout},
        }
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATION must be 'deepl' or 'libretranslate', not {provider!r}."
    )
