#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium and its WebDriver for the browser tests, once: the build runs this
# before ui-tests' tests, and it does nothing when both are there already. No browser is downloaded by the tests.
set -euo pipefail

CHROMIUM=${ALICIA_CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${ALICIA_CHROMEDRIVER:-/usr/bin/chromedriver}

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo -n)
else
  echo "install-chromium.sh: $CHROMIUM or $CHROMEDRIVER is missing and neither root nor sudo is available;" >&2
  echo "  install Debian's chromium and chromium-driver packages, then build again." >&2
  exit 1
fi

echo "==> Installing chromium and chromium-driver (Debian packages) for the browser tests"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation fonts-dejavu-core >/dev/null
"$CHROMIUM" --version
"$CHROMEDRIVER" --version
