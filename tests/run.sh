#!/usr/bin/env bash
# The test command (README "Run the tests"): installs what the tests need when it is missing, then runs
# every test project. The browser tests drive the system Chromium, since Playwright cannot download its
# own browsers on a closed network; the consoles are built with npm (Node.js 20 or later) by the server's build;
# PostgreSQL comes from Debian's package and is started with pg_ctlcluster; nginx from Debian's package too.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20 or later is needed to build the consoles; install it first." >&2
  exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && apt-get install -y chromium
  else
    sudo apt-get update && sudo apt-get install -y chromium
  fi
fi

# The cluster fault tests put nginx in front of their nodes (their own instance, never the system's service).
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && apt-get install -y nginx
  else
    sudo apt-get update && sudo apt-get install -y nginx
  fi
fi

# The storage and server suites also run on PostgreSQL, and the cluster fault tests need it (tests/postgres.sh).
source tests/postgres.sh

dotnet test CiExercise.sln "$@"
# The server suite once more with every server on a PostgreSQL database of its own (the storage suite runs on
# both in its one pass, a test class per provider).
CIEX_TEST_STORAGE=PostgreSql dotnet test tests/CiExercise.Server.Tests --no-build "$@"
