"""Page types of the home app: where they may be created, and how they render and route
across languages."""

from http import HTTPStatus

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory


class HomePageRulesTest(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_standard_pages_can_be_created_below_a_home_page(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_home_page_is_renderable_and_served_at_its_language_prefix(self):
        # assertPageIsRoutable does not know about i18n_patterns' /de/ prefix, so the
        # routing half is checked through the client.
        home = HomePage.objects.get(locale__language_code="de")
        self.assertPageIsRenderable(home)
        self.assertEqual(home.url, "/de/")
        self.assertContains(self.client.get("/de/"), '<h1 class="hero__title">Portal für Münster')


class FallbackRoutingTest(WagtailPageTestCase):
    """A page that exists only in German is never a 404 in another language."""

    def setUp(self):
        from cms.demo_translation import publish_translation

        self.home = HomePage.objects.get(locale__language_code="de")
        self.english_home = publish_translation(self.home, "en", {})
        self.page = StandardPageFactory(parent=self.home, title="Impressum", slug="impressum")

    def test_untranslated_page_is_served_in_german_with_notice(self):
        response = self.client.get("/en/impressum/")

        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(response, "<h1>Impressum</h1>", html=True)
        self.assertContains(
            response, "This page is not yet available in English. You are reading the German"
        )

    def test_language_switcher_says_which_languages_the_page_exists_in(self):
        response = self.client.get("/de/impressum/")

        html = response.content.decode()
        english_entry = html.split('hreflang="en"')[1].split("</li>")[0]
        german_entry = html.split('hreflang="de"')[1].split("</li>")[0]
        self.assertIn("noch nicht übersetzt", english_entry)
        self.assertNotIn("noch nicht übersetzt", german_entry)

    def test_translated_page_under_a_translated_slug_redirects_there(self):
        from cms.demo_translation import publish_translation

        english = publish_translation(self.page, "en", {"impressum": "imprint"})
        self.assertEqual(english.slug, "imprint")

        response = self.client.get("/en/impressum/")

        self.assertRedirects(response, "/en/imprint/", fetch_redirect_response=False)
        self.assertContains(self.client.get("/en/imprint/"), "Impressum")

    def test_page_missing_in_german_too_is_a_404(self):
        response = self.client.get("/en/gibt-es-nicht/")

        self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)
        self.assertContains(response, "Page not found", status_code=HTTPStatus.NOT_FOUND)

    def test_hreflang_alternates_list_only_live_translations(self):
        response = self.client.get("/de/")

        self.assertContains(response, 'hreflang="de" href="http://localhost/de/"')
        self.assertContains(response, 'hreflang="en" href="http://localhost/en/"')
        self.assertContains(response, 'hreflang="x-default"')
        self.assertNotContains(response, 'rel="alternate" hreflang="ar"')

    def test_locales_other_than_german_have_no_translation_until_made(self):
        arabic = Locale.objects.get(language_code="ar")
        self.assertIsNone(self.home.get_translation_or_none(arabic))
