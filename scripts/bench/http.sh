#!/usr/bin/env bash
# Speed benchmark, loopback only (not a test; figures go in docs/benchmarks.md):
#  1. throughput and p99 of an article page from gunicorn (2 workers, production settings),
#     of the same server's hashed CSS file (whitenoise), and of a static copy of the same
#     article served by nginx, all from one run, with the ratios between them;
#  2. compressed weight of the article page: HTML + CSS + JS, gzip -6;
#  3. start-up time and memory per worker with the real content and with 1,000 extra
#     synthetic articles.
# Usage: bash scripts/bench/http.sh   (DURATION=10s CONNECTIONS=32 change the wrk runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/venv.sh
. scripts/lib/server.sh
ensure_venv ""
install_missing wrk nginx curl
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
APP_PORT="${APP_PORT:-$(free_port)}"
NGINX_PORT="${NGINX_PORT:-$(free_port)}"
SERVER_WORK="$(mktemp -d /tmp/explainer-bench.XXXXXX)"
nginx_started=""
cleanup() {
  stop_server
  if [ -n "$nginx_started" ]; then
    "$NGINX" -p "$SERVER_WORK/nginx" -c "$SERVER_WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
  fi
  rm -rf "$SERVER_WORK"
}
trap cleanup EXIT
production_env
unset EXPLAINER_CONTENT_DIR

# Resident memory of each gunicorn worker, in MB, after every kind of page was served.
worker_rss() {
  local path pid
  for path in / "$article" /glossary/ /states/ /charges/ /find-a-defense-attorney/; do
    for _ in 1 2 3 4; do curl -s -o /dev/null "$APP$path"; done
  done
  for pid in $(pgrep -P "$server_pid"); do
    awk '/VmRSS/ {printf "%.0f ", $2 / 1024}' "/proc/$pid/status"
  done
}

# "requests/second p99" for one URL; any non-2xx answer stops the benchmark.
measure() {
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" >"$SERVER_WORK/wrk.txt"
  if grep -q -e "Non-2xx" -e "Socket errors" "$SERVER_WORK/wrk.txt"; then
    cat "$SERVER_WORK/wrk.txt" >&2
    return 1
  fi
  awk '/Requests\/sec/ {rps=$2} $1 == "99%" {p99=$2} END {printf "%.0f %s\n", rps, p99}' \
    "$SERVER_WORK/wrk.txt"
}

gz() { gzip -6 -c | wc -c; }

prepare_site
article="$(first_charge_article)"
start_server
startup="$startup_seconds"
rss="$(worker_rss)"
html="$SERVER_WORK/article.html"
curl -s "$APP$article" -o "$html"
css="$(grep -o 'href="/static/css/[^"]*\.css"' "$html" | head -1 | cut -d'"' -f2)"
scripts="$(grep -o 'src="/static/[^"]*\.js"' "$html" | cut -d'"' -f2)"

weight_html="$(gz <"$html")"
weight_css=0
for sheet in $(grep -o 'href="/static/css/[^"]*\.css"' "$html" | cut -d'"' -f2); do
  weight_css=$((weight_css + $(curl -s "$APP$sheet" | gz)))
done
weight_js=0
for js in $scripts; do weight_js=$((weight_js + $(curl -s "$APP$js" | gz))); done
weight_total=$((weight_html + weight_css + weight_js))

# The same article as a plain file, served by nginx with two workers like gunicorn. Its
# workers run as an unprivileged user, so the scratch folder must be readable to them.
chmod 755 "$SERVER_WORK"
mkdir -p "$SERVER_WORK/nginx/logs" "$SERVER_WORK/www$article"
cp "$html" "$SERVER_WORK/www${article}index.html"
cat >"$SERVER_WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $SERVER_WORK/nginx/nginx.pid;
error_log $SERVER_WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $SERVER_WORK/nginx/body;
  default_type text/html;
  server { listen 127.0.0.1:${NGINX_PORT}; root $SERVER_WORK/www; }
}
CONF
"$NGINX" -p "$SERVER_WORK/nginx" -c "$SERVER_WORK/nginx/nginx.conf" 2>/dev/null
nginx_started=1

read -r rps_article p99_article < <(measure "$APP$article")
read -r rps_css p99_css < <(measure "$APP$css")
read -r rps_nginx p99_nginx < <(measure "http://127.0.0.1:${NGINX_PORT}${article}")
stop_server

# Start-up and memory again with 1,000 synthetic articles added to a copy of the content.
synthetic="$SERVER_WORK/content-1000"
cp -r content "$synthetic"
.venv/bin/python - "$synthetic" <<'PY'
import sys
from pathlib import Path

root = Path(sys.argv[1])
model = (root / "articles/process/what-not-to-do.md").read_text()
front, body = model.split("\n---\n", 1)
front = "\n".join(line for line in front.splitlines() if not line.startswith("order:"))
for n in range(1000):
    text = front.replace("title: ", f"title: Synthetic article {n:04d}, ", 1)
    (root / f"articles/process/synthetic-{n:04d}.md").write_text(f"{text}\n---\n{body}")
PY
export EXPLAINER_CONTENT_DIR="$synthetic"
prepare_site
start_server
startup_1000="$startup_seconds"
rss_1000="$(worker_rss)"
stop_server

percent() { python3 -c "print(f'{$1 / $2:.0%}')"; }
cat <<REPORT
Benchmark $(date -u +%Y-%m-%dT%H:%MZ): wrk -t2 -c${CONNECTIONS} -d${DURATION} --latency, loopback, $(nproc) cores

| what | requests/s | p99 |
| --- | ---: | ---: |
| article ${article} (gunicorn, 2 workers) | ${rps_article} | ${p99_article} |
| hashed CSS ${css} (same gunicorn, whitenoise) | ${rps_css} | ${p99_css} |
| static copy of the article (nginx, 2 workers) | ${rps_nginx} | ${p99_nginx} |

Article / whitenoise CSS: $(percent "$rps_article" "$rps_css"). Article / nginx static copy: $(percent "$rps_article" "$rps_nginx").

Article weight, gzip -6: HTML ${weight_html} B + CSS ${weight_css} B + JS ${weight_js} B = ${weight_total} B ($(python3 -c "print(f'{$weight_total / 1024:.1f}')") KB)

| content | start-up to first page | RSS per worker (MB) |
| --- | ---: | ---: |
| real content ($(find content/articles -name '*.md' | wc -l) articles) | ${startup} s | ${rss} |
| real + 1,000 synthetic articles | ${startup_1000} s | ${rss_1000} |
REPORT
