"""Memory of a process rendering many yearly reports, with and without the shared WeasyPrint
FontConfiguration (`core.pdf.font_config`, setting PDF_SHARE_FONT_CONFIG; issue 15).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asnportal_h8scale \
        .venv/bin/python tests/perf/bench_pdf_memory.py [--docs 200] [--distinct 20]

1. Builds the HTML of `--distinct` yearly reports (`performance/pdf/employee_report.html`, the
   context of `reports.employee_report_context`) from approved SKP 2025 of a
   `seed_demo --scale lampung` database (read only) into a temporary folder.
2. Starts two fresh processes at once, one with PDF_SHARE_FONT_CONFIG=0 (a new
   FontConfiguration per document, WeasyPrint's default) and one with 1, each rendering
   `--docs` documents through `core.pdf.html_to_pdf` (cycling over the HTML files, as a pool
   process renders one report after another; no database, no storage).
3. Prints for each: RSS after the first document and every 25 after, peak RSS (VmHWM), the
   growth per document after the first 25, and CPU seconds per document.

Not a pytest test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")
YEAR = 2025


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def dump_html(folder: Path, distinct: int) -> int:
    import django

    django.setup()
    from django.template.loader import render_to_string
    from django.utils import translation

    from performance import reports
    from performance.models import SKP

    skps = SKP.objects.filter(year=YEAR, status=SKP.Status.DISETUJUI).order_by("pk")[:distinct]
    n = 0
    for skp in skps:
        context = reports.employee_report_context(
            skp, verification_code="BENCH-0000-0000", verify_url="https://asn.example/v/BENCH"
        )
        with translation.override("id"):
            html = render_to_string(reports.EMPLOYEE_TEMPLATE, context)
        (folder / f"{n:03}.html").write_text(html)
        n += 1
    return n


def child(folder: Path, docs: int) -> None:
    """Runs in a fresh process: render `docs` documents, print one JSON line."""
    import django

    django.setup()
    from core.pdf import html_to_pdf

    pages = [p.read_text() for p in sorted(folder.glob("*.html"))]
    curve: list[tuple[int, float]] = []
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    for i in range(docs):
        assert html_to_pdf(pages[i % len(pages)]).startswith(b"%PDF")
        if i == 0 or (i + 1) % 25 == 0:
            curve.append((i + 1, _status_kb("VmRSS") / 1024))
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    print(
        json.dumps(
            {"curve": curve, "peak_mb": _status_kb("VmHWM") / 1024, "cpu_per_doc": cpu / docs}
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--distinct", type=int, default=20)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child), args.docs)
        return
    with tempfile.TemporaryDirectory(prefix="bench-pdf-mem-") as tmp:
        folder = Path(tmp)
        n = dump_html(folder, args.distinct)
        if n == 0:
            sys.exit("no approved SKP 2025: build the data with seed_demo --scale lampung")
        print(f"{n} distinct reports, {args.docs} documents per process")
        print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        runs = {}
        for share in ("0", "1"):
            env = {**os.environ, "PDF_SHARE_FONT_CONFIG": share}
            command = [sys.executable, __file__, "--child", tmp, "--docs", str(args.docs)]
            runs[share] = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        for share, process in runs.items():
            out, _ = process.communicate()
            if process.returncode:
                sys.exit(f"child PDF_SHARE_FONT_CONFIG={share} failed")
            result = json.loads(out.strip().splitlines()[-1])
            curve = result["curve"]
            after_25 = [mb for n_docs, mb in curve if n_docs >= 25]
            growth = (after_25[-1] - after_25[0]) / max(curve[-1][0] - 25, 1)
            label = "shared FontConfiguration" if share == "1" else "new FontConfiguration per doc"
            print(f"\n{label}:")
            print("  RSS MB: " + ", ".join(f"{n_docs}: {mb:.0f}" for n_docs, mb in curve))
            print(f"  peak RSS {result['peak_mb']:.0f} MB, growth {growth * 1024:.0f} KB/doc")
            print(f"  CPU {result['cpu_per_doc']:.2f} s/doc")
        print(f"\nload average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
