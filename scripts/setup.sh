#!/usr/bin/env bash
# Install into .venv, create the SQLite database, load the demo town and serve the app.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e .
.venv/bin/pybabel compile -d webapp/translations -f -q 2>/dev/null || .venv/bin/pybabel compile -d webapp/translations -f
.venv/bin/flask --app wsgi db upgrade
.venv/bin/flask --app wsgi demo
echo
echo "Mở trình duyệt tại http://127.0.0.1:${PORT:-8000}/  (dừng bằng Ctrl+C)"
exec .venv/bin/flask --app wsgi serve --host 127.0.0.1 --port "${PORT:-8000}"
