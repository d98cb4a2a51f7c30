#!/bin/sh
# Make sure Debian's Chromium (browser tests, the PDF edition) and a Japanese font (the PDF's Japanese text:
# Noto Sans CJK, SIL Open Font License 1.1) are installed; install them with apt when running as root.
set -e
missing=""
[ -x /usr/bin/chromium ] || missing="chromium"
if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=ja 2>/dev/null)" ]; then :; else missing="$missing fonts-noto-cjk"; fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing$missing (apt-get install -y$missing)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  exit 0
fi
echo "The browser tests and the PDF need Debian's Chromium at /usr/bin/chromium and a Japanese font. Install them with:" >&2
echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
exit 1
