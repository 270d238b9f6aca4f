#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing (idempotent).
# Playwright drives this system browser; `playwright install` is never run.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
  echo "scripts/browser.sh: no /usr/bin/chromium and no root apt-get; browser tests will skip" >&2
  exit 0
fi
echo "installing chromium for the browser tests ..."
log="$(mktemp)"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
    > "$log" 2>&1; then
  tail -20 "$log"
  echo "scripts/browser.sh: installing chromium failed; browser tests will skip" >&2
fi
rm -f "$log"
