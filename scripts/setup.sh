#!/usr/bin/env bash
# Set up privacy-tui from a checkout: a browser if none is found, then a virtual
# environment in .venv with the package (and, with --test, what the tests need).
#
#   bash scripts/setup.sh          # to run the app:    .venv/bin/privacy-tui --demo
#   bash scripts/setup.sh --test   # to run the tests:  .venv/bin/python -m pytest
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=false
[ "${1:-}" = "--test" ] && want_tests=true

have_browser() {
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

have_headless_shell() {
  command -v chromium-headless-shell >/dev/null 2>&1 || command -v chrome-headless-shell >/dev/null 2>&1
}

updated=false
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install: $* (no apt-get on this system)" >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing $* with apt-get"
  $updated || $sudo apt-get update -qq
  updated=true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

missing=()
have_browser || missing+=(chromium)
if $want_tests; then
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  # The sign-in-in-a-window test runs a headed Chromium on a virtual display.
  command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
fi
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
# The scheduler's tests hand what `watch install` writes to the real tools: Debian's
# crontab (cron's own package, without the mail system it recommends) and
# systemd-analyze.
if $want_tests; then
  command -v crontab >/dev/null 2>&1 || apt_install --no-install-recommends cron
  command -v systemd-analyze >/dev/null 2>&1 || apt_install --no-install-recommends systemd
fi
# Chromium's headless shell reads pages for a fraction of the CPU. Debian packages it.
# It is optional (the whole browser reads too), so it is not worth a password prompt.
if ! have_headless_shell && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt_install chromium-headless-shell 2>/dev/null ||
      echo "setup: no chromium-headless-shell here; checks use the whole browser" >&2
  else
    echo "setup: for lighter checks: sudo apt-get install chromium-headless-shell"
  fi
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: privacy-tui needs Python 3.11 or newer ($python is $("$python" -V 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
extra=""
$want_tests && extra="[test]"
.venv/bin/python -m pip install -q -c constraints.txt -e ".${extra}"
# An editable install leaves the modules uncompiled; compile them now, as installing a
# package does, so no start has to (PYTHONDONTWRITEBYTECODE would stop it saving them).
.venv/bin/python -m compileall -q automation tui >/dev/null
echo "setup: done. Try: .venv/bin/privacy-tui --demo"
