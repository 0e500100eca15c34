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
    echo "Installing Python packages into .venv (first run, or pyproject.toml changed) ..."
    local target="."
    [ -n "$extras" ] && target=".[$extras]"
    # pip's full output goes to a log, shown only when the install fails.
    if ! { .venv/bin/python -m pip install --upgrade pip &&
      .venv/bin/python -m pip install -e "$target"; } >.venv/pip.log 2>&1; then
      tail -n 40 .venv/pip.log >&2
      echo "Installing the Python packages failed; the full log is .venv/pip.log" >&2
      return 1
    fi
    echo "$want" >"$stamp"
  fi
}
