"""Translation workflow on top of wagtail-localize: language-scoped translators, the
translators' queue, machine translation, the status overview, glossary export and the
reader notes. Hooks are registered from `cms/wagtail_hooks.py`; the models are imported by
`cms/models.py` so they belong to the `cms` app."""
