"""Scoping queries on PostgreSQL (issue 15): three forms of each query, timed alternately.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asnportal_h8scale \
        .venv/bin/python tests/perf/bench_scope.py [--runs 15] [--explain]

Needs a `seed_demo --scale lampung [--employees N]` database (read only: nothing is written).
For each login of the scale cast (HR of the province, HR of a kabupaten, the province's
pimpinan, a kepala bidang) each query is run in three forms, `--runs` times in turn:

* previous: `Scopes.path_q` as a join with `unit__path__startswith`, and `employee__in=`
  for Placement, Participation and ReportDocument;
* unit-subquery: `unit_id IN (SELECT id FROM orgunit WHERE path LIKE …)` plus EXISTS (tried
  for issue 15, not adopted: see the README);
* now: what the models do today (`visible_to`, `in_subtree`).

It prints PostgreSQL's median execution time of each (EXPLAIN ANALYZE with TIMING OFF: no
Python, no round trip, so the figures hold on a loaded machine better than wall time) and
aborts if the forms select different rows. `--explain` prints every plan. Not a pytest test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Exists, OuterRef, Q, QuerySet  # noqa: E402

from asnportal.models import User  # noqa: E402
from performance.models import SKP, ReportDocument, ReportJob  # noqa: E402
from positions.models import (  # noqa: E402
    Employee,
    OrgUnit,
    Placement,
    Scopes,
    scopes_for,
    today,
)
from positions.models.scope import _outermost  # noqa: E402
from training.models import Participation  # noqa: E402

LOGINS = ["bkd.lampung", "bkpsdm.lampungtengah", "sekda.lampung", "kabid.lampung"]


def old_path_q(scopes: Scopes, lookup: str) -> Q:
    """`Scopes.path_q` as it is (a join on the unit, one `LIKE 'prefix%'` per scope)."""
    q = Q(pk__in=[])
    for path in _outermost(scopes.all_paths):
        q |= Q(**{f"{lookup}__startswith": path})
    return q


def subquery_path_q(scopes: Scopes, lookup: str) -> Q:
    """The form tried and not adopted: `unit_id IN (SELECT id FROM orgunit WHERE path LIKE …)`."""
    relation = lookup.rpartition("__")[0]
    units = OrgUnit.objects.filter(old_path_q(scopes, "path")).values("pk")
    return Q(**{f"{relation}__in": units})


def employees(user: User, path_q: Callable[[Scopes, str], Q]) -> QuerySet[Employee]:
    """`Employee.visible_to` with the given path form."""
    scopes = scopes_for(user)
    q = Q(user=user) | path_q(scopes, "unit__path")
    if scopes.headed_position_ids:
        subordinates = (
            Placement.objects.on(today())
            .filter(position__parent_id__in=scopes.headed_position_ids)
            .values("employee_id")
        )
        q |= Q(pk__in=subordinates)
    return Employee.objects.filter(q)


def pairs(user: User, opd: OrgUnit, employee_id: int) -> dict[str, tuple[QuerySet, ...]]:
    """name -> (previous, unit subquery [not adopted], today's) querysets."""
    fungsional = {"status": Employee.Status.AKTIF, "placements__position__jenis": "fungsional"}
    old, sub = employees(user, old_path_q), employees(user, subquery_path_q)
    in_opd = Q(unit__in=OrgUnit.objects.filter(path__startswith=opd.path))

    def exists(queryset: QuerySet[Employee]) -> Exists:
        return Exists(queryset.filter(pk=OuterRef("employee_id")))

    old_documents = ReportDocument.objects.filter(
        Q(job__in=ReportJob.objects.visible_to(user))
        | Q(employee__in=old)
        | Q(skp__in=SKP.objects.visible_to(user))
    )
    sub_documents = ReportDocument.objects.filter(
        Q(job__in=ReportJob.objects.visible_to(user))
        | exists(sub)
        | Exists(SKP.objects.visible_to(user).filter(pk=OuterRef("skp_id")))
    )
    # A document of someone in the scope, from a job the user did not request (none when the
    # database has no report documents: then the by-pk rows compare empty sets).
    document_id = (
        ReportDocument.objects.filter(employee_id=employee_id)
        .exclude(job__requested_by=user)
        .values_list("pk", flat=True)
        .first()
    ) or 0

    return {
        "register filter (one OPD)": (
            old.filter(unit__path__startswith=opd.path, **fungsional),
            sub.filter(in_opd, **fungsional),
            Employee.objects.visible_to(user).in_subtree(opd).filter(**fungsional),
        ),
        "whole scope": (old, sub, Employee.objects.visible_to(user)),
        "placements, one employee": (
            Placement.objects.filter(employee__in=old, employee_id=employee_id),
            Placement.objects.filter(exists(sub), employee_id=employee_id),
            Placement.objects.visible_to(user).filter(employee_id=employee_id),
        ),
        "placements, whole scope": (
            Placement.objects.filter(employee__in=old),
            Placement.objects.filter(exists(sub)),
            Placement.objects.visible_to(user),
        ),
        "participations, one employee": (
            Participation.objects.filter(employee__in=old, employee_id=employee_id),
            Participation.objects.filter(exists(sub), employee_id=employee_id),
            Participation.objects.visible_to(user).filter(employee_id=employee_id),
        ),
        "participations, whole scope": (
            Participation.objects.filter(employee__in=old),
            Participation.objects.filter(exists(sub)),
            Participation.objects.visible_to(user),
        ),
        "report documents, whole scope": (
            old_documents,
            sub_documents,
            ReportDocument.objects.visible_to(user),
        ),
        # The object lookup of a report page (`get_object_for`): one row by pk.
        "report document, by pk": (
            old_documents.filter(pk=document_id),
            sub_documents.filter(pk=document_id),
            ReportDocument.objects.visible_to(user).filter(pk=document_id),
        ),
    }


def execution_ms(queryset: QuerySet) -> float:
    """PostgreSQL's own execution time of the query (EXPLAIN ANALYZE, no per-node timing):
    what the database spends, without Python and the client round trip."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return float(plan[0]["Execution Time"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench_scope: needs the PostgreSQL scale database (DATABASE_URL)")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    for username in LOGINS:
        user = User.objects.get(username=username)
        scopes = scopes_for(user)
        root = OrgUnit.objects.filter(path__in=_outermost(scopes.all_paths)).first()
        assert root is not None
        opd = root
        if root.depth == 1:  # a perangkat daerah of the instansi: the biggest
            opd = max(
                OrgUnit.objects.filter(path__startswith=root.path, depth=2),
                key=lambda u: Employee.objects.in_subtree(u).count(),
            )
        employee = Employee.objects.visible_to(user).in_subtree(opd).order_by("pk").first()
        assert employee is not None
        for name, forms in pairs(user, opd, employee.pk).items():
            rows = {tuple(sorted(f.values_list("pk", flat=True))) for f in forms}
            if len(rows) != 1:
                sys.exit(f"{username} {name}: the forms select different rows")
            times: list[list[float]] = [[] for _ in forms]
            for _ in range(args.runs):  # alternately, so every form sees the same load
                for i, form in enumerate(forms):
                    times[i].append(execution_ms(form))
            old_ms, sub_ms, new_ms = (statistics.median(t) for t in times)
            print(
                f"{username:22} {name:30} previous {old_ms:7.2f}  unit-subquery {sub_ms:7.2f}"
                f"  now {new_ms:7.2f} ms  ({len(next(iter(rows)))} rows)"
            )
            if args.explain:
                labels = ("previous", "unit-subquery", "now")
                for label, queryset in zip(labels, forms, strict=True):
                    print(f"--- {name}, {label}")
                    print(queryset.explain(analyze=True))
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
