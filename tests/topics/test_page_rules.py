"""Where each page type of the topics app may be created (Wagtail's page-type rules)."""

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.factories import TopicIndexPageFactory, TopicPageFactory
from topics.models import (
    EventIndexPage,
    EventPage,
    GlossaryIndexPage,
    LeitbildIndexPage,
    LeitbildPage,
    NewsIndexPage,
    NewsPage,
    TopicIndexPage,
    TopicPage,
)

INDEX_PAGES = [TopicIndexPage, LeitbildIndexPage, NewsIndexPage, EventIndexPage, GlossaryIndexPage]


class PageTypeRulesTest(WagtailPageTestCase):
    def test_section_index_pages_live_directly_below_a_home_page(self):
        for index_type in INDEX_PAGES:
            with self.subTest(index_type.__name__):
                self.assertAllowedParentPageTypes(index_type, {HomePage})
                self.assertCanCreateAt(HomePage, index_type)
                self.assertCanNotCreateAt(StandardPage, index_type)
                self.assertCanNotCreateAt(index_type, index_type)

    def test_each_index_page_holds_its_own_kind_of_page_only(self):
        self.assertAllowedSubpageTypes(TopicIndexPage, {TopicPage})
        self.assertAllowedSubpageTypes(LeitbildIndexPage, {LeitbildPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(GlossaryIndexPage, set())

    def test_content_pages_have_exactly_one_kind_of_parent(self):
        self.assertAllowedParentPageTypes(TopicPage, {TopicIndexPage, TopicPage})
        self.assertAllowedParentPageTypes(LeitbildPage, {LeitbildIndexPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        for leaf in (LeitbildPage, NewsPage, EventPage):
            with self.subTest(leaf.__name__):
                self.assertAllowedSubpageTypes(leaf, set())
                self.assertCanNotCreateAt(HomePage, leaf)

    def test_only_one_index_page_of_each_kind_per_home_page(self):
        home = HomePage.objects.get(locale__language_code="de")
        TopicIndexPageFactory(parent=home)

        self.assertFalse(TopicIndexPage.can_create_at(home))
        self.assertTrue(NewsIndexPage.can_create_at(home))

    def test_topics_nest_one_level_only(self):
        home = HomePage.objects.get(locale__language_code="de")
        index = TopicIndexPageFactory(parent=home)
        topic = TopicPageFactory(parent=index, title="Arbeit", slug="arbeit")
        subtopic = TopicPageFactory(parent=topic, title="Anerkennung", slug="anerkennung")
        other = TopicPageFactory(parent=index, title="Wohnen", slug="wohnen")

        self.assertTrue(TopicPage.can_create_at(index))
        self.assertTrue(TopicPage.can_create_at(topic))
        self.assertFalse(TopicPage.can_create_at(subtopic))
        # Moving a topic that has sub-topics below another topic would make three levels.
        self.assertFalse(topic.can_move_to(other))
        self.assertTrue(other.can_move_to(topic))
        self.assertFalse(other.can_move_to(subtopic))

    def test_admin_refuses_to_add_a_third_level(self):
        from django.contrib.auth import get_user_model

        home = HomePage.objects.get(locale__language_code="de")
        index = TopicIndexPageFactory(parent=home)
        topic = TopicPageFactory(parent=index, slug="arbeit")
        subtopic = TopicPageFactory(parent=topic, slug="anerkennung")
        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.client.force_login(admin)

        response = self.client.get(f"/admin/pages/add/topics/topicpage/{subtopic.pk}/")

        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertEqual(
            self.client.get(f"/admin/pages/add/topics/topicpage/{topic.pk}/").status_code, 200
        )
