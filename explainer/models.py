"""The search index: the only thing this site keeps in its database.

Content lives in files; these tables are a copy made by `manage.py build_search_index`, so
the database can always be thrown away and rebuilt. Nothing a reader types is stored.

On SQLite an FTS5 table (made by the build, see search/sqlite.py) indexes these rows. On
PostgreSQL the weighted `vector` column does, with a GIN index (migration 0002).
"""

from django.db import models


class TextSearchVector(models.Field):
    """PostgreSQL's tsvector. Elsewhere an unused text column: SQLite searches with FTS5.

    Django's own SearchVectorField would tie this module to psycopg, which a SQLite-only
    install does not have.
    """

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


@TextSearchVector.register_lookup
class Matches(models.Lookup):
    """vector__matches=SearchQuery(...): PostgreSQL's @@, which can use the GIN index."""

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @@ {rhs}", (*lhs_params, *rhs_params)


class SearchDocument(models.Model):
    url = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=20)
    label = models.CharField(max_length=200)
    title = models.TextField()
    questions = models.TextField(default="")
    summary = models.TextField()
    headings = models.TextField()
    body = models.TextField()
    boost = models.FloatField(default=1.0)
    vector = TextSearchVector(null=True)


class SearchIndexState(models.Model):
    """One row: which content the index was built from, so a stale index is never served."""

    fingerprint = models.CharField(max_length=64)
    documents = models.PositiveIntegerField()
    built_at = models.DateTimeField()


class SearchTermCount(models.Model):
    """How many indexed pages each of the site's own words and synonym phrases is found in,
    counted when the index is built (search.index.counts): the same for every search, so
    a search need not count them again. Made from the content only, never from searches."""

    term = models.CharField(max_length=300, unique=True)
    documents = models.PositiveIntegerField()
