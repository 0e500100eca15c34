# Shared by scripts/test and .ci/run: start a local PostgreSQL for the search tests when the
# machine has one, and say where it is through EXPLAINER_TEST_POSTGRES. Loopback only.

start_services() {
  if [ -n "${EXPLAINER_TEST_POSTGRES:-}" ]; then
    return 0
  fi
  if [ "$(id -u)" != "0" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    return 0
  fi
  local version
  version="$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)"
  [ -n "$version" ] || return 0
  pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 1 20); do
    su postgres -c "pg_isready -q -h 127.0.0.1" && break
    sleep 0.5
  done
  su postgres -c "psql -q -c \"alter user postgres password 'postgres'\"" >/dev/null
  su postgres -c "psql -tAc \"select 1 from pg_database where datname='explainer_test'\"" |
    grep -q 1 || su postgres -c "createdb explainer_test"
  export EXPLAINER_TEST_POSTGRES="postgresql://postgres:postgres@127.0.0.1:5432/explainer_test"
}
