#!/usr/bin/env bash
# Install the test extras into .venv and run the whole suite: against SQLite, and against
# PostgreSQL too when TEST_DATABASE_URL is set.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null
.venv/bin/pip install -q -e '.[test]' || exit 1
.venv/bin/pybabel compile -d webapp/translations -f >/dev/null || exit 1

echo "== lint (ruff: pyflakes, pycodestyle, import order) and layers (import-linter contracts in pyproject.toml)"
.venv/bin/ruff check . || exit 1
.venv/bin/lint-imports --no-cache || exit 1

echo "== test suite on SQLite"
env -u TEST_DATABASE_URL .venv/bin/python -m pytest -p no:cacheprovider -n 2 "$@"
sqlite_status=$?
[ "$sqlite_status" -eq 0 ] || exit "$sqlite_status"

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== test suite on PostgreSQL (browser tests included)"
  .venv/bin/python -m pytest -p no:cacheprovider -n 2 --ignore=tests/importers "$@"
  exit $?
fi
