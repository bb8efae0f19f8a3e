"""Benchmark: what the electronic signature (TTE) adds to a yearly document (issue 12).

    DATABASE_URL=sqlite:////tmp/bench_signing.sqlite3 \
        .venv/bin/python tests/perf/bench_signing.py [--docs 5] [--runs 3]

On a database with `seed_demo` run (it refuses one whose final TW IV evaluations are
missing), with a throwaway CA and a 2048-bit RSA signing certificate in a PKCS#12 file made
on the spot (tests/performance/tte_pki.py), for `--docs` employees with a final 2025
evaluation, `--runs` times each:

1. render: `reports.render_employee_report()` (what a report job renders today);
2. sign: `performance.signing.sign_report()` on those bytes (place lookup from the reserved
   box, PAdES signature, visible stamp; no timestamp authority: a TSA's answer time is the
   network's, not ours);
3. check: `core.signing.check_pdf()` as the verification page runs it (offline).

Prints wall and CPU time (process_time: what the machine's other load does not inflate)
per step as median and max, the file size before and after, and the load average at start
and end. The certificate is loaded once first, as a worker does for its first document.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import override_settings

    from core import signing as core_signing
    from performance import reports, signing
    from performance.models import SKP, Evaluation
    from tests.performance.tte_pki import make_pki

    skps = list(
        SKP.objects.filter(
            year=2025,
            status=SKP.Status.DISETUJUI,
            superseded_at__isnull=True,
            evaluations__period=Evaluation.Period.TW4,
            evaluations__status=Evaluation.Status.FINAL,
        )
        .select_related("employee__unit")
        .order_by("pk")[: args.docs]
    )
    if not skps:
        sys.exit("No approved SKP 2025 with a final TW IV evaluation: run seed_demo first.")
    folder = Path(tempfile.mkdtemp(prefix="bench-tte-"))
    pki = make_pki(folder)
    roots = core_signing.load_trust_roots([str(pki.root_pem)])
    print(f"load average at start: {os.getloadavg()}")
    times: dict[str, list[float]] = {"render": [], "sign": [], "check": []}
    cpu: dict[str, list[float]] = {"render": [], "sign": [], "check": []}
    sizes: list[tuple[int, int]] = []
    anchored = 0
    with override_settings(
        TTE_PKCS12_PATH=str(pki.p12),
        TTE_PKCS12_PASSPHRASE=pki.passphrase,
        TTE_CERTIFICATES_FILE="",
        TTE_TSA_URL="",
    ):
        started = time.perf_counter()
        core_signing.load_signer(str(pki.p12), pki.passphrase)
        print(f"first load of the PKCS#12 (once per worker): {time.perf_counter() - started:.3f} s")
        reports.render_employee_report(skps[0].pk, verification_code="X", verify_url="http://x/")
        for _run in range(args.runs):
            for skp in skps:
                w0, c0 = time.perf_counter(), time.process_time()
                pdf = reports.render_employee_report(
                    skp.pk, verification_code="BNCH-TTE0-0000", verify_url="http://x/v/"
                )
                w1, c1 = time.perf_counter(), time.process_time()
                signed = signing.sign_report(pdf, skp)
                w2, c2 = time.perf_counter(), time.process_time()
                result = core_signing.check_pdf(signed, roots)
                w3, c3 = time.perf_counter(), time.process_time()
                assert result.valid, result
                times["render"].append(w1 - w0)
                times["sign"].append(w2 - w1)
                times["check"].append(w3 - w2)
                cpu["render"].append(c1 - c0)
                cpu["sign"].append(c2 - c1)
                cpu["check"].append(c3 - c2)
                sizes.append((len(pdf), len(signed)))
                anchored += signing.signature_place(pdf) != signing.FALLBACK_PLACE
    print(f"load average at end: {os.getloadavg()}")
    n = len(times["render"])
    print(f"{n} documents ({len(skps)} employees x {args.runs} runs)")
    print(f"reserved box in the penilai's block found: {anchored}/{n}")
    for step in ("render", "sign", "check"):
        wall, proc = times[step], cpu[step]
        print(
            f"{step:6} wall median {statistics.median(wall) * 1000:7.1f} ms  max "
            f"{max(wall) * 1000:7.1f} ms | cpu median {statistics.median(proc) * 1000:7.1f} ms"
            f"  max {max(proc) * 1000:7.1f} ms"
        )
    before = statistics.median(s[0] for s in sizes)
    after = statistics.median(s[1] for s in sizes)
    print(f"size median {before / 1024:.1f} KiB -> {after / 1024:.1f} KiB signed")


if __name__ == "__main__":
    main()
