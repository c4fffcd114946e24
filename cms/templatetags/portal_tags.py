"""Template tags for the frame every public page shares: language switcher, hreflang
alternates, main menu, footer links and the "not yet translated" notice."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse, translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from cms.cache import current_generation
from cms.locales import language_codes

register = template.Library()


def _language_names():
    return dict(settings.LANGUAGES)


def _frame(request):
    """What every page's frame shows, independent of the page itself: locales, the home
    page of the reader's language, the main menu and the footer links.

    Built once per language and content generation and kept in the cache, so the frame
    costs no queries on most requests (see cms/cache.py for the generation)."""
    if hasattr(request, "_portal_frame"):
        return request._portal_frame
    site = Site.find_for_request(request)
    key = f"portal:frame:{current_generation()}:{get_language()}:{site.pk if site else 0}"
    frame = cache.get(key)
    if frame is None:
        frame = _build_frame(request, site)
        cache.set(key, frame, 60 * 60)
    request._portal_frame = frame
    return frame


def _build_frame(request, site):
    from cms.models import FooterLinks

    order = [code for code, _name in settings.LANGUAGES]
    locales = sorted(
        Locale.objects.all(),
        key=lambda loc: order.index(loc.language_code) if loc.language_code in order else 99,
    )
    home = site.root_page.localized.specific if site else None
    menu = []
    if home is not None:
        for item in home.get_children().live().in_menu():
            menu.append({"title": item.title, "url": item.get_url(request), "path": item.path})
    footer = FooterLinks.load(request_or_site=request)
    footer_links = []
    for field in ("imprint_page", "privacy_page", "accessibility_page"):
        target = getattr(footer, field)
        if target is not None:
            localized = target.localized
            if localized.live:
                footer_links.append({"title": localized.title, "url": localized.get_url(request)})
    return {
        "locales": [(loc.language_code, loc.is_bidi) for loc in locales],
        "home_url": home.get_url(request) if home else None,
        "menu": menu,
        "footer": footer_links,
    }


def _live_translations(request, page):
    """{language_code: page} for every live translation of `page`, itself included."""
    if page is None or not getattr(page, "pk", None) or not isinstance(page, Page):
        return {}
    cache = getattr(request, "_portal_translations", None)
    if cache is None or cache[0] != page.pk:
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        cache = (page.pk, {p.locale.language_code: p for p in translations})
        request._portal_translations = cache
    return cache[1]


def _swap_prefix(path, code):
    parts = path.split("/", 2)  # ["", "de", "rest"]
    if len(parts) >= 2 and parts[1]:
        return "/".join(["", code] + parts[2:])
    return f"/{code}/"


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    current = get_language()
    names = _language_names()
    translations = _live_translations(request, page)
    source = translations.get(settings.LANGUAGE_CODE) or (page if isinstance(page, Page) else None)
    # Views that are not pages (a profile, say) may name the languages they exist in.
    translated = context.get("translated_languages")
    entries = []
    for code, is_bidi in _frame(request)["locales"]:
        if not isinstance(page, Page):
            url = translate_url(request.path, code)
            available = translated is None or code in translated
        elif code in translations:
            url, available = translations[code].get_url(request), True
        elif source is not None and source.live:
            # Served as German with a notice under that language's prefix (HomePage.route).
            url, available = _swap_prefix(source.get_url(request) or "/", code), False
        else:
            url, available = f"/{code}/", False
        entries.append(
            {
                "code": code,
                "name": names.get(code, code),
                "url": url,
                "available": available,
                "current": code == current,
                "bidi": is_bidi,
            }
        )
    return {
        "entries": entries,
        "current_name": names.get(current, current),
        "request": request,
    }


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        urls = {
            code: translated.get_full_url(request)
            for code, translated in _live_translations(request, page).items()
        }
    else:
        # Other views: every language they are really available in (all, unless the
        # view names them, as a profile does).
        translated = context.get("translated_languages")
        urls = {
            code: request.build_absolute_uri(translate_url(request.path, code))
            for code, _bidi in _frame(request)["locales"]
            if translated is None or code in translated
        }
    links = []
    for code, url in sorted(urls.items()):
        links.append({"code": code, "url": url})
        if code == settings.LANGUAGE_CODE:
            links.append({"code": "x-default", "url": url})
    return {"links": links}


@register.simple_tag(takes_context=True)
def home_url(context):
    """URL of the home page in the reader's language."""
    return _frame(context["request"])["home_url"] or f"/{get_language()}/"


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    page = context.get("page")
    current_path = getattr(page, "path", "")
    request = context["request"]
    items = [
        {**item, "is_active": bool(current_path) and current_path.startswith(item["path"])}
        for item in _frame(request)["menu"]
    ]
    directory_url = reverse("directory:list")
    return {
        "items": items,
        "directory_url": directory_url,
        "directory_active": request.path.startswith(directory_url),
    }


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context):
    return {"links": _frame(context["request"])["footer"]}


@register.inclusion_tag("components/fallback_notice.html", takes_context=True)
def fallback_notice(context):
    """Shown when the page's content is not in the reader's language."""
    page = context.get("page")
    current = get_language()
    if not isinstance(page, Page):
        return {"show": False}
    content_language = language_codes().get(page.locale_id)
    if content_language == current:
        return {"show": False}
    names = _language_names()
    return {
        "show": True,
        "reader_language": names.get(current, current),
        "content_language": content_language,
    }
