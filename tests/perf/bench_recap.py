"""Benchmark: the unit recap PDF of a large perangkat daerah, in one layout and in parts.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asnportal_load120000 \
        .venv/bin/python tests/perf/bench_recap.py [--unit ID] [--rows N] [--year 2025]

`performance.reports.render_unit_recap` lays the recap's list of employees out
`core.pdf.ROWS_PER_PART` rows at a time (core.pdf.render_in_parts). This renders the same
recap twice, each in a fresh process so that the peak RSS is the render's own: once with
parts larger than the list (one layout, as before) and once with the default parts. It
prints the peak RSS (`ru_maxrss` of the child), wall and CPU time, the pages, and whether the
text of every page is the same (`pdftotext -layout`). Without `--unit` it takes the
perangkat daerah with the most active employees in the first scope root of `bkd.lampung`;
`--rows N` keeps the first N rows of its list. Reads only; needs a database built by
`seed_demo --scale lampung` and poppler's pdftotext (tests/perf/README.md, "The unit recap,
a part at a time").
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIG = 10**9  # rows per part: one layout


def child(unit: int, year: int, rows: int, rows_per_part: int, out: str) -> None:
    """In a fresh process: render and report on stdout as JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")
    import django

    django.setup()
    from performance import reports
    from positions.models import OrgUnit

    context = reports.unit_recap_context(OrgUnit.objects.get(pk=unit), year)
    if rows:
        context["rows"] = context["rows"][:rows]
    started, cpu = time.perf_counter(), time.process_time()
    document = reports.render_recap(context, rows_per_part=rows_per_part or None)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    Path(out).write_bytes(document)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps({"rows": len(context["rows"]), "wall": wall, "cpu": cpu, "peak_mb": peak}))


def largest_unit() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")
    import django

    django.setup()
    from asnportal.models import User
    from positions.models import Employee, HRScope, OrgUnit

    user = User.objects.get(username="bkd.lampung")
    root = OrgUnit.objects.get(pk=HRScope.objects.filter(user=user).order_by("pk")[0].unit_id)
    units = OrgUnit.objects.filter(path__startswith=root.path, depth=root.depth + 1)
    counts = {unit.pk: Employee.objects.active().in_subtree(unit).count() for unit in units}
    return max(counts, key=lambda pk: counts[pk])


def page_texts(path: str) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", path, "-"], capture_output=True, check=True, text=True
    ).stdout
    return text.split("\f")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        unit, year, rows, per_part = (int(x) for x in sys.argv[2:6])
        child(unit, year, rows, per_part, sys.argv[6])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", type=int, help="OrgUnit id (default: the largest dinas)")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--rows", type=int, default=0, help="keep the first N rows only")
    args = parser.parse_args()
    unit = args.unit or largest_unit()
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for label, per_part in (("one layout", BIG), ("in parts", 0)):  # 0: ROWS_PER_PART
            out = str(Path(tmp) / f"{per_part}.pdf")
            run = subprocess.run(
                [
                    *(sys.executable, __file__, "--child", str(unit), str(args.year)),
                    *(str(args.rows), str(per_part), out),
                ],
                capture_output=True,
                check=True,
                text=True,
                cwd=ROOT,
            )
            result = json.loads(run.stdout.strip().splitlines()[-1])
            result["pages"] = len(page_texts(out)) - 1
            results[label] = (result, page_texts(out))
            print(
                f"{label}: {result['rows']:,} rows, {result['pages']} pages, peak RSS "
                f"{result['peak_mb']:,} MB, wall {result['wall']:.1f} s, CPU {result['cpu']:.1f} s"
            )
        same = results["one layout"][1] == results["in parts"][1]
        print(f"unit {unit}; every page's text the same: {same}; load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
