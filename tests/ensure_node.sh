#!/bin/sh
# Make sure Node.js and npm are installed (Debian's packages, via apt when running as root) and that the
# benchmark's pinned npm tools (tests/node/package-lock.json: Lighthouse) are installed in tests/node.
set -e
cd "$(dirname "$0")/node"
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Node.js and npm for the benchmark (apt-get install -y nodejs npm)..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "The benchmark needs Node.js 18+ and npm. Install them with:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y nodejs npm" >&2
    exit 1
  fi
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the benchmark's npm tools (npm ci in tests/node)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
