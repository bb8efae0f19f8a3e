#!/usr/bin/env bash
# Backup and restore drill (README "Backup and restore"), against PostgreSQL:
#   1. a fresh source database: migrate, seed_demo, plus uploaded files and fresh rows
#   2. back it up: pg_dump -Fc of the database, a tar of MEDIA_ROOT
#   3. restore both into a second fresh database and a new, empty MEDIA_ROOT
#   4. check the restore: migrate --check, the row count of every table, every media file
#      byte for byte, new ids from the sequences, the demo login and the key pages, the
#      downloads (scripts/check_restored.py)
# Exits non-zero on any difference. Both databases and the work directory are removed at the
# end (KEEP_BACKUP_CHECK=1 keeps them for a look).
#
# PostgreSQL is reached through the usual libpq variables: PGHOST (default 127.0.0.1),
# PGPORT (5432), PGUSER (postgres), PGPASSWORD. The user must be allowed to create databases.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
PYTHON="${PYTHON:-.venv/bin/python}"
suffix="$(date +%s)_$$_${RANDOM}"
SOURCE_DB="asn_backup_src_${suffix}"
TARGET_DB="asn_backup_dst_${suffix}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/asn-backup-check.XXXXXX")"
started=$SECONDS

fail() { echo "BACKUP CHECK FAILED: $*" >&2; exit 1; }
step() { printf '[%3ds] %s\n' $((SECONDS - started)) "$*"; }

for tool in pg_dump pg_restore pg_isready psql createdb dropdb tar; do
  command -v "$tool" >/dev/null 2>&1 \
    || fail "'$tool' not found: install the PostgreSQL client tools (apt-get install postgresql-client)"
done
[ -x "$PYTHON" ] || fail "no Python at $PYTHON: run 'make venv' or set PYTHON"
pg_isready -q -t 5 \
  || fail "PostgreSQL is not reachable at ${PGHOST}:${PGPORT} (set PGHOST/PGPORT/PGUSER/PGPASSWORD)"

cleanup() {
  local status=$?
  if [ "${KEEP_BACKUP_CHECK:-0}" = "1" ]; then
    echo "kept: databases $SOURCE_DB and $TARGET_DB, files in $WORK"
  else
    dropdb --if-exists --force "$SOURCE_DB" 2>/dev/null || true
    dropdb --if-exists --force "$TARGET_DB" 2>/dev/null || true
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT

database_url() {
  local auth="$PGUSER"
  if [ -n "${PGPASSWORD:-}" ]; then
    auth="$PGUSER:$("$PYTHON" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$PGPASSWORD")"
  fi
  echo "postgres://${auth}@${PGHOST}:${PGPORT}/$1"
}

# The portal as deployed (not the test settings a caller such as pytest may have exported):
# real files under MEDIA_ROOT, tasks run in-process.
portal() {
  local db="$1" media="$2"
  shift 2
  env -u REDIS_URL -u SQLITE_PATH DJANGO_SETTINGS_MODULE=asnportal.settings DEBUG=1 \
    DATABASE_URL="$(database_url "$db")" MEDIA_ROOT="$media" "$PYTHON" "$@"
}

mkdir -p "$WORK/media" "$WORK/restored-media"

step "source database $SOURCE_DB: migrate"
createdb -T template0 "$SOURCE_DB"
portal "$SOURCE_DB" "$WORK/media" manage.py migrate --noinput -v 0
step "source: seed_demo"
portal "$SOURCE_DB" "$WORK/media" manage.py seed_demo >/dev/null
step "source: uploaded files and fresh rows, manifest"
portal "$SOURCE_DB" "$WORK/media" scripts/check_restored.py prepare "$WORK/manifest.json"

step "backup: pg_dump -Fc and tar of MEDIA_ROOT"
pg_dump -Fc -f "$WORK/asnportal.dump" "$SOURCE_DB"
tar -C "$WORK/media" -czf "$WORK/media.tar.gz" .
echo "        $(du -h "$WORK/asnportal.dump" | cut -f1) database dump, $(du -h "$WORK/media.tar.gz" | cut -f1) media archive"

step "restore into $TARGET_DB and a new MEDIA_ROOT"
createdb -T template0 "$TARGET_DB"
pg_restore --no-owner --exit-on-error -d "$TARGET_DB" "$WORK/asnportal.dump" \
  || fail "pg_restore reported errors"
tar -C "$WORK/restored-media" -xzf "$WORK/media.tar.gz"

step "check: migrate --check on the restored database"
portal "$TARGET_DB" "$WORK/restored-media" manage.py migrate --check -v 0 \
  || fail "the restored database has unapplied migrations (or different ones)"
step "check: rows, files, sequences, login, pages, downloads"
portal "$TARGET_DB" "$WORK/restored-media" scripts/check_restored.py verify "$WORK/manifest.json" \
  || fail "the restored portal differs from the source (see above)"

step "backup and restore check passed"
