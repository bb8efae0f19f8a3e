"""Benchmark: the candidate page and its vacancy chain when nothing is cached (issue 15).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asnportal_load120000 \
        .venv/bin/python tests/perf/bench_cold_candidates.py [--rounds 3] [--login bkd.lampung]

The first view after a write (a placement, an assessment, a training: any write that moves
the ranking's version, positions/matching/invalidation.py) pays the whole ranking. This times
`candidate_page()` and then `candidate_chain()` in this process, with the ranking's version
moved before every call, for three posts of the login's first scope root: the first active JF
ahli muda post, the administrator post with the most required competencies and the first
pelaksana post. It prints the median of `--rounds` after one warm-up, and the ids of each
page's top five, so two trees can be compared on the same data (tests/perf/README.md,
"Candidate page, cold"). On a tree without the ranking cache (before issue 15) there is no
version to move and every call is cold anyway.

Reads only, apart from the cache version: it needs a database built by
`seed_demo --scale lampung` (tests/perf/README.md, "Data skala provinsi").
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")

import django

django.setup()

from django.db.models import Count  # noqa: E402

from asnportal.models import User  # noqa: E402
from positions.matching.explain import candidate_chain, candidate_page  # noqa: E402
from positions.models import HRScope, OrgUnit, Position  # noqa: E402

try:  # the ranking cache (issue 15); absent on an older tree
    from positions.matching.invalidation import invalidate as make_cold
except ImportError:  # pragma: no cover - only on a tree before the cache

    def make_cold() -> None:
        pass


def _timed(call: Callable[[], object]) -> tuple[float, object]:
    make_cold()
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed calls after a warm-up")
    parser.add_argument("--login", default="bkd.lampung", help="an HR user of a whole instansi")
    args = parser.parse_args()
    user = User.objects.get(username=args.login)
    root = OrgUnit.objects.get(pk=HRScope.objects.filter(user=user).order_by("pk")[0].unit_id)
    inside = Position.objects.filter(unit__path__startswith=root.path, is_active=True)
    posts = [
        ("JF ahli muda", inside.filter(jenis="fungsional", jenjang="ahli_muda").order_by("pk")),
        (
            "administrator",
            inside.filter(jenis="administrator")
            .annotate(n=Count("required_competencies"))
            .order_by("-n", "pk"),
        ),
        ("pelaksana", inside.filter(jenis="pelaksana").order_by("pk")),
    ]
    print(f"{args.login}, scope {root.name}; median of {args.rounds} after one warm-up")
    for label, queryset in posts:
        post = queryset.first()
        if post is None:
            print(f"{label}: no such post in the scope")
            continue
        pages, chains = [], []
        page = None
        for _ in range(args.rounds + 1):
            ms, page = _timed(lambda post=post: candidate_page(user, post))
            pages.append(ms)
            ms, _chain = _timed(lambda post=post: candidate_chain(user, post))
            chains.append(ms)
        competencies = post.required_competencies.count()
        top = [c.employee.pk for c in page.candidates[:5]]  # type: ignore[attr-defined]
        print(
            f"{label} (post {post.pk}, {competencies} competencies): "
            f"page {statistics.median(pages[1:]):.0f} ms, "
            f"chain {statistics.median(chains[1:]):.0f} ms; top 5 {top}"
        )
    print("load average", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
