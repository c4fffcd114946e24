"""Search in a real browser: the header combobox by keyboard, and the results page
checked with axe-core in German and Arabic."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_choose_a_suggestion_with_the_keyboard(page, site):
    page.goto(f"{site.url}/de/")
    field = page.locator("#header-search-input")
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "false"

    field.focus()
    page.keyboard.type("datensch")
    option = page.locator("#header-search-suggestions [role=option]").first
    option.wait_for(state="visible")
    assert field.get_attribute("aria-expanded") == "true"
    assert option.inner_text().startswith("Datenschutz")
    assert "Vorschläge" in page.locator("[data-search-status]").inner_text()

    page.keyboard.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "header-search-input"

    page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/de/datenschutz/")
    assert page.locator("h1").inner_text() == "Datenschutz"


def test_escape_closes_the_suggestions_and_enter_searches(page, site):
    page.goto(f"{site.url}/de/")
    field = page.locator("#header-search-input")
    field.focus()
    page.keyboard.type("Datenschutz")
    listbox = page.locator("#header-search-suggestions")
    listbox.locator("[role=option]").first.wait_for(state="visible")

    page.keyboard.press("Escape")
    assert listbox.is_hidden()
    assert field.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")  # no option chosen: the form is submitted
    page.wait_for_url(f"{site.url}/de/suche/?q=Datenschutz")
    assert page.locator(".search-result__title").first.inner_text() == "Datenschutz"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_results_page_has_no_wcag_aa_violations(page, site, axe, language):
    page.goto(f"{site.url}/{language}/suche/?q=Datenschutz")
    assert page.locator(".search-result").count() >= 1
    assert page.locator(".search-result mark").count() >= 1

    assert_no_axe_violations(axe, page)

    # And with the header suggestions open.
    page.locator("#header-search-input").focus()
    page.keyboard.type("Daten")
    page.locator("#header-search-suggestions [role=option]").first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    assert_no_axe_violations(axe, page)


def test_empty_and_no_result_pages_have_no_wcag_aa_violations(page, site, axe):
    page.goto(f"{site.url}/ar/suche/?q=")
    assert_no_axe_violations(axe, page)
    page.goto(f"{site.url}/ar/suche/?q=xyzzyqwerty")
    assert page.locator(".search-empty").is_visible()
    assert_no_axe_violations(axe, page)
