"""The portal's languages, in one place.

German ("de") is the source language. "de-simple" is Einfache Sprache (plain German), a
locale of its own. Arabic and Farsi are written right to left.

Django's LANG_INFO table lacks Kurmanji ("ku") and our plain-German code, so
`get_language_info()` (used by templates and Wagtail) would raise for them. We add the
entries once at settings load. Django also refuses to activate a language for which it
finds no message catalogue, so `locale/ku/` and `locale/de_Simple/` ship catalogues of
their own (compiled at install by `make`).
"""

# (code, endonym) — the endonym is how the language is shown in the language switcher.
PORTAL_LANGUAGES = [
    ("de", "Deutsch"),
    ("de-simple", "Einfache Sprache"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("fa", "فارسی"),
    ("ku", "Kurdî (Kurmancî)"),
    ("pl", "Polski"),
    ("fr", "Français"),
    ("es", "Español"),
]

# Further languages editors may add as locales in the admin without a code change.
ADDABLE_LANGUAGES = [
    ("it", "Italiano"),
    ("ro", "Română"),
    ("sq", "Shqip"),
    ("bg", "Български"),
    ("sr", "Српски"),
    ("ckb", "کوردی"),
]

LANGUAGES = PORTAL_LANGUAGES + ADDABLE_LANGUAGES
DEFAULT_LANGUAGE = "de"
LANGUAGES_BIDI = ["ar", "fa", "ckb", "he", "ur"]

EXTRA_LANG_INFO = {
    "ku": {"bidi": False, "code": "ku", "name": "Kurmanji", "name_local": "Kurdî (Kurmancî)"},
    "de-simple": {
        "bidi": False,
        "code": "de-simple",
        "name": "Plain German",
        "name_local": "Einfache Sprache",
    },
}


def register_extra_languages():
    from django.conf import locale

    for code, info in EXTRA_LANG_INFO.items():
        locale.LANG_INFO.setdefault(code, info)
