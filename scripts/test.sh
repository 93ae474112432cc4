#!/usr/bin/env bash
# The whole test suite against a real PostgreSQL (started, or installed and started, here).
set -euo pipefail
cd "$(dirname "$0")/.."
export IOM_REQUIRE_POSTGRES=1
exec scripts/with-postgres.sh mvn -B verify "$@"
