"""Every page type of the topics app in a real browser: no WCAG 2.1 AA violation found by
axe-core, in German and in Arabic (right to left), on the demo content."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# One page of each type (all translated into Arabic in the demo), plus a German fallback.
PAGES = [
    "themen/",
    "themen/arbeit/",
    "themen/arbeit/anerkennung/",
    "leitbild/",
    "leitbild/wirtschaft-und-arbeit/",
    "aktuelles/",
    "aktuelles/portal-online/",
    "veranstaltungen/",
    "veranstaltungen/werkstatt-leitbild/",
    "glossar/",
]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_page_type_has_no_wcag_aa_violations(page, site, axe, language):
    paths = PAGES + (["themen/wohnen/"] if language == "ar" else [])
    for path in paths:
        response = page.goto(f"{site.url}/{language}/{path}")
        assert response.status == 200, path
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        assert_no_axe_violations(axe, page)


def test_faq_opens_with_the_keyboard(page, site):
    page.goto(f"{site.url}/de/themen/aufenthalt-und-recht/")
    question = page.locator(".faq__question").first
    answer = page.locator(".faq__answer").first
    assert not answer.is_visible()

    question.focus()
    page.keyboard.press("Enter")

    assert answer.is_visible()
