#!/usr/bin/env bash
# Runs a command with a local PostgreSQL 15 (or newer) running and libpq PG* variables set.
# Starts an existing Debian cluster (pg_ctlcluster) or installs and creates one (apt-get).
# Creates the role and database named by IOM_PG_USER / IOM_PG_DB (default iom / iom) if missing.
# Usage: scripts/with-postgres.sh <command> [args...]
set -euo pipefail

PG_USER_NAME=${IOM_PG_USER:-iom}
PG_DB_NAME=${IOM_PG_DB:-iom}
PG_PASS=${IOM_PG_PASSWORD:-iom}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "with-postgres: PostgreSQL is not installed; installing it with apt-get" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

cluster=$(pg_lsclusters --no-header | sort -k1,1nr | head -n 1 || true)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  echo "with-postgres: creating cluster $version main" >&2
  as_root pg_createcluster "$version" main >/dev/null
  cluster=$(pg_lsclusters --no-header | sort -k1,1nr | head -n 1)
fi
read -r version name port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  echo "with-postgres: starting cluster $version $name on port $port" >&2
  as_root pg_ctlcluster "$version" "$name" start
fi

for _ in $(seq 1 30); do
  as_postgres pg_isready -q -p "$port" && break
  sleep 1
done
as_postgres pg_isready -q -p "$port" || { echo "with-postgres: PostgreSQL did not become ready on port $port" >&2; exit 1; }

as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -d postgres <<SQL >/dev/null
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_USER_NAME}') THEN
    CREATE ROLE "${PG_USER_NAME}" LOGIN PASSWORD '${PG_PASS}' CREATEDB CREATEROLE;
  END IF;
END
\$\$;
SQL
if ! as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '${PG_DB_NAME}'" -d postgres | grep -q 1; then
  as_postgres createdb -p "$port" -O "$PG_USER_NAME" "$PG_DB_NAME"
fi

export PGHOST=${PGHOST:-localhost}
export PGPORT=${PGPORT:-$port}
export PGUSER=${PGUSER:-$PG_USER_NAME}
export PGPASSWORD=${PGPASSWORD:-$PG_PASS}
export PGDATABASE=${PGDATABASE:-$PG_DB_NAME}
exec "$@"
