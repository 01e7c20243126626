#!/usr/bin/env bash
# Sourced by tests/run.sh and tests/postgres.sh: installs Debian packages the tests need when they are missing,
# with one apt-get update for all of them.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# ensure_packages "package|command that succeeds when it is present" ...
ensure_packages() {
  local missing=() entry
  for entry in "$@"; do
    if ! bash -c "${entry#*|}" >/dev/null 2>&1; then missing+=("${entry%%|*}"); fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
}
