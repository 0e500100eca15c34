#!/usr/bin/env bash
# Speed benchmark, loopback only (not a test; figures go in docs/benchmarks.md):
#  1. throughput and p99 of every kind of page from gunicorn (2 workers, production settings,
#     pages served from the page cache after their first visit) against the same server's
#     hashed CSS file (whitenoise), in one run, with each page's share of the CSS figure;
#  2. through nginx with deploy/nginx.conf (TLS, proxy_cache) in front of the same gunicorn:
#     the article against a plain file of the same size served by that nginx from disk;
#  3. compressed weight of the article page: HTML + CSS + JS, gzip -6;
#  4. start-up time and memory per worker with the real content and with 1,000 extra
#     synthetic articles.
# Usage: bash scripts/bench/http.sh   (DURATION=3s ROUNDS=3 CONNECTIONS=32 change the wrk runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/venv.sh
. scripts/lib/server.sh
ensure_venv ""
install_missing wrk nginx curl openssl
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

DURATION="${DURATION:-3s}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-32}"
APP_PORT="${APP_PORT:-$(free_port)}"
HTTP_PORT="$(free_port)"
HTTPS_PORT="$(free_port)"
SERVER_WORK="$(mktemp -d /tmp/explainer-bench.XXXXXX)"
nginx_started=""
cleanup() {
  stop_server
  if [ -n "$nginx_started" ]; then
    "$NGINX" -p "$SERVER_WORK" -c "$SERVER_WORK/nginx.conf" -s stop 2>/dev/null || true
  fi
  rm -rf "$SERVER_WORK"
}
trap cleanup EXIT
production_env
unset EXPLAINER_CONTENT_DIR
export EXPLAINER_STATIC_ROOT="$SERVER_WORK/static" DJANGO_BEHIND_PROXY=1
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost

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
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" >"$SERVER_WORK/wrk.txt"
  if grep -q -e "Non-2xx" -e "Socket errors" "$SERVER_WORK/wrk.txt"; then
    cat "$SERVER_WORK/wrk.txt" >&2
    return 1
  fi
  awk '/Requests\/sec/ {rps=$2} $1 == "99%" {p99=$2} END {printf "%.0f %s\n", rps, p99}' \
    "$SERVER_WORK/wrk.txt"
}

# "rps p99 rps p99": the best run of each of two URLs over ROUNDS alternating runs.
best_of() {
  local round rps p99 best_a="0 -" best_b="0 -"
  for round in $(seq 1 "$ROUNDS"); do
    read -r rps p99 < <(measure "${@:3}" "$1")
    [ "$rps" -gt "${best_a%% *}" ] && best_a="$rps $p99"
    read -r rps p99 < <(measure "${@:3}" "$2")
    [ "$rps" -gt "${best_b%% *}" ] && best_b="$rps $p99"
  done
  echo "$best_a $best_b"
}

gz() { gzip -6 -c | wc -c; }
percent() { python3 -c "print(f'{$1 / $2:.0%}')"; }

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

# Every kind of page, each measured after one visit put it in the page cache.
declare -A pages=(
  [home]=/ [section]="$(dirname "$article")/" [article]="$article"
  ["article with ?state=tx"]="${article}?state=tx" [handout]="${article}handout/"
  ["state page"]=/states/tx/ ["states table"]=/states/ ["attorney page"]=/find-a-defense-attorney/
  [glossary]=/glossary/ ["A-Z topics"]=/topics/ [intake]=/intake/ ["intake sheet"]=/intake/sheet/
  [feed]=/feed/ [sitemap]=/sitemap.xml [states.csv]=/states.csv
)
order=(home section article "article with ?state=tx" handout "state page" "states table"
  "attorney page" glossary "A-Z topics" intake "intake sheet" feed sitemap states.csv)
# The machine may be busy with other work, so each figure is the best of ROUNDS short runs,
# and each page's runs alternate with runs of the CSS file: a page's share is of that CSS
# figure, taken over the same stretch of time.
rows=""
lowest=""
for name in "${order[@]}"; do
  url="$APP${pages[$name]}"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = "200" ] || continue # not on this site
  read -r rps_css p99_css rps p99 < <(best_of "$APP$css" "$url")
  share="$(python3 -c "print(f'{$rps / $rps_css:.0%}')")"
  rows+="| ${name} \`${pages[$name]}\` | ${rps} | ${p99} | ${rps_css} | ${share} |"$'\n'
  lowest="$(python3 -c "print(min(x for x in [${lowest:-9e9}, $rps / $rps_css]))")"
done

# nginx with the deployed configuration in front of the same gunicorn, over TLS. The plain
# file is the article's own bytes, served by that nginx from its static folder.
chmod 755 "$SERVER_WORK"
.venv/bin/python scripts/lib/nginx_conf.py --work "$SERVER_WORK" --static "$SERVER_WORK/static" \
  --upstream "127.0.0.1:${APP_PORT}" --http-port "$HTTP_PORT" --https-port "$HTTPS_PORT" \
  >"$SERVER_WORK/nginx.conf"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -keyout "$SERVER_WORK/privkey.pem" -out "$SERVER_WORK/fullchain.pem" 2>/dev/null
cp "$html" "$SERVER_WORK/static/bench-article.html"
"$NGINX" -p "$SERVER_WORK" -c "$SERVER_WORK/nginx.conf"
nginx_started=1
NGINX_URL="https://localhost:${HTTPS_PORT}"
curl -sk --resolve "localhost:${HTTPS_PORT}:127.0.0.1" -o /dev/null "$NGINX_URL$article"
read -r rps_nginx_file p99_nginx_file rps_nginx_article p99_nginx_article < <(best_of \
  "https://127.0.0.1:${HTTPS_PORT}/static/bench-article.html" \
  "https://127.0.0.1:${HTTPS_PORT}$article" -H "Host: localhost")
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

cat <<REPORT
Benchmark $(date -u +%Y-%m-%dT%H:%MZ): wrk -t2 -c${CONNECTIONS} -d${DURATION} --latency, best of ${ROUNDS} alternating runs, loopback, $(nproc) cores

Each page against the hashed CSS file ${css} of the same gunicorn (whitenoise), measured in
turns with it:

| page (gunicorn, 2 workers, page cache) | requests/s | p99 | CSS requests/s | share of CSS |
| --- | ---: | ---: | ---: | ---: |
${rows}
Lowest share: $(python3 -c "print(f'{$lowest:.0%}')") (target: every page at least 70%).

| through nginx (deploy/nginx.conf, TLS, 2 workers) | requests/s | p99 |
| --- | ---: | ---: |
| article ${article} (proxy_cache) | ${rps_nginx_article} | ${p99_nginx_article} |
| plain file of the same $(wc -c <"$html") bytes | ${rps_nginx_file} | ${p99_nginx_file} |

Article through nginx / plain file: $(percent "$rps_nginx_article" "$rps_nginx_file") (target: at least 80%).

Article weight, gzip -6: HTML ${weight_html} B + CSS ${weight_css} B + JS ${weight_js} B = ${weight_total} B ($(python3 -c "print(f'{$weight_total / 1024:.1f}')") KB)

| content | start-up to first page | RSS per worker (MB) |
| --- | ---: | ---: |
| real content ($(find content/articles -name '*.md' | wc -l) articles) | ${startup} s | ${rss} |
| real + 1,000 synthetic articles | ${startup_1000} s | ${rss_1000} |
REPORT
