"""sitemap.xml: every live public page of every language, each with its language
alternates (xhtml:link hreflang), as search engines expect for multilingual sites."""

from collections import defaultdict

from django.conf import settings
from django.shortcuts import render
from wagtail.models import Page


def sitemap(request):
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gte=2)
        .select_related("locale")
        .defer_streamfields()
        .order_by("path")
    )
    by_key = defaultdict(list)
    entries = []
    for page in pages:
        url = page.get_full_url(request)
        if not url:
            continue
        entry = {
            "location": url,
            "lastmod": page.last_published_at or page.latest_revision_created_at,
            "language": page.locale.language_code,
            "alternates": by_key[page.translation_key],
        }
        by_key[page.translation_key].append(entry)
        entries.append(entry)
    for group in by_key.values():
        group.sort(key=lambda entry: entry["language"])
    default = settings.LANGUAGE_CODE
    return render(
        request,
        "topics/sitemap.xml",
        {"entries": entries, "default_language": default},
        content_type="application/xml; charset=utf-8",
    )
