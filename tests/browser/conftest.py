"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

No browser is downloaded: Playwright launches /usr/bin/chromium (installed by `make test`
when missing). Accessibility is checked with axe-core (bundled by axe-playwright-python).
"""

import os
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; the live server and the
# fixtures still use Django's ORM synchronously, which is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def site(live_server):
    """The live server with the demo content loaded.

    Browser test modules mark themselves `django_db(transaction=True,
    serialized_rollback=True)`: after each test Django flushes the database and restores
    it from a serialized snapshot. The demo is loaded once per test process and then
    becomes part of that snapshot, so later browser tests start from "migrations + demo"
    without running `load_demo` again (it takes tens of seconds with all content types).
    """
    from django.db import connection

    if not getattr(connection, "_portal_demo_in_snapshot", False):
        call_command("load_demo")
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        connection._portal_demo_in_snapshot = True
    return live_server


@pytest.fixture
def page(site):
    """A fresh browser tab that records every request it makes.

    Chromium is started per test, after the database fixtures: Playwright's sync API
    runs an event loop (in greenlets with their own context), and Django's connection
    handler is context-local, so database set-up and teardown must happen outside it.
    """
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.requested_hosts = set()
        tab.on("request", lambda request: tab.requested_hosts.add(urlsplit(request.url).netloc))
        yield tab
        browser.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


def assert_no_axe_violations(axe, page):
    results = axe.run(page, options=WCAG_AA)
    violations = results.response["violations"]
    assert violations == [], results.generate_report()
