"""Machine translation as a first draft, configured by environment.

`MACHINE_TRANSLATION=deepl` or `libretranslate` switches it on (off when unset);
`MACHINE_TRANSLATION_URL` is the provider's base URL (required for LibreTranslate — the
city can run its own server so no text leaves its network; optional for DeepL),
`MACHINE_TRANSLATION_KEY` the API key (DeepL: required; a self-hosted LibreTranslate
usually needs none), `MACHINE_TRANSLATION_TIMEOUT` seconds (default 20).

The classes extend wagtail-localize's own DeepL and LibreTranslate translators. They add
a configurable endpoint and turn provider failures (HTTP errors, error bodies, timeouts,
unreachable servers) into `MachineTranslationError`, which the middleware shows to the
translator as a message. Nothing is written when the provider fails: wagtail-localize
stores machine translations only after the provider has answered, and never overwrites a
segment that is already translated.
"""

import requests
from django.utils.translation import gettext as _
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator


class MachineTranslationError(Exception):
    """A message for the translator: the provider could not translate."""


def _provider_error(name, error):
    if isinstance(error, requests.Timeout):
        return MachineTranslationError(
            _(
                "%(provider)s did not answer in time. Nothing was changed; please try "
                "again later or translate by hand."
            )
            % {"provider": name}
        )
    return MachineTranslationError(
        _(
            "%(provider)s could not translate this text (%(reason)s). Nothing was "
            "changed; your translations are kept."
        )
        % {"provider": name, "reason": error}
    )


# DeepL's target languages that the portal uses (https://developers.deepl.com/docs/
# getting-started/supported-languages). Kurmanji, Farsi and Albanian are not offered.
DEEPL_TARGETS = {
    "ar": "AR",
    "bg": "BG",
    "en": "EN-GB",
    "es": "ES",
    "fr": "FR",
    "it": "IT",
    "pl": "PL",
    "ro": "RO",
    "ru": "RU",
    "tr": "TR",
    "uk": "UK",
}


class PortalDeepLTranslator(DeepLTranslator):
    """DeepL's /v2/translate (form-encoded `text`, `source_lang`, `target_lang`,
    `tag_handling=xml`; `Authorization: DeepL-Auth-Key …`)."""

    def get_api_endpoint(self):
        url = self.options.get("API_URL")
        return f"{url.rstrip('/')}/v2/translate" if url else super().get_api_endpoint()

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        parameters["target_lang"] = DEEPL_TARGETS[target_locale.language_code]
        return parameters

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        try:
            response = requests.post(
                self.get_api_endpoint(),
                self.get_parameters(source_locale, target_locale, strings),
                timeout=float(self.options.get("TIMEOUT", 20)),
                headers=self.get_headers(),
            )
            if response.status_code != 200:
                raise requests.HTTPError(_provider_reason(response))
            results = response.json()["translations"]
            if len(results) != len(strings):
                raise ValueError(_("unexpected answer"))
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            raise _provider_error(self.display_name, error) from error
        from wagtail_localize.strings import StringValue

        return {
            string: StringValue(result["text"])
            for string, result in zip(strings, results, strict=True)
        }

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code == "de" and target_locale.language_code in DEEPL_TARGETS


class PortalLibreTranslator(LibreTranslator):
    """LibreTranslate's POST /translate (JSON `q`, `source`, `target`, `format`,
    `api_key`; answer `{"translatedText": [...]}`)."""

    def get_timeout(self):
        return float(self.options.get("TIMEOUT", 20))

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        try:
            result = super().translate(source_locale, target_locale, strings)
        except requests.HTTPError as error:
            raise _provider_error(self.display_name, _provider_reason(error.response)) from error
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            raise _provider_error(self.display_name, error) from error
        return result

    def can_translate(self, source_locale, target_locale):
        # Plain German, Kurmanji and the like have no two-letter code of their own.
        source = source_locale.language_code
        target = target_locale.language_code
        return source == "de" and "-" not in target and target != "de"


def _provider_reason(response):
    if response is None:
        return _("no answer")
    try:
        body = response.json()
        detail = body.get("error") or body.get("message") or ""
    except ValueError:
        detail = ""
    reason = f"HTTP {response.status_code}"
    return f"{reason}: {detail}" if detail else reason
