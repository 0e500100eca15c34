#!/usr/bin/env python
"""Time one kept answer of each kind of page inside Django, against whitenoise's CSS file.

Not a test: a measurement (numbers go in docs/benchmarks.md) of what the page cache costs
per request, with no network and no server in between. It counts this process's CPU time,
not the clock's, so other work on a busy machine moves it much less than it moves wrk. Each
figure is the best of several rounds of many calls through Django's WSGI handler, with
production settings (debug off, hashed static files in a scratch folder).

    .venv/bin/python scripts/bench/pagecache.py [--calls 2000] [--rounds 5]
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    static = tempfile.mkdtemp(prefix="explainer-bench-static-")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "explainer.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "benchmark-only-secret-key-not-used-anywhere-else-0123456789",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "EXPLAINER_STATIC_ROOT": static,
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.templatetags.static import static as static_url

    from explainer.content import get_site

    call_command("collectstatic", interactive=False, verbosity=0)
    site = get_site()
    article = site.section_articles("charges")[0]
    paths = {
        "hashed CSS (whitenoise)": static_url("css/site.css"),
        "home": "/",
        "section": next(iter(site.sections.values())).url,
        "article": article.url,
        "article with ?state=tx": f"{article.url}?state=tx",
        "handout": article.handout_url,
        "state page": "/states/tx/",
        "states table": "/states/",
        "attorney page": "/find-a-defense-attorney/",
        "glossary": "/glossary/",
        "A-Z topics": "/topics/",
        "intake": "/intake/",
        "intake sheet": "/intake/sheet/",
        "feed": "/feed/",
        "sitemap": "/sitemap.xml",
        "states.csv": "/states.csv",
    }
    # whitenoise reads STATIC_ROOT when the handler is made, after collectstatic.
    handler = WSGIHandler()
    css = paths.pop("hashed CSS (whitenoise)")
    print(f"Best of {args.rounds} rounds of {args.calls} calls, each page's rounds in turns with")
    print(f"the hashed CSS file's {css}; {os.cpu_count()} cores")
    print("| page | µs per request | CSS µs | share of the CSS file's speed |")
    print("| --- | ---: | ---: | ---: |")
    for name, path in paths.items():
        if not path:
            continue
        css_cost, cost = best_costs(handler, [css, path], args.calls, args.rounds)
        print(
            f"| {name} `{path}` | {cost * 1e6:.0f} | {css_cost * 1e6:.0f} | {css_cost / cost:.0%} |"
        )
    return 0


def best_costs(handler, paths: list[str], calls: int, rounds: int) -> list[float]:
    """Seconds per request for each path, best round, the paths' rounds taken in turns; the
    first call of each (rendering, keeping) is not timed."""
    calls_of = [caller(handler, path) for path in paths]
    best = [float("inf")] * len(paths)
    for call in calls_of:
        call()
    for _ in range(rounds):
        for n, call in enumerate(calls_of):
            started = time.process_time()
            for _ in range(calls):
                call()
            best[n] = min(best[n], (time.process_time() - started) / calls)
    return best


def caller(handler, path: str):
    route, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": route,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }

    def call():
        status = []
        body = handler(dict(environ), lambda s, h, *a: status.append(s))
        b"".join(body)
        if hasattr(body, "close"):
            body.close()
        if not status[0].startswith("200"):
            raise SystemExit(f"{path} answered {status[0]}")

    return call


if __name__ == "__main__":
    sys.exit(main())
