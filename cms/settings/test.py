"""Settings for the test suite (named once, in pyproject.toml).

SQLite by default; CI runs the same suite again with DATABASE_URL pointing at PostgreSQL.
"""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests never reach the network; keep media in a throwaway folder.
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
# Static files straight from the source folders (no collectstatic before tests).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The page cache is off so tests see every change and count real queries; the cache's
# own tests (tests/test_page_cache.py) switch it on.
PORTAL_PAGE_CACHE_SECONDS = 0
# A test-only translatable snippet (tests/testapp) for the generic snippet paths.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]
