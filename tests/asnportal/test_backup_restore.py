"""The backup and restore drill (scripts/backup_restore_check.sh, `make backup-check`) passes
against PostgreSQL, and its checker notices a restore that lost a row or changed a file.

PostgreSQL and its client tools are required: without them this test fails, it never skips.
With DATABASE_URL pointing at PostgreSQL that server is used, otherwise 127.0.0.1:5432.
The drill makes its own uniquely named databases and drops them at the end.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest

pytestmark = pytest.mark.flushes

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "backup_restore_check.sh"
TOOLS = ("pg_dump", "pg_restore", "pg_isready", "psql", "createdb", "dropdb", "tar")


def postgres_env() -> dict[str, str]:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 5432
        user, password = unquote(parts.username or "postgres"), unquote(parts.password or "")
    else:
        host, port, user, password = "127.0.0.1", 5432, "postgres", ""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"The backup/restore check needs the PostgreSQL client tools; missing: "
            f"{', '.join(missing)} (apt-get install postgresql-client)."
        )
    try:
        socket.create_connection((host, port), timeout=3).close()
    except OSError as exc:
        pytest.fail(
            f"The backup/restore check needs PostgreSQL, and none answers at {host}:{port} "
            f"({exc}). Start it, or set DATABASE_URL to a PostgreSQL URL."
        )
    env = dict(os.environ, PGHOST=host, PGPORT=str(port), PGUSER=user, PYTHON=sys.executable)
    if password:
        env["PGPASSWORD"] = password
    return env


def run(args: list[str], env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_backup_restores_to_an_identical_working_portal():
    env = postgres_env()
    drill = run([str(SCRIPT)], dict(env, KEEP_BACKUP_CHECK="1"))
    kept = re.search(r"kept: databases (\S+) and (\S+), files in (\S+)", drill.stdout)
    try:
        output = drill.stdout + drill.stderr
        assert drill.returncode == 0, output
        assert "backup and restore check passed" in drill.stdout, output
        assert re.search(r"restore: \d+ tables and \d+ rows as in the source", drill.stdout)
        assert kept, output
        _, target_db, work = kept.groups()

        # The checker is not a rubber stamp: lose a row and alter a file, and it says so.
        delete_one = (
            "DELETE FROM positions_education WHERE id = (SELECT min(id) FROM positions_education)"
        )
        lost = run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", target_db, "-c", delete_one], env)
        assert lost.returncode == 0, lost.stderr
        # Alter the bukti dukung the checker downloads (the demo stores hundreds of others).
        expected_sha = json.loads(Path(work, "manifest.json").read_text())["evidence"]["sha256"]
        evidence = next(
            path
            for path in Path(work, "restored-media", "bukti").rglob("*.pdf")
            if hashlib.sha256(path.read_bytes()).hexdigest() == expected_sha
        )
        evidence.write_bytes(evidence.read_bytes() + b"x")
        user = quote(env["PGUSER"], safe="")
        if env.get("PGPASSWORD"):
            user += ":" + quote(env["PGPASSWORD"], safe="")
        verify = run(
            [sys.executable, "scripts/check_restored.py", "verify", f"{work}/manifest.json"],
            dict(
                env,
                DJANGO_SETTINGS_MODULE="asnportal.settings",
                DATABASE_URL=f"postgres://{user}@{env['PGHOST']}:{env['PGPORT']}/{target_db}",
                MEDIA_ROOT=f"{work}/restored-media",
            ),
        )
        assert verify.returncode == 1, verify.stdout + verify.stderr
        assert "table positions_education" in verify.stderr
        assert "media file bukti/" in verify.stderr
        assert "evidence download" in verify.stderr
    finally:
        if kept:
            source_db, target_db, work = kept.groups()
            for db in (source_db, target_db):
                run(["dropdb", "--if-exists", "--force", db], env, timeout=60)
            shutil.rmtree(work, ignore_errors=True)
