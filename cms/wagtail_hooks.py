"""Admin hooks of the project app. The translation workflow's hooks live in
cms/translation/wagtail_hooks.py and register when imported here."""

from cms.translation import wagtail_hooks as translation_hooks  # noqa: F401
