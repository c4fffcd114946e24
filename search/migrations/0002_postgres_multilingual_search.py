"""PostgreSQL only (a no-op on SQLite): what tolerant multilingual search needs.

* extensions `unaccent` (fold umlauts and accents) and `pg_trgm` (typo tolerance);
* the text search configuration `multilingual`: a copy of `simple` (no stemming, no
  stop words, so it suits Latin, Cyrillic and Arabic script alike) that unaccents words
  first; settings use it as WAGTAILSEARCH_BACKENDS' SEARCH_CONFIG;
* the immutable `f_unaccent()` wrapper and trigram indexes on the search index's plain
  text, which modelsearch's Fuzzy(unaccent=True) queries use.

Since PostgreSQL 13 both extensions are "trusted": the database owner may create them.
Run `manage.py update_index` after this migration on a database with existing content,
so the index is rebuilt with the new configuration.
"""

from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"

FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'multilingual') THEN
            CREATE TEXT SEARCH CONFIGURATION multilingual (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION multilingual
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $func$ SELECT public.unaccent('public.unaccent', $1) $func$
    """,
    f"CREATE INDEX IF NOT EXISTS portal_search_title_unaccent_trgm ON {INDEX_TABLE} "
    "USING gin (f_unaccent(title_text) gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS portal_search_body_unaccent_trgm ON {INDEX_TABLE} "
    "USING gin (f_unaccent(body_text) gin_trgm_ops)",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS portal_search_title_unaccent_trgm",
    "DROP INDEX IF EXISTS portal_search_body_unaccent_trgm",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS multilingual",
    # f_unaccent and the extensions stay: other code (modelsearch's own commands) uses them.
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0001_query_log"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(_run(FORWARDS), _run(BACKWARDS))]
