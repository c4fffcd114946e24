"""PostgreSQL only (a no-op on SQLite): a GIN index on the vector the search matches.

modelsearch's PostgreSQL backend filters with `(title || body) @@ query`; the GIN indexes
on `title` and `body` alone cannot answer that expression, so every search read the whole
index table (measured with EXPLAIN ANALYZE at 5,000 organisations; README, Benchmark).
"""

from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS portal_search_title_body_gin ON {INDEX_TABLE} "
            "USING gin ((title || body))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS portal_search_title_body_gin")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_postgres_multilingual_search")]

    operations = [migrations.RunPython(forwards, backwards)]
