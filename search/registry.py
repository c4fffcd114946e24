"""What the site search covers, and under which type each result is listed.

Pages are found generically (every live, public page in the reader's language, German
where no translation is published); `register_page_type` only decides under which type a
page class is grouped. Other models (snippets such as organisations or glossary terms)
join the search with `register_searchable`. Both are called from an app's `apps.py`
`ready()` (or `wagtail_hooks.py`), for example::

    from search.registry import register_page_type, register_searchable

    register_page_type(TopicPage, "topics", _("Topics"))
    register_searchable(
        Organisation, "organisations", _("Organisations"),
        url=lambda organisation, request: organisation.get_url(request),
    )

A registered model must be `index.Indexed` with at least one `index.SearchField`, and
list `index.FilterField("id")` in its `search_fields` (results are restricted by id to
what the reader may see). Translatable models (`TranslatableMixin`) are searched in the
reader's locale with German as fallback; models with `DraftStateMixin` only when live.
Only `SearchField`s are indexed and used for excerpts — never make a non-public field
(an e-mail address of a contact person, an internal note) a `SearchField`.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

OTHER_PAGES = "pages"


@dataclass
class SearchType:
    key: str
    label: Any  # a lazy translation


@dataclass
class Searchable:
    """A non-page model in the site search."""

    model: type
    type_key: str
    url: Any  # callable(obj, request) -> str
    queryset: Any = None  # callable() -> QuerySet of what may ever be shown
    title: Any = None  # callable(obj) -> str; default str(obj)
    excerpt: Any = None  # callable(obj) -> str; default: the SearchFields' text


@dataclass
class Registry:
    types: dict = field(default_factory=dict)  # key -> SearchType, in registration order
    page_types: dict = field(default_factory=dict)  # page model -> type key
    searchables: list = field(default_factory=list)

    def type_for_page_class(self, page_class):
        for klass in page_class.__mro__:
            if klass in self.page_types:
                return self.page_types[klass]
        return OTHER_PAGES

    def ordered_types(self):
        keys = [key for key in self.types if key != OTHER_PAGES] + [OTHER_PAGES]
        return [self.types[key] for key in keys if key in self.types]


registry = Registry()


def _add_type(key, label):
    if key not in registry.types:
        registry.types[key] = SearchType(key, label)


_add_type(OTHER_PAGES, _("Pages"))


def register_page_type(page_model, type_key, label):
    """List pages of `page_model` (and its subclasses) under the type `type_key`."""
    _add_type(type_key, label)
    registry.page_types[page_model] = type_key


def register_searchable(model, type_key, label, *, url, queryset=None, title=None, excerpt=None):
    """Add a non-page model to the site search (see the module docstring)."""
    if not issubclass(model, index.Indexed):
        raise ImproperlyConfigured(f"{model.__name__} must inherit wagtail.search.index.Indexed")
    filter_fields = {f.field_name for f in model.get_filterable_search_fields()}
    if "id" not in filter_fields and model._meta.pk.name not in filter_fields:
        raise ImproperlyConfigured(
            f'Add index.FilterField("id") to {model.__name__}.search_fields to make it searchable'
        )
    _add_type(type_key, label)
    registry.searchables = [s for s in registry.searchables if s.model is not model]
    registry.searchables.append(
        Searchable(
            model=model, type_key=type_key, url=url, queryset=queryset, title=title, excerpt=excerpt
        )
    )
