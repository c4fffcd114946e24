"""The directory in a real browser: filters change list and map, profiles open, the map
asks before it loads tiles (no third-party request before consent), and axe-core finds
no WCAG 2.1 AA violation in German and Arabic."""

import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# A 1×1 transparent PNG: the stand-in tile server's only answer.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def tile_server(settings):
    """A local stand-in for the tile server on 127.0.0.1 that counts its requests."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PNG)))
            self.end_headers()
            self.wfile.write(PNG)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"127.0.0.1:{server.server_address[1]}"
    settings.DIRECTORY_MAP_TILE_URL = f"http://{host}/{{z}}/{{x}}/{{y}}.png"
    settings.DIRECTORY_MAP_ATTRIBUTION = "Test tiles"
    server.host = host
    server.requests = requests
    yield server
    server.shutdown()
    server.server_close()


def site_host(site):
    return urlsplit(site.url).netloc


def list_count(page):
    return page.locator(".org-card").count()


def marker_count(page):
    page.wait_for_selector("[data-directory-map][data-marker-count]", state="attached")
    return int(page.locator("[data-directory-map]").get_attribute("data-marker-count"))


def test_filtering_changes_list_and_map_and_a_profile_opens(page, site, tile_server):
    page.goto(f"{site.url}/de/organisationen/")
    page.wait_for_load_state("networkidle")

    # Nothing but the portal itself before the reader agrees.
    assert page.requested_hosts == {site_host(site)}
    assert tile_server.requests == []
    assert page.locator(".leaflet-container").count() == 0
    heading_all = page.locator("#results-heading").inner_text()
    assert "60" in heading_all

    page.get_by_role("button", name="Karte laden").click()
    assert marker_count(page) == 60
    page.wait_for_selector(".leaflet-marker-icon")
    page.wait_for_load_state("networkidle")
    assert tile_server.requests, "tiles load after consent"
    assert page.requested_hosts == {site_host(site), tile_server.host}

    # Filter by language with a plain form submit.
    page.locator("summary", has_text="Sprachen").click()
    page.get_by_label("Arabisch").check()
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**/organisationen/?*sprache=arabisch*")

    heading = page.locator("#results-heading").inner_text()
    assert heading != heading_all
    filtered = int(heading.split()[0])
    assert 0 < filtered < 60
    assert list_count(page) == min(filtered, 20)
    # The consent is remembered: the map loads at once and shows the filtered set.
    assert marker_count(page) == filtered
    assert page.locator(".chip", has_text="Arabisch").is_visible()

    # A marker's popup links to the profile, like the list does.
    first = page.locator(".org-card__title a").first
    name = first.inner_text()
    first.click()
    page.wait_for_url("**/organisationen/*/")
    assert page.locator("h1").inner_text() == name


def test_the_profile_map_asks_first_too(page, site, tile_server):
    page.goto(f"{site.url}/de/organisationen/syrischer-kulturverein-muenster/")
    page.wait_for_load_state("networkidle")
    assert page.requested_hosts == {site_host(site)}

    button = page.get_by_role("button", name="Karte laden")
    button.focus()
    page.keyboard.press("Enter")  # works with the keyboard
    assert marker_count(page) == 1
    page.wait_for_load_state("networkidle")
    assert tile_server.host in page.requested_hosts


def test_a_marker_popup_is_reachable_with_the_keyboard(page, site, tile_server):
    page.goto(f"{site.url}/de/organisationen/?herkunft=griechenland")
    page.get_by_role("button", name="Karte laden").click()
    assert marker_count(page) == 1

    marker = page.locator(".leaflet-marker-icon").first
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Griechische Gemeinde Münster" in popup.inner_text()
    assert popup.get_by_role("link", name="Profil öffnen").is_visible()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_directory_and_profile_have_no_wcag_aa_violations(page, site, axe, tile_server, language):
    page.goto(f"{site.url}/{language}/organisationen/?herkunft=syrien")
    page.locator("details.facet").first.evaluate("el => el.open = true")
    assert_no_axe_violations(axe, page)

    page.locator("[data-map-consent-button]").click()
    marker_count(page)
    page.wait_for_selector(".leaflet-marker-icon")
    assert_no_axe_violations(axe, page)

    # A translated profile (Arabic) and an untranslated one shown in German with a notice.
    for slug in ("syrischer-kulturverein-muenster", "griechische-gemeinde-muenster"):
        page.goto(f"{site.url}/{language}/organisationen/{slug}/")
        page.wait_for_selector(".leaflet-marker-icon")  # consent is remembered
        assert_no_axe_violations(axe, page)
    if language == "ar":
        assert page.locator(".notice--fallback").is_visible()
        assert page.locator("html").get_attribute("dir") == "rtl"
