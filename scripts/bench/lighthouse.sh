#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) for the home page, an
# article and a search, with Debian's Chromium against gunicorn on loopback (production
# settings, see scripts/lib/server.sh). Reports go to bench-out/lighthouse/ (gitignored).
# Usage: bash scripts/bench/lighthouse.sh   (not part of CI: about 15 s a page)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/venv.sh
. scripts/lib/server.sh
. scripts/lib/node.sh
ensure_venv ""
install_missing chromium curl
ensure_node_tools dev

APP_PORT="${APP_PORT:-$(free_port)}"
OUT="bench-out/lighthouse"
SERVER_WORK="$(mktemp -d /tmp/explainer-lighthouse.XXXXXX)"
cleanup() {
  stop_server
  rm -rf "$SERVER_WORK"
}
trap cleanup EXIT
production_env
prepare_site
start_server
mkdir -p "$OUT"

declare -A pages=([home]=/ [article]="$(first_charge_article)" [search]="/search/?q=enticement")
# Without the background-networking flags Chromium tries to reach outside hosts on its own.
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run"
flags+=" --disable-background-networking --disable-component-update --disable-sync"

printf '| page | performance | accessibility | best practices | SEO |\n| --- | ---: | ---: | ---: | ---: |\n'
for name in home article search; do
  report="$OUT/$name.json"
  if ! CHROME_PATH=/usr/bin/chromium node_modules/.bin/lighthouse "$APP${pages[$name]}" --quiet \
    --chrome-flags="$flags" --output=json --output-path="$report" >"$SERVER_WORK/lh.log" 2>&1; then
    cat "$SERVER_WORK/lh.log" >&2
    exit 1
  fi
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories;
    const s = (k) => Math.round(c[k].score * 100);
    console.log(`| ${process.argv[2]} ${r.finalDisplayedUrl.replace(/^https?:\/\/[^/]+/, "")} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |`);
    for (const [k, cat] of Object.entries(c)) {
      for (const ref of cat.auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.error(`  ${process.argv[2]} ${k}: ${a.id} ${a.score} ${a.title}`);
      }
    }' "$PWD/$report" "$name"
done
