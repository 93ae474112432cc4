#!/usr/bin/env bash
# The whole test suite against a real PostgreSQL (started, or installed and started, here)
# and, for the printable reports, Debian's headless Chromium (installed here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: installing Debian's chromium for the report rendering tests" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export IOM_REQUIRE_POSTGRES=1
export IOM_REQUIRE_BROWSER=1
exec scripts/with-postgres.sh mvn -B verify "$@"
