"""deploy/nginx.conf with its machine-specific values changed, for the test and the benchmark.

Only the lines marked "# deploy:" change, each by a substitution that must match, so this
fails loudly when the deployed file and what the tests run drift apart.

    python scripts/lib/nginx_conf.py --work DIR --static DIR --upstream 127.0.0.1:PORT \
        --http-port PORT --https-port PORT > DIR/nginx.conf
"""

import argparse
import os
import sys
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"


def render(work: str, static: str, upstream: str, http_port: int, https_port: int) -> str:
    text = CONFIG.read_text()
    swaps = [
        ("/var/log/nginx/", f"{work}/"),
        ("/var/cache/nginx/", f"{work}/"),
        ("/run/", f"{work}/"),
        ("/etc/ssl/explainer/", f"{work}/"),
        ("/srv/explainer/staticfiles/", f"{static.rstrip('/')}/"),
        ("127.0.0.1:8000", upstream),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl"),
        ("explainer.example", "localhost"),
    ]
    lines = text.splitlines(keepends=True)
    for old, new in swaps:
        if not any(old in line and "# deploy:" in line for line in lines):
            sys.exit(f"deploy/nginx.conf has no marked line holding {old!r}")
        lines = [line.replace(old, new) if "# deploy:" in line else line for line in lines]
    if os.geteuid() == 0:
        # The scratch folders are private to root; nginx's workers would run as nobody.
        lines.insert(0, "user root;\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in ("work", "static", "upstream"):
        parser.add_argument(f"--{name}", required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--https-port", type=int, required=True)
    args = parser.parse_args()
    sys.stdout.write(render(args.work, args.static, args.upstream, args.http_port, args.https_port))


if __name__ == "__main__":
    main()
