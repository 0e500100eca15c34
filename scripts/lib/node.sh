# Shared by scripts/test and scripts/bench/lighthouse.sh: install the checking tools in
# package.json (never served to readers) from package-lock.json into node_modules/.
# Re-installs only when package-lock.json changes, so a second run starts at once.

ensure_node_tools() {
  local with_dev="$1" # "dev" also installs Lighthouse; the test suite needs only vnu-jar
  local stamp="node_modules/.installed-${with_dev:-prod}"
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  if [ -f node_modules/.installed-dev ] && [ "$(cat node_modules/.installed-dev)" = "$want" ]; then
    return 0 # a full install holds everything the test suite needs
  fi
  echo "Installing the checking tools with npm ci ..."
  if [ "$with_dev" = "dev" ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm ci --omit=dev --no-audit --no-fund --loglevel=error
  fi
  echo "$want" >"$stamp"
}
