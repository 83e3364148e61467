#!/bin/sh
# manage.py with production's environment, for cron (deploy/cron/arena) and an operator's shell:
#   deploy/manage.sh migrate
set -eu
cd "$(dirname "$0")/.."
set -a
. "${ARENA_ENV_FILE:-/etc/arena/env}"
set +a
DJANGO_SETTINGS_MODULE=arena.settings.production exec .venv/bin/python manage.py "$@"
