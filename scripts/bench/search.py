#!/usr/bin/env python
"""Search latency with 10,000 synthetic articles, on SQLite and on PostgreSQL.

Not a test: a measurement to run by hand when search changes (numbers go in docs/search.md).

    .venv/bin/python scripts/bench/search.py                 # SQLite, and PostgreSQL if named
    .venv/bin/python scripts/bench/search.py --backend sqlite --articles 2000
    .venv/bin/python scripts/bench/search.py --articles 0     # the real site's pages alone

PostgreSQL is used when EXPLAINER_TEST_POSTGRES (or --postgres) names a server; the script
makes its own database there (explainer_bench, dropped afterwards) and never touches another.
The index holds the real site's pages plus the synthetic articles. The articles are
made from the real content: each takes most of its sentences and its headings from one real
article, so it keeps to one topic as real articles do, and ten more sentences from anywhere.
Each backend runs in its own process, because Django reads its database settings once.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "tests" / "search_queries.yaml"
BENCH_DB = "explainer_bench"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3, help="times each query is timed")
    parser.add_argument(
        "--first", type=int, default=0, help="only the first N relevance queries (0: all)"
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("EXPLAINER_TEST_POSTGRES", ""),
        help="postgresql:// URL of a server to benchmark on",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.articles, args.rounds, args.first)))
        return 0
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    print(
        f"Search benchmark: {args.articles:,} synthetic articles, "
        f"each query timed {args.rounds} times, {os.cpu_count()} CPU cores"
    )
    for backend in backends:
        url = database_url(backend, args.postgres)
        if not url:
            print(f"{backend:<10} skipped: no PostgreSQL server (set EXPLAINER_TEST_POSTGRES)")
            continue
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "explainer.settings_test",
        }
        try:
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "--articles",
                    str(args.articles),
                    "--rounds",
                    str(args.rounds),
                    "--first",
                    str(args.first),
                ],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            remove_database(backend, url, args.postgres)
        if done.returncode != 0:
            print(f"{backend:<10} failed:\n{done.stderr}")
            return 1
        report(backend, json.loads(done.stdout.strip().splitlines()[-1]))
    return 0


def database_url(backend: str, postgres: str) -> str:
    if backend == "sqlite":
        return f"sqlite:///{Path(tempfile.gettempdir()) / 'explainer-bench-search.sqlite3'}"
    if not postgres:
        return ""
    create_postgres_database(postgres)
    parts = urlsplit(postgres)
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


def create_postgres_database(url: str) -> None:
    with postgres_admin(url) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")


def remove_database(backend: str, url: str, postgres: str) -> None:
    if backend == "sqlite":
        Path(urlsplit(url).path).unlink(missing_ok=True)
    else:
        with postgres_admin(postgres) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")


def postgres_admin(url: str):
    import psycopg

    return psycopg.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")), autocommit=True)


def measure(count: int, rounds: int, first: int = 0) -> dict:
    """Runs in the child process, with DATABASE_URL pointing at the database to measure."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import yaml
    from django.core.management import call_command

    from explainer.content import get_site
    from explainer.search import index as searchindex
    from explainer.search import results as search
    from explainer.search.documents import documents

    call_command("migrate", verbosity=0)
    site = get_site()
    docs = documents(site) + synthetic_documents(site, count)
    started = time.perf_counter()
    # The real site's fingerprint, so search treats this synthetic index as current.
    phrases = [t for entry in site.synonyms for t in entry.site]
    searchindex.build_from(docs, site.fingerprint, phrases)
    build_seconds = time.perf_counter() - started

    listed = [q["query"] for q in yaml.safe_load(QUERIES.read_text())]
    queries = typed_queries(listed[:first] if first else listed)
    for query in queries:  # warm caches, as a running server would have
        search.find(query, site)
    timings, matched = [], 0
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            results = search.find(query, site)
            timings.append((time.perf_counter() - started) * 1000)
            matched += results.total
    timings.sort()
    return {
        "documents": len(docs),
        "build_seconds": build_seconds,
        "queries": len(queries),
        "timed": len(timings),
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
        "mean_matches": matched / len(timings),
    }


def synthetic_documents(site, count: int):
    """Articles like real ones: each keeps to the topic of one real article (most of its
    sentences and all its headings come from it), with some sentences from anywhere."""
    from explainer.search.documents import SearchDoc, documents

    def sentences(text):
        return [s.strip() + "." for s in text.split(".") if len(s.split()) > 4]

    real = [d for d in documents(site) if d.kind in {"article", "page"}]
    anywhere = [s for d in real for s in sentences(d.body)]
    rng = random.Random(2026)
    made = []
    for n in range(count):
        source = rng.choice(real)
        own = sentences(source.body) or anywhere
        headings = [h for h in source.headings.split("\n") if h.strip()]
        questions = [q for q in source.questions.split("\n") if q.strip()]
        made.append(
            SearchDoc(
                url=f"/bench/article-{n}/",
                kind="article",
                label="Benchmark",
                title=f"{source.title} ({n})",
                summary=source.summary,
                headings="\n".join(rng.sample(headings, min(6, len(headings)))),
                body=" ".join(rng.choices(own, k=50) + rng.choices(anywhere, k=10)),
                questions="\n".join(rng.sample(questions, min(4, len(questions)))),
            )
        )
    return made


def typed_queries(queries: list[str]) -> list[str]:
    """Each whole query, plus what the box holds on the way to it (as-you-type searches)."""
    typed = []
    for query in queries:
        typed += [query[:n] for n in range(4, len(query), 6)] + [query]
    return typed


def report(backend: str, r: dict) -> None:
    print(
        f"{backend:<10} {r['documents']:,} documents, index built in {r['build_seconds']:.1f} s; "
        f"{r['timed']:,} searches ({r['queries']} distinct): p50 {r['p50']:.1f} ms, "
        f"p95 {r['p95']:.1f} ms, max {r['max']:.1f} ms; {r['mean_matches']:.0f} matches "
        "per search on average"
    )


if __name__ == "__main__":
    sys.exit(main())
