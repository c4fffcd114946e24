"""Links between the directory and the topic pages, through the focus areas.

A topic page names one focus area; it lists organisations working in it, and an
organisation's profile lists the topic pages of its focus areas. Both sides compare
focus areas by `translation_key`, so it does not matter which language's entry an editor
picked. Each function runs a fixed number of queries.
"""

from dataclasses import dataclass

from django.urls import reverse

from cms.locales import active_locale, default_locale
from directory.models import Organisation


@dataclass
class OrganisationLink:
    name: str
    url: str
    lang: str  # "de" when shown in German for a reader of another language


def organisations_for_focus_area(focus_area, limit=6):
    """(first `limit` organisations in the reader's language, total, URL of the filtered
    directory) for a focus area."""
    default, reader = default_locale(), active_locale()
    sources = Organisation.objects.filter(
        locale=default, live=True, focus_areas__translation_key=focus_area.translation_key
    ).distinct()
    total = sources.count()
    shown = list(sources.order_by("name")[:limit])
    translations = {}
    if reader.pk != default.pk:
        translations = {
            t.translation_key: t
            for t in Organisation.objects.filter(
                locale=reader, live=True, translation_key__in=[o.translation_key for o in shown]
            )
        }
    links = []
    for organisation in shown:
        translated = translations.get(organisation.translation_key)
        fallback = translated is None and reader.pk != default.pk
        links.append(
            OrganisationLink(
                name=(translated or organisation).name,
                url=organisation.get_url(),
                lang="de" if fallback else "",
            )
        )
    # The slug is a synchronised field: the same in every language's entry.
    return links, total, f"{reverse('directory:list')}?schwerpunkt={focus_area.slug}"


def topics_for_organisation(organisation, request):
    """The live topic pages (in the reader's language where translated) of the
    organisation's focus areas."""
    from topics.localization import localize_pages
    from topics.models import TopicPage

    keys = list(organisation.focus_areas.values_list("translation_key", flat=True))
    if not keys:
        return []
    pages = TopicPage.objects.live().filter(
        locale=default_locale(), focus_area__translation_key__in=keys
    )
    return localize_pages(pages.order_by("path"), request, TopicPage)


def organisation_link(organisation):
    """The link to one organisation's profile, named in the reader's language where the
    entry is translated; None when the entry is not public."""
    if organisation is None or not organisation.live:
        return None
    default, reader = default_locale(), active_locale()
    translated = None
    if reader.pk != default.pk:
        translated = Organisation.objects.filter(
            locale=reader, live=True, translation_key=organisation.translation_key
        ).first()
    fallback = translated is None and reader.pk != default.pk
    return OrganisationLink(
        name=(translated or organisation).name,
        url=organisation.get_url(),
        lang="de" if fallback else "",
    )
