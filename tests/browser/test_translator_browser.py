"""A translator at work in a real browser: log in, open the queued page from "My
translations", translate every segment in wagtail-localize's editor, publish; the Arabic
page is then served right-to-left and passes axe-core."""

import re

import pytest
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.operations import translate_object

from cms.translation.groups import translator_group
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import StandardPageFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# (editor tab, German source, translation)
TRANSLATIONS = [
    (None, "Sprachkurse", "دورات اللغة"),
    (None, "Deutschkurse für Erwachsene in Münster", "دورات اللغة الألمانية للبالغين في مونستر"),
    ("Promote", "sprachkurse", "dawrat-al-lugha"),
]


@pytest.fixture
def queued_page(site):
    """Set up before the browser starts (see tests/browser/conftest.py)."""
    german_home = Page.objects.get(depth=2, locale__language_code="de").specific
    page = StandardPageFactory(
        parent=german_home,
        title="Sprachkurse",
        slug="sprachkurse",
        body="<p>Deutschkurse für Erwachsene in Münster</p>",
    )
    page.save_revision().publish()
    arabic = Locale.objects.get(language_code="ar")
    translate_object(page, [arabic])
    user = UserFactory(username="t-ar-browser")
    user.groups.add(translator_group(arabic))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return page


def test_translator_translates_and_publishes_a_queued_page(queued_page, page, site, axe):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "t-ar-browser")
    page.fill("#id_password", "secret-password")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/admin/")

    page.goto(f"{site.url}/admin/translation/queue/")
    row = page.locator("#translation-queue tr", has_text="Sprachkurse")
    assert "0 of 3 segments" in row.inner_text()
    row.get_by_role("link", name="Translate").click()
    page.wait_for_selector("text=Publish in")

    for tab, source, translated in TRANSLATIONS:
        if tab:
            page.get_by_role("tab", name=tab).click()
        segment = page.locator(f"xpath=//p[normalize-space()='{source}']/ancestor::li[1]")
        segment.get_by_role("button", name="Translate").click()
        segment.locator("textarea").fill(translated)
        segment.get_by_role("button", name="Save").click()
        segment.get_by_role("button", name="Edit").wait_for()

    page.get_by_role("button", name=re.compile("Publish in")).click()
    page.wait_for_selector(".messages .success, .messages [class*=success]")

    page.goto(f"{site.url}/ar/dawrat-al-lugha/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "دورات اللغة"
    assert "دورات اللغة الألمانية للبالغين في مونستر" in page.locator("main").inner_text()
    assert page.locator(".translation-note__date").is_visible()
    assert page.locator(".translation-note__machine").count() == 0
    assert_no_axe_violations(axe, page)
