"""`manage.py generate_scale_data` builds the promised site, the same way every time.

At a small size (50 organisations, 20 pages): the mix of page types under the section
index pages, bodies, published revisions, real wagtail-localize translations (some pages
in every locale), organisations spread over districts with vocabularies, some translated,
all findable — and the same data again from the same seed. Query counts of the public
endpoints at two sizes are in tests/test_scale_query_counts.py.
"""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from directory.models import Organisation
from topics.models import (
    EventPage,
    LeitbildPage,
    NewsPage,
    TopicIndexPage,
    TopicPage,
)

pytestmark = pytest.mark.django_db

ORGANISATIONS, PAGES = 50, 20
PAGE_TYPES = {TopicPage: 3, LeitbildPage: 1, NewsPage: 10, EventPage: 6}  # 15/5/50/30 %


def generate(organisations=ORGANISATIONS, pages=PAGES):
    out = io.StringIO()
    call_command(
        "generate_scale_data", organisations=organisations, pages=pages, stdout=out, stderr=out
    )
    return out.getvalue()


def scale_pages(model=Page, language="de"):
    return model.objects.filter(slug__startswith="scale-", locale__language_code=language)


def german_organisations():
    return Organisation.objects.filter(slug__startswith="scale-", locale=Locale.get_default())


def snapshot():
    """What the generator decided: pages (type, title, parent, translations) and
    organisations (name, district, vocabularies, translations)."""
    pages = sorted(
        (
            p.specific_class.__name__,
            p.title,
            p.get_parent().slug,
            p.locale.language_code,
            p.live,
        )
        for p in Page.objects.filter(slug__startswith="scale-").select_related("locale")
    )
    organisations = sorted(
        (
            o.slug,
            o.name,
            o.locale.language_code,
            o.district.slug if o.district else "",
            str(o.latitude),
            tuple(sorted(o.origins.values_list("slug", flat=True))),
            tuple(sorted(o.languages.values_list("slug", flat=True))),
            tuple(sorted(o.focus_areas.values_list("slug", flat=True))),
        )
        for o in Organisation.objects.filter(slug__startswith="scale-").select_related(
            "locale", "district"
        )
    )
    return pages, organisations


def delete_scale_data():
    Organisation.objects.filter(slug__startswith="scale-").delete()
    while page := Page.objects.filter(slug__startswith="scale-").order_by("depth").first():
        page.delete()


def test_pages_of_every_kind_with_bodies_under_the_section_pages(client):
    generate()

    for model, count in PAGE_TYPES.items():
        pages = scale_pages(model)
        assert pages.count() == count, model
        for page in pages:
            assert page.live and page.live_revision_id == page.latest_revision_id
            assert any(block.block_type == "heading" for block in page.body)
    for topic in scale_pages(TopicPage):
        parent = topic.get_parent().specific
        # Topic → sub-topic, one level deep only.
        assert isinstance(parent, TopicIndexPage) or isinstance(
            parent.get_parent().specific, TopicIndexPage
        )
    assert all(page.goals for page in scale_pages(LeitbildPage))
    news = scale_pages(NewsPage).order_by("-date").first()
    assert news.title in client.get("/de/aktuelles/").content.decode()


def test_part_of_the_pages_is_translated_into_every_locale_through_wagtail_localize(client):
    generate()

    locales = Locale.objects.exclude(language_code="de")
    languages_per_page = Counter(
        key
        for key in Page.objects.filter(slug__startswith="scale-", live=True)
        .exclude(locale__language_code="de")
        .values_list("translation_key", flat=True)
    )
    assert max(languages_per_page.values()) == locales.count()  # some: every locale
    assert min(languages_per_page.values()) == 2  # others: English and Arabic
    everywhere = next(k for k, n in languages_per_page.items() if n == locales.count())
    german = scale_pages().get(translation_key=everywhere)
    # Real translations: the translation editor has a source and one Translation per locale.
    assert Translation.objects.filter(source__object_id=everywhere).count() == locales.count()
    arabic = german.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.title != german.title
    response = client.get(arabic.url)
    assert response.status_code == 200 and arabic.title in response.content.decode()
    # Untranslated pages are served in German under the reader's prefix.
    untranslated = scale_pages(NewsPage).exclude(translation_key__in=languages_per_page).first()
    assert client.get("/tr/" + untranslated.url.split("/", 2)[2]).status_code == 200


def test_organisations_spread_over_districts_with_vocabularies_and_some_translated(client):
    generate(pages=0)

    organisations = german_organisations()
    assert organisations.count() == ORGANISATIONS
    assert organisations.filter(live=True).count() == ORGANISATIONS
    districts = Counter(organisations.values_list("district__parent__slug", flat=True))
    assert None not in districts and len(districts) >= 4  # several Stadtbezirke
    origins = Counter(
        Organisation.origins.through.objects.filter(organisation__in=organisations).values_list(
            "origin__slug", flat=True
        )
    )
    assert len(origins) >= 10 and origins.most_common(1)[0][1] >= 3  # long tail + common
    for organisation in organisations.prefetch_related("languages", "focus_areas"):
        assert organisation.live_revision_id == organisation.latest_revision_id
        assert organisation.latest_revision.content["name"] == organisation.name
        assert organisation.languages.all() and organisation.focus_areas.all()
    assert organisations.filter(latitude__isnull=True).exists()  # map uses district centre

    english = Organisation.objects.filter(
        slug__startswith="scale-", locale__language_code="en", live=True
    ).first()
    assert english is not None
    assert Translation.objects.filter(source__object_id=english.translation_key).exists()
    profile = client.get(f"/en/organisationen/{english.slug}/").content.decode()
    assert english.name in profile

    # In the search index (rebuilt once at the end) and so in the directory's free text.
    sample = organisations.order_by("pk").first()
    listing = client.get("/de/organisationen/", {"q": sample.name}).content.decode()
    assert f"/de/organisationen/{sample.slug}/" in listing
    assert client.get("/de/organisationen/organisationen.geojson").json()["features"]


def test_the_same_seed_builds_the_same_site_and_a_second_run_is_refused():
    generate(organisations=15, pages=20)
    first = snapshot()

    with pytest.raises(CommandError, match="already has scale data"):
        generate(organisations=15, pages=20)

    delete_scale_data()
    assert snapshot() == ([], [])
    generate(organisations=15, pages=20)
    assert snapshot() == first
