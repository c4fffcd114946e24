"""The home page in a real browser: accessible, keyboard-operable, mirrored in RTL, and
free of third-party requests."""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_home_page_has_no_wcag_aa_violations(page, site, axe, language):
    page.goto(f"{site.url}/{language}/")

    assert_no_axe_violations(axe, page)
    # And with the language menu open, too.
    page.click(".language-switcher__toggle")
    assert_no_axe_violations(axe, page)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_standard_pages_have_no_wcag_aa_violations(page, site, axe, language):
    """Imprint, privacy and accessibility statement: German, and in Arabic the German
    text shown as a fallback inside the right-to-left frame."""
    for slug in ("impressum", "datenschutz", "barrierefreiheit"):
        response = page.goto(f"{site.url}/{language}/{slug}/")
        assert response.status == 200, slug
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        assert_no_axe_violations(axe, page)


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_no_request_leaves_the_site(page, site, language):
    page.goto(f"{site.url}/{language}/")
    page.wait_for_load_state("networkidle")

    assert page.requested_hosts == {urlsplit(site.url).netloc}


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(page, site):
    page.goto(f"{site.url}/de/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert page.locator(".skip-link").is_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_works_with_the_keyboard(page, site):
    page.goto(f"{site.url}/de/")
    toggle = page.locator(".language-switcher__toggle")
    arabic = page.locator('.language-switcher__list a[hreflang="ar"]')
    assert not arabic.is_visible()

    toggle.focus()
    page.keyboard.press("Enter")
    assert arabic.is_visible()
    arabic.focus()
    page.keyboard.press("Enter")

    page.wait_for_url(f"{site.url}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "بوابة مونستر"


def test_right_to_left_layout_really_mirrors(page, site):
    def logo_and_switcher_x(language):
        page.goto(f"{site.url}/{language}/")
        logo = page.locator(".site-logo").bounding_box()
        switcher = page.locator(".language-switcher").bounding_box()
        return logo["x"], switcher["x"]

    logo_de, switcher_de = logo_and_switcher_x("de")
    logo_ar, switcher_ar = logo_and_switcher_x("ar")

    assert logo_de < switcher_de  # German: logo left, language menu right
    assert logo_ar > switcher_ar  # Arabic: the header is mirrored


def test_the_axe_check_itself_catches_a_violation(page, site, axe):
    """Guards the guard: an image without alt text must be reported."""
    page.goto(f"{site.url}/de/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')"
    )

    with pytest.raises(AssertionError, match="image-alt"):
        assert_no_axe_violations(axe, page)
