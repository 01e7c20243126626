#!/usr/bin/env bash
# The test command (README "Run the tests"): installs what the tests need when it is missing, then runs
# every test project. The consoles are built with npm (Node.js 20 or later) by the server's build.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20 or later is needed to build the consoles; install it first." >&2
  exit 1
fi
# The browser tests drive the system Chromium (Playwright cannot download its own browsers on a closed
# network); the cluster fault tests put nginx in front of their nodes (their own
# instance, never the system's service); PostgreSQL is installed here too, so that one apt-get update serves all.
source tests/packages.sh
ensure_packages "chromium|test -x /usr/bin/chromium" "nginx|test -x /usr/sbin/nginx" "postgresql|ls /usr/lib/postgresql/*/bin/postgres"

# The storage and server suites also run on PostgreSQL, and the cluster fault tests need it (tests/postgres.sh).
source tests/postgres.sh

dotnet test CiExercise.sln "$@"
# The server suite once more with every server on a PostgreSQL database of its own (the storage suite runs on
# both in its one pass, a test class per provider).
CIEX_TEST_STORAGE=PostgreSql dotnet test tests/CiExercise.Server.Tests --no-build "$@"
