#!/usr/bin/env bash
# Sourced by tests/run.sh: installs Debian's PostgreSQL when it is missing, starts two local clusters
# for the tests and exports their connection strings. "main" (port 5432) holds the storage and server
# suites' databases (each test class creates and drops its own); "ciexfaults" (port 5433) belongs to the
# cluster fault tests alone, which stop and start it, so no other suite's database goes down with it.
# Both are test databases on loopback only, with fsync off (the tests never crash the database machine).

source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"
ensure_packages "postgresql|ls /usr/lib/postgresql/*/bin/postgres"

CIEX_PG_VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
CIEX_PG_ROLE=ciex_test
CIEX_PG_PASSWORD=ciex_test

pg_cluster_up() { # name port
  local name=$1 port=$2
  if ! as_root pg_lsclusters -h | awk -v v="$CIEX_PG_VERSION" -v n="$name" '$1==v && $2==n {found=1} END {exit !found}'; then
    as_root pg_createcluster "$CIEX_PG_VERSION" "$name" -p "$port" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  fi
  local conf="/etc/postgresql/$CIEX_PG_VERSION/$name/conf.d"
  as_root mkdir -p "$conf"
  local wanted
  wanted="$(printf "listen_addresses = '127.0.0.1'\nport = %s\nmax_connections = 500\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n" "$port")"
  if [ "$(as_root cat "$conf/ciex-tests.conf" 2>/dev/null || true)" != "$wanted" ]; then
    printf '%s\n' "$wanted" | as_root tee "$conf/ciex-tests.conf" >/dev/null
    # A cluster the package started before these settings existed takes them on a restart.
    as_root pg_ctlcluster "$CIEX_PG_VERSION" "$name" stop >/dev/null 2>&1 || true
  fi
  if ! as_root pg_ctlcluster "$CIEX_PG_VERSION" "$name" status >/dev/null 2>&1; then
    as_root pg_ctlcluster "$CIEX_PG_VERSION" "$name" start
  fi
  as_root runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 -d postgres <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$CIEX_PG_ROLE') THEN
    CREATE ROLE $CIEX_PG_ROLE LOGIN CREATEDB PASSWORD '$CIEX_PG_PASSWORD';
  END IF;
END \$\$;
SQL
}

pg_cluster_up main 5432
pg_cluster_up ciexfaults 5433

export CIEX_TEST_POSTGRESQL="Host=127.0.0.1;Port=5432;Username=$CIEX_PG_ROLE;Password=$CIEX_PG_PASSWORD;Database=postgres"
export CIEX_TEST_POSTGRESQL_FAULTS="Host=127.0.0.1;Port=5433;Username=$CIEX_PG_ROLE;Password=$CIEX_PG_PASSWORD;Database=postgres"
# What the fault tests pass to pg_ctlcluster to stop and start their database: "<version> <name>".
export CIEX_TEST_POSTGRESQL_FAULTS_CLUSTER="$CIEX_PG_VERSION ciexfaults"
