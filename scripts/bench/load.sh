#!/usr/bin/env bash
# Bounded load test, loopback only: wrk runs for DURATION (60 s) with CONNECTIONS (64) open
# against gunicorn (2 workers, production settings), spread over the home page, an article,
# the glossary, the states table, a state page and a 404. It passes when wrk saw no socket
# error and every answer was 2xx, 3xx or the expected 404. Prints wrk's summary per address.
# Usage: bash scripts/bench/load.sh   (tests/test_load.py runs it as part of the suite)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/venv.sh
. scripts/lib/server.sh
ensure_venv ""
install_missing wrk curl

DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
APP_PORT="${APP_PORT:-$(free_port)}"
SERVER_WORK="$(mktemp -d /tmp/explainer-load.XXXXXX)"
cleanup() {
  stop_server
  rm -rf "$SERVER_WORK"
}
trap cleanup EXIT
production_env
prepare_site
article="$(first_charge_article)"
start_server

# The addresses share the time and the connections; wrk runs them side by side.
paths=(/ "$article" /glossary/ /states/ /states/ca/ "$article?state=tx")
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$APP/search/?q=enticement")" = "200" ]; then
  paths+=("/search/?q=enticement")
fi
pids=()
i=0
for path in "${paths[@]}"; do
  # CONNECTIONS split as evenly as it goes; the first few addresses take one more each.
  open=$((CONNECTIONS / ${#paths[@]} + (i < CONNECTIONS % ${#paths[@]} ? 1 : 0)))
  wrk -t1 -c"$open" -d"${DURATION}s" "$APP$path" >"$SERVER_WORK/wrk-$i.txt" &
  pids+=($!)
  i=$((i + 1))
done
for pid in "${pids[@]}"; do wait "$pid"; done

# A missing page under load must still answer 404, not fail.
missing_status="$(curl -s -o /dev/null -w '%{http_code}' "$APP/no-such-page-anywhere/" || true)"

failed=0
total=0
i=0
for path in "${paths[@]}"; do
  out="$SERVER_WORK/wrk-$i.txt"
  requests="$(awk '/requests in/ {print $1}' "$out")"
  total=$((total + requests))
  printf '%-45s %3s connections %7s requests %s\n' "$path" \
    "$(awk '/connections/ {print $4}' "$out")" "$requests" \
    "$(awk '/Requests\/sec/ {printf "%.0f req/s", $2}' "$out")"
  if grep -q -e "Non-2xx" -e "Socket errors" "$out"; then
    cat "$out"
    failed=1
  fi
  i=$((i + 1))
done
echo "total: $total requests in ${DURATION} s over ${CONNECTIONS} connections; 404 page: $missing_status"
if grep -q " 5[0-9][0-9] \| Error\|Traceback" "$SERVER_WORK/gunicorn.log"; then
  cat "$SERVER_WORK/gunicorn.log"
  failed=1
fi
if [ "$missing_status" != "404" ]; then
  echo "after the load, a missing page answered ${missing_status} instead of 404; gunicorn's log:"
  cat "$SERVER_WORK/gunicorn.log"
  failed=1
fi
if [ "$failed" = 0 ]; then
  echo "load test passed: no errors, no non-2xx/3xx answers"
else
  echo "load test FAILED"
fi
exit "$failed"
