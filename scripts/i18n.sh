#!/usr/bin/env bash
# Refresh the English catalogue from the Vietnamese source strings (msgids are Vietnamese, the default).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pybabel extract -F babel.cfg --ignore-dirs ".* .venv __pycache__" -k _l -k lazy_gettext -k N_ --sort-by-file -o webapp/translations/messages.pot .
.venv/bin/pybabel update -i webapp/translations/messages.pot -d webapp/translations -l en --no-fuzzy-matching
