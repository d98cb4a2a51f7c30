#!/bin/sh
# Make sure Debian's Chromium is installed for the browser tests; install it with apt when running as root.
set -e
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get install -y chromium)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Debian's Chromium at /usr/bin/chromium. Install it with:" >&2
echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
