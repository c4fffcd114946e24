from django.shortcuts import redirect
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Locale

from cms.locales import language_codes, locale_for_language


@hooks.register("before_serve_page")
def redirect_to_reader_translation(page, request, serve_args, serve_kwargs):
    """A German page reached under another language prefix (see HomePage.route): if that
    language has a live translation of it, send the reader there."""
    language = get_language()
    if language_codes().get(page.locale_id) == language or getattr(request, "is_preview", False):
        return None
    try:
        locale = locale_for_language(language)
    except Locale.DoesNotExist:
        return None
    translated = page.get_translation_or_none(locale)
    if translated is not None and translated.live:
        return redirect(translated.get_url(request))
    return None
