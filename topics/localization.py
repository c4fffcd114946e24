"""Show lists of pages in the reader's language, falling back to German.

Lists (topic cards, news, events, breadcrumbs, previous/next) are built from the German
source tree, the one every page exists in. Each item is then swapped for its live
translation in the reader's language where there is one; an untranslated item stays
German, is marked `is_fallback` (templates set `lang="de"` on it) and links under the
reader's language prefix, where `HomePage.route` serves it with a notice.

A fixed number of queries per list whatever its length: the list itself, its
translations and the language codes.
"""

from wagtail.models import Page

from cms.locales import active_locale, default_locale, language_codes


def reader_locale():
    """The locale of the reader's language (German if there is none)."""
    return active_locale()


def swap_language_prefix(url, language_code):
    """'/de/themen/arbeit/' -> '/ar/themen/arbeit/'."""
    if not url:
        return url
    parts = url.split("/", 2)
    if len(parts) >= 2 and parts[1]:
        return "/".join(["", language_code] + parts[2:])
    return url


def reader_path(page):
    """`page`'s URL under the reader's language prefix.

    For a German page shown as a fallback, links that belong to it (feeds, calendar files)
    stay in the reader's language: `HomePage.route` serves them there from the German tree.
    """
    return swap_language_prefix(page.url, reader_locale().language_code)


def localize_pages(pages, request, model=None, prefetch=()):
    """Return `pages` in the reader's language (falling back to German), each with
    `reader_url`, `is_fallback` and `content_language` set.

    `model` (default: Page) is used to fetch the translations; pass the specific class so
    they come back specific, and `prefetch` (names for prefetch_related) to fetch what the
    list shows with them."""
    pages = list(pages)
    if not pages:
        return pages
    locale = reader_locale()
    model = model or Page
    missing = [p.translation_key for p in pages if p.locale_id != locale.pk]
    translations = {}
    if missing:
        found = model.objects.live().filter(locale=locale, translation_key__in=missing)
        if prefetch:
            found = found.prefetch_related(*prefetch)
        translations = {p.translation_key: p for p in found}
    languages = language_codes()
    result = []
    for page in pages:
        if page.locale_id != locale.pk:
            translated = translations.get(page.translation_key)
            if translated is not None:
                page = translated
        page.is_fallback = page.locale_id != locale.pk
        page.content_language = languages.get(page.locale_id, "")
        url = page.get_url(request)
        page.reader_url = (
            swap_language_prefix(url, locale.language_code) if page.is_fallback else url
        )
        result.append(page)
    return result


def source_page(page):
    """The German (source) version of `page`: the list of children is built from it."""
    default = default_locale()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page
