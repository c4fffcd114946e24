"""The public forms in a real browser: "Eintrag vorschlagen" and "report a correction"
pass axe-core (WCAG 2.1 AA) in German and Arabic, empty and with errors, are operable with
the keyboard alone, and work without JavaScript."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PROFILE = "syrischer-kulturverein-muenster"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_both_forms_are_accessible_empty_and_with_errors(page, site, axe, language):
    page.goto(f"{site.url}/{language}/organisationen/vorschlagen/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_no_axe_violations(axe, page)

    page.locator("button[type=submit].button").last.click()
    page.wait_for_selector("[data-error-summary]")
    # The summary gets the focus and links to the fields.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator('[data-error-summary] a[href="#id_name"]').count() == 1
    assert_no_axe_violations(axe, page)

    page.goto(f"{site.url}/{language}/organisationen/{PROFILE}/korrektur/")
    assert_no_axe_violations(axe, page)
    page.locator("button[type=submit].button").last.click()
    page.wait_for_selector("[data-error-summary]")
    assert_no_axe_violations(axe, page)


def test_the_suggestion_form_works_with_the_keyboard_alone(page, site):
    from directory.models import Organisation

    page.goto(f"{site.url}/en/organisationen/")
    link = page.get_by_role("link", name="Is an organisation missing? Suggest an entry")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/organisationen/vorschlagen/")

    page.get_by_label("Name of the organisation").focus()
    page.keyboard.type("Tastatur-Verein")
    page.keyboard.press("Tab")  # into the radio group "kind"
    page.keyboard.press("Space")
    assert page.locator("#id_kind_0").is_checked()
    page.get_by_label("Short description").focus()
    page.keyboard.type("Ein Verein, mit der Tastatur vorgeschlagen.")
    page.get_by_label("Arabic").focus()
    page.keyboard.press("Space")
    page.get_by_label("Your e-mail address").focus()
    page.keyboard.type("tastatur@example.org")
    page.keyboard.press("Tab")  # the consent checkbox comes next; the honeypot is skipped
    assert page.evaluate("document.activeElement.id") == "id_consent"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")

    page.wait_for_url("**/en/organisationen/vorschlagen/danke/")
    assert page.locator("h1").inner_text() == "Thank you for your suggestion"
    draft = Organisation.objects.get(name="Tastatur-Verein")
    assert draft.live is False
    assert list(draft.languages.values_list("slug", flat=True)) == ["arabisch"]


def test_both_forms_submit_without_javascript(page, site):
    from directory.models import CorrectionReport, Organisation

    context = page.context.browser.new_context(java_script_enabled=False)
    tab = context.new_page()

    tab.goto(f"{site.url}/de/organisationen/vorschlagen/")
    tab.fill("#id_name", "Ohne-Skript-Verein")
    tab.check("#id_kind_1")
    tab.fill("#id_short_description", "Ohne JavaScript vorgeschlagen.")
    tab.fill("#id_proposer_email", "ohne-js@example.org")
    tab.check("#id_consent")
    tab.locator("button[type=submit].button").last.click()
    tab.wait_for_url("**/de/organisationen/vorschlagen/danke/")
    assert Organisation.objects.get(name="Ohne-Skript-Verein").kind == "faith"

    tab.goto(f"{site.url}/de/organisationen/{PROFILE}/")
    tab.locator(".org-profile__correction a").click()
    tab.wait_for_url(f"**/de/organisationen/{PROFILE}/korrektur/")
    tab.fill("#id_message", "Die Telefonnummer hat sich geändert.")
    tab.locator("button[type=submit].button").last.click()
    tab.wait_for_url(f"**/de/organisationen/{PROFILE}/korrektur/danke/")
    report = CorrectionReport.objects.get()
    assert report.organisation.slug == PROFILE
    assert report.message == "Die Telefonnummer hat sich geändert."
    context.close()
