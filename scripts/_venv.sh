# Shared by scripts/run and scripts/test: make .venv with Python 3.11+ and install the project.
# Re-installs only when pyproject.toml changes, so a second run starts at once.

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Python 3.11 or newer is needed; none was found on PATH." >&2
  return 1
}

ensure_venv() {
  local extras="$1"
  if [ ! -x .venv/bin/python ]; then
    "$(find_python)" -m venv .venv
  fi
  local stamp=".venv/.installed-${extras:-base}"
  local want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "is ignored" || true
    if [ -n "$extras" ]; then
      .venv/bin/python -m pip install --quiet -e ".[$extras]" 2>&1 | grep -v "is ignored" || true
    else
      .venv/bin/python -m pip install --quiet -e . 2>&1 | grep -v "is ignored" || true
    fi
    .venv/bin/python -c "import django, markdown, yaml" # fail here, loudly, if the install did not work
    echo "$want" >"$stamp"
  fi
}
