"""Settings shared by every environment. Safe defaults: SQLite and local files.

Environment-specific modules (dev, production, test) import everything from here and
override what differs. Every environment variable read here is documented in
`.env.example` and the README.
"""

import os
from pathlib import Path

import dj_database_url

from cms.languages import LANGUAGES, register_extra_languages
from cms.translation.config import machine_translator_setting

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Django only knows languages listed in its LANG_INFO table; Kurmanji ("ku") and
# Einfache Sprache ("de-simple") are not there. See cms/languages.py.
register_extra_languages()

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    "cms",
    "home",
    "topics",
    "directory",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail_modeladmin",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.cache.AnonymousPageCacheMiddleware",
    # Compresses HTML, feeds, GeoJSON and CSV. Django adds random padding to gzip output
    # against BREACH-style attacks, and CSRF tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Translators write only into their languages; guards wagtail-localize's views and API.
    "cms.translation.middleware.TranslationPermissionMiddleware",
    "directory.middleware.OrganisationEditorMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite by default, anything dj-database-url understands via DATABASE_URL
# (production: postgres://user:password@host:5432/name, served through psycopg 3).
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by all app servers), process memory otherwise.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "portal",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole-page cache for anonymous readers (cms/cache.py). 0 switches it off.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Each app process keeps copies of the pages it served last and checks the shared cache
# for content changes at most this often (seconds); 0: always ask the shared cache.
PORTAL_PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", "1"))
# max-age sent to reverse proxies/CDNs; short, because they are not purged by default.
PORTAL_PROXY_CACHE_SECONDS = int(os.environ.get("PROXY_CACHE_SECONDS", "60"))
# Saving or deleting any model of these apps invalidates the page cache.
PORTAL_CONTENT_APPS = {"home", "topics", "directory"}
# … and of these models, which readers see too: the "machine translated" note, best bets,
# images and documents shown on pages.
PORTAL_CONTENT_MODELS = {
    "cms.MachineTranslationReview",
    "wagtailsearchpromotions.SearchPromotion",
    "wagtailimages.Image",
    "wagtaildocs.Document",
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. German is the source language of all content.
LANGUAGE_CODE = "de"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# LANGUAGES and LANGUAGES_BIDI are imported from cms.languages above.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Translations made with wagtail-localize start as drafts, never as live copies of German text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation (first drafts only): MACHINE_TRANSLATION=deepl|libretranslate plus
# MACHINE_TRANSLATION_URL / _KEY / _TIMEOUT; off when unset. See cms/translation/config.py.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(os.environ)

# Static files and media. WhiteNoise serves static files from the app process itself.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# E-mail: console by default; production configures SMTP through EMAIL_URL-style variables.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Portal für Münster"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search: Wagtail's database backend (modelsearch), wrapped by search/backend.py so that
# type-ahead uses the same configuration as search. On PostgreSQL "multilingual" is a
# language-neutral text search configuration (simple + unaccent) created by the migration
# search/0002; SQLite (FTS5) ignores SEARCH_CONFIG. See the README's "Search" section.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "multilingual",
        # Trigram similarity (0..1) a word needs to count as a typo of the query.
        "FUZZY_SIMILARITY_THRESHOLD": 0.45,
    }
}
# Days of search statistics (query log) kept; older days are deleted as new ones are written.
PORTAL_SEARCH_LOG_DAYS = int(os.environ.get("PORTAL_SEARCH_LOG_DAYS", "180"))
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
# Workflow e-mails: the task's group (Moderation) is told of submissions; superusers are
# not added on top (they would get two e-mails per submission). Organisation members get
# the portal's own decision e-mail instead of Wagtail's (directory/notifications.py).
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# The directory's map (directory/). Tiles load in the reader's browser only after they
# agree; nothing is requested from the tile server before that.
DIRECTORY_MAP_TILE_URL = os.environ.get(
    "DIRECTORY_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
DIRECTORY_MAP_ATTRIBUTION = os.environ.get(
    "DIRECTORY_MAP_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
# The editors' address for "report a correction" (besides the Redaktion group); empty: none.
DIRECTORY_CORRECTIONS_EMAIL = os.environ.get("DIRECTORY_CORRECTIONS_EMAIL", DEFAULT_FROM_EMAIL)
# Public forms ("Eintrag vorschlagen", "report a correction", directory/spam.py): at most
# this many submissions per client IP address and form in the window (seconds); 0 = no limit.
PORTAL_FORM_RATE_LIMIT = int(os.environ.get("FORM_RATE_LIMIT", "5"))
PORTAL_FORM_RATE_WINDOW = int(os.environ.get("FORM_RATE_WINDOW", "3600"))
# Behind a reverse proxy: the header with the client's address, e.g. HTTP_X_FORWARDED_FOR
# (the last address in it counts). Empty: REMOTE_ADDR.
PORTAL_CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
# The licence of the open data downloads (GeoJSON, CSV).
DIRECTORY_DATA_LICENCE_NAME = os.environ.get(
    "DIRECTORY_DATA_LICENCE_NAME", "Datenlizenz Deutschland – Namensnennung – Version 2.0"
)
DIRECTORY_DATA_LICENCE_URL = os.environ.get(
    "DIRECTORY_DATA_LICENCE_URL", "https://www.govdata.de/dl-de/by-2-0"
)
