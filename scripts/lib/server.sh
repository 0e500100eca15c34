# Shared by scripts/bench/http.sh, scripts/bench/load.sh and scripts/bench/lighthouse.sh: the site
# under gunicorn with production settings (debug off, collectstatic done, hashed static files
# from whitenoise) on a loopback port, with its own database in a scratch folder.
# The caller sets SERVER_WORK (a scratch folder) and APP_PORT, and calls stop_server on exit.

server_pid=""
startup_seconds=""

# A loopback port nobody listens on, so two runs at once never talk to each other's server.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

production_env() {
  export DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_ALLOWED_HOSTS=127.0.0.1
  export DJANGO_SECRET_KEY="benchmark-only-secret-key-not-used-anywhere-else-0123456789"
  export DATABASE_URL="sqlite:///${SERVER_WORK}/site.sqlite3"
  APP="http://127.0.0.1:${APP_PORT}"
}

prepare_site() {
  .venv/bin/python manage.py collectstatic --noinput -v 0
  .venv/bin/python manage.py migrate --noinput -v 0
  if .venv/bin/python manage.py help build_search_index >/dev/null 2>&1; then
    .venv/bin/python manage.py build_search_index >/dev/null
  fi
}

# Starts gunicorn with 2 workers; startup_seconds is the time from launch to the first page.
start_server() {
  local started now
  started="$(date +%s.%N)"
  .venv/bin/gunicorn --workers 2 --bind "127.0.0.1:${APP_PORT}" --log-level warning \
    explainer.wsgi >"$SERVER_WORK/gunicorn.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 400); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      break # it exited (the port was taken, say): do not measure someone else's server
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$APP/" || true)" = "200" ]; then
      now="$(date +%s.%N)"
      startup_seconds="$(python3 -c "print(f'{$now - $started:.2f}')")"
      return 0
    fi
    sleep 0.025
  done
  echo "gunicorn did not start:" >&2
  cat "$SERVER_WORK/gunicorn.log" >&2
  return 1
}

stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

# The address of the first charge article in the content the server reads.
first_charge_article() {
  .venv/bin/python -c '
import os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "explainer.settings")
django.setup()
from explainer.content import get_site
print(get_site().section_articles("charges")[0].url)'
}

install_missing() {
  local missing=()
  local tool
  for tool in "$@"; do
    case "$tool" in
      nginx) command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light) ;;
      *) command -v "$tool" >/dev/null 2>&1 || missing+=("$tool") ;;
    esac
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]} with apt-get ..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
}
