"""A GIN index on the search vector, on PostgreSQL only.

SQLite has no GIN indexes; it searches an FTS5 table that build_search_index makes instead.
"""

from django.db import migrations

INDEX = "explainer_searchdocument_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON explainer_searchdocument USING gin (vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("explainer", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
