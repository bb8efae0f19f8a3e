"""Authorization matrix: every URL of the project × every role × objects inside and outside
the role's scope, plus IDOR probes on every object page (issue 7 item 3).

How to read it
--------------
`MATRIX` below is the one table of expectations. A row is: URL name, object, method, then one
expected status per actor, in this order:

    anonim     not logged in
    pegawai    the perawat of Bidang Yankes, Dinas Kesehatan (conftest `employee`)
    penilai    the Kabid Yankes, the perawat's pejabat penilai (conftest `manager`)
    hr_dishub  pengelola kepegawaian of Dinas Perhubungan only (conftest `hr_dishub`)
    hr_bkd     pengelola kepegawaian of the whole province (conftest `hr_admin`)
    pimpinan   read-only scope over the whole province (conftest `pimpinan`)

The object column names *where the object lives*, so "inside" or "outside" follows from the
actor: `dinkes` objects belong to the perawat (the pegawai themself) in Bidang Yankes, inside
the scope of pegawai, penilai, hr_bkd and pimpinan and outside hr_dishub's; `dishub` objects
belong to the Dishub staff, inside hr_dishub's, hr_bkd's and pimpinan's scope only. `katalog`
is the province-wide training catalog (no scope), `-` a page without an object. The object of
each URL (an SKP, a unit, a report job, ...) comes from `URL_OBJECT`; `world_objects` builds
one of each kind per location through the apps' services.

Statuses are read from the views: 200, `L` (302 to the login page /masuk/), 302 (any other
redirect), 403 (a role without the right, or an object that is visible but read-only), 404
(an object outside the scope: its existence is never revealed), 405 (method not allowed).

POST policy: every state-changing view has a POST row. Unauthorised actors send an empty POST
and must get L/403/404; after all of an actor's requests the domain tables must be exactly as
before (a 403 that still did the work is caught there). Authorised actors are not sent a POST
(`.` in the row): an empty POST by them either re-renders a form with errors or performs an
action that needs no input (submit, approve, commit an import, re-run a report, log out) and
would change the shared data under the next rows; the per-view test modules cover those
actions with real data. `logout` POST is skipped for the same reason.

Django's admin is staff-only and Django's own: it appears as the single sample row
`admin:index`; the other `admin/` patterns are left out on purpose (`_is_admin_detail`).

IDOR (`test_idor`): for every pattern with `<int:pk>`, each logged-in actor requests real ids
of the same kind of object outside their scope (the other dinas, a neighbouring instansi —
`lain` — and, for the pegawai, a colleague's records) and ids that do not exist (max id + 1,
0, 2**63). Each must be 404 (403 is accepted too on a page the actor's role cannot open for
any object: 403 in every row of the table), never 200 nor 5xx, and an outside id must answer
exactly like a missing id, so that the status says nothing about which ids exist.

Leaks: a 200 HTML page must not contain the name or NIP of anyone outside the actor's
scope, nor the name of a unit outside it (`Objects.foreign`); the public verification page
is checked on its own (name, year, predikat and SHA-256 only).

Each test runs per actor and loops over the table, collecting every mismatch (URL, object,
method, actor, got vs expected) into one assertion message: one world per actor instead of
one per request keeps the module fast (WeasyPrint is stubbed while the world is built; the
views' own PDFs are rendered for real).

Found by this test and fixed with issue 7: starting a unit job as a non-HR actor answers
403 (not 404); re-running a visible job one did not request is 403; a read-only pimpinan may
not resume (re-queue) a job.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from asnportal.models import User
from home import services as home_services
from home.models import Announcement
from performance import report_jobs, reports
from performance import services as performance_services
from performance.models import (
    RHK,
    SKP,
    BehaviourExpectation,
    DocumentVerification,
    Evaluation,
    Indicator,
    OrganisationPerformance,
    Realisation,
    ReportDocument,
    ReportJob,
)
from positions import importing
from positions.models import (
    Education,
    Employee,
    EmployeeCompetency,
    FunctionalBup,
    HRScope,
    ImportBatch,
    JptSelection,
    OrgUnit,
    PetaJob,
    Placement,
    Position,
    PositionCompetency,
    SelectionCandidate,
    WorkloadTask,
    today,
)
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory, make_unit
from tests.performance.report_helpers import rated_skp
from tests.world import SCOPED_USERS, build_world, scoped_user
from training import ledger, needs
from training import services as training_services
from training.models import (
    Attendance,
    DevelopmentPlan,
    JoinRequest,
    Participation,
    PlanItem,
    Session,
    TrainingEvent,
    TrainingProgram,
)

# URLs of one SKP's evaluation of a period (the final akhir evaluation of the rated SKP).
PERIOD_URLS = (
    "performance:evaluation",
    "performance:evaluation_finalise",
)
ACTORS = ("anonim", "pegawai", "penilai", "hr_dishub", "hr_bkd", "pimpinan")
ACTOR_FIXTURE = {
    "pegawai": "employee",
    "penilai": "manager",
    "hr_dishub": "hr_dishub",
    "hr_bkd": "hr_admin",
    "pimpinan": "pimpinan",
}

# --- The table --------------------------------------------------------------------------------
# Tokens: 200/403/404/405 status, L = 302 to /masuk/, 302 = any other redirect, . = not sent.
MATRIX_TEXT = """
# url name                           object  method anonim pegawai penilai hr_dishub hr_bkd pimpinan
# --- asnportal: public pages, login, account; the admin as one sample row ---
healthz                              -       GET    200    200     200     200       200    200
login                                -       GET    200    302     302     302       302    302
logout                               -       GET    L      405     405     405       405    405
logout                               -       POST   L      .       .       .         .      .
password_change                      -       GET    L      200     200     200       200    200
password_change                      -       POST   L      .       .       .         .      .
password_change_done                 -       GET    L      200     200     200       200    200
admin:index                          -       GET    302    302     302     302       302    302
verify                               -       GET    200    200     200     200       200    200
verify_code                          dinkes  GET    200    200     200     200       200    200
verify_code                          dishub  GET    200    200     200     200       200    200
# --- positions: dashboard and organisation structure ---
home:home                            -       GET    L      200     200     200       200    200
home:panduan                         -       GET    L      200     200     200       200    200
home:announcement_list               -       GET    L      403     403     200       200    200
home:announcement_create             -       GET    L      403     403     200       200    200
home:announcement_create             -       POST   L      403     403     .         .      .
home:announcement_edit               dinkes  GET    L      403     403     404       200    403
home:announcement_edit               dinkes  POST   L      403     403     404       .      403
home:announcement_edit               dishub  GET    L      404     404     200       200    403
home:announcement_edit               dishub  POST   L      404     404     .         .      403
positions:unit_list                  -       GET    L      403     200     200       200    200
positions:position_choices           -       GET    L      403     403     200       200    403
positions:employee_choices           -       GET    L      403     403     200       200    403
# DUK and daftar nominatif (docs/domain.md §3.8) of the first unit in the actor's scope.
positions:duk                        -       GET    L      403     200     200       200    200
positions:duk_xlsx                   -       GET    L      403     200     200       200    200
positions:duk_pdf                    -       GET    L      403     200     200       200    200
positions:nominatif                  -       GET    L      403     200     200       200    200
positions:nominatif_xlsx             -       GET    L      403     200     200       200    200
positions:nominatif_pdf              -       GET    L      403     200     200       200    200
# The BUP table (docs/domain.md §4.5) is national: HR and pimpinan read it, only a pengelola
# of a whole instansi (hr_bkd) edits it.
positions:bup_list                   -       GET    L      403     403     200       200    200
positions:bup_create                 -       GET    L      403     403     403       200    403
positions:bup_create                 -       POST   L      403     403     403       .      403
positions:bup_edit                   katalog GET    L      403     403     403       200    403
positions:bup_edit                   katalog POST   L      403     403     403       .      403
positions:bup_delete                 katalog GET    L      403     403     403       200    403
positions:bup_delete                 katalog POST   L      403     403     403       .      403
positions:unit_create                -       GET    L      403     403     200       200    403
positions:unit_create                -       POST   L      403     403     .         .      403
# One check order (positions.access.get_object_for): 404 outside the visible scope, then 403.
positions:unit_detail                dinkes  GET    L      404     200     404       200    200
positions:unit_detail                dishub  GET    L      404     404     200       200    200
positions:unit_children              dinkes  GET    L      404     302     404       302    302
positions:unit_children              dishub  GET    L      404     404     302       302    302
positions:unit_edit                  dinkes  GET    L      404     403     404       200    403
positions:unit_edit                  dinkes  POST   L      404     403     404       .      403
positions:unit_edit                  dishub  GET    L      404     404     200       200    403
positions:unit_edit                  dishub  POST   L      404     404     .         .      403
positions:unit_move                  dinkes  GET    L      404     403     404       200    403
positions:unit_move                  dinkes  POST   L      404     403     404       .      403
positions:unit_move                  dishub  GET    L      404     404     200       200    403
positions:unit_move                  dishub  POST   L      404     404     .         .      403
positions:unit_close                 dinkes  GET    L      404     403     404       200    403
positions:unit_close                 dinkes  POST   L      404     403     404       .      403
positions:unit_close                 dishub  GET    L      404     404     200       200    403
positions:unit_close                 dishub  POST   L      404     404     .         .      403
positions:peta_jabatan               dinkes  GET    L      403     200     404       200    200
positions:peta_jabatan               dishub  GET    L      403     404     200       200    200
positions:peta_jabatan_xlsx          dinkes  GET    L      403     200     404       200    200
positions:peta_jabatan_xlsx          dishub  GET    L      403     404     200       200    200
positions:peta_jabatan_pdf           dinkes  GET    L      403     200     404       200    200
positions:peta_jabatan_pdf           dishub  GET    L      403     404     200       200    200
positions:peta_job_start             dinkes  GET    L      405     405     405       405    405
positions:peta_job_start             dinkes  POST   L      403     .       404       .      .
positions:peta_job_start             dishub  GET    L      405     405     405       405    405
positions:peta_job_start             dishub  POST   L      403     404     .         .      .
positions:peta_job                   dinkes  GET    L      403     200     404       200    200
positions:peta_job                   dishub  GET    L      403     404     200       200    200
positions:peta_job_rerun             dinkes  GET    L      405     405     405       405    405
positions:peta_job_rerun             dinkes  POST   L      403     .       404       .      .
positions:peta_job_rerun             dishub  GET    L      405     405     405       405    405
positions:peta_job_rerun             dishub  POST   L      403     404     .         .      .
positions:peta_job_pdf               dinkes  GET    L      403     200     404       200    200
positions:peta_job_pdf               dishub  GET    L      403     404     200       200    200
positions:mismatch_report            -       GET    L      403     200     200       200    200
# --- positions: jabatan ---
positions:position_list              -       GET    L      403     200     200       200    200
positions:position_create            -       GET    L      403     403     200       200    403
positions:position_create            -       POST   L      403     403     .         .      403
positions:position_detail            dinkes  GET    L      404     200     404       200    200
positions:position_detail            dishub  GET    L      404     404     200       200    200
positions:position_edit              dinkes  GET    L      404     403     404       200    403
positions:position_edit              dinkes  POST   L      404     403     404       .      403
positions:position_edit              dishub  GET    L      404     404     200       200    403
positions:position_edit              dishub  POST   L      404     404     .         .      403
positions:position_competencies      dinkes  GET    L      404     403     404       200    403
positions:position_competencies      dinkes  POST   L      404     403     404       .      403
positions:position_competencies      dishub  GET    L      404     404     200       200    403
positions:position_competencies      dishub  POST   L      404     404     .         .      403
positions:position_abk               dinkes  GET    L      404     200     404       200    200
positions:position_abk               dinkes  POST   L      404     403     404       .      403
positions:position_abk               dishub  GET    L      404     404     200       200    200
positions:position_abk               dishub  POST   L      404     404     .         .      403
positions:position_candidates        dinkes  GET    L      403     403     404       200    200
positions:position_candidates        dishub  GET    L      403     403     200       200    200
positions:position_candidate_chain   dinkes  GET    L      403     403     404       200    200
positions:position_candidate_chain   dishub  GET    L      403     403     200       200    200
# --- positions: seleksi terbuka JPT (HR writes in scope, pimpinan reads) ---
positions:selection_list             -       GET    L      403     403     200       200    200
positions:selection_detail           dinkes  GET    L      403     403     404       200    200
positions:selection_detail           dishub  GET    L      403     403     200       200    200
positions:selection_open             dinkes  GET    L      405     405     405       405    405
positions:selection_open             dinkes  POST   L      403     403     404       .      403
positions:selection_open             dishub  GET    L      405     405     405       405    405
positions:selection_open             dishub  POST   L      403     403     .         .      403
positions:selection_member_add       dinkes  GET    L      405     405     405       405    405
positions:selection_member_add       dinkes  POST   L      403     403     404       .      403
positions:selection_member_add       dishub  GET    L      405     405     405       405    405
positions:selection_member_add       dishub  POST   L      403     403     .         .      403
positions:selection_member_remove    dinkes  GET    L      405     405     405       405    405
positions:selection_member_remove    dinkes  POST   L      403     403     404       .      403
positions:selection_member_remove    dishub  GET    L      405     405     405       405    405
positions:selection_member_remove    dishub  POST   L      403     403     .         .      403
positions:selection_propose          dinkes  GET    L      405     405     405       405    405
positions:selection_propose          dinkes  POST   L      403     403     404       .      403
positions:selection_propose          dishub  GET    L      405     405     405       405    405
positions:selection_propose          dishub  POST   L      403     403     .         .      403
positions:selection_decide           dinkes  GET    L      405     405     405       405    405
positions:selection_decide           dinkes  POST   L      403     403     404       .      403
positions:selection_decide           dishub  GET    L      405     405     405       405    405
positions:selection_decide           dishub  POST   L      403     403     .         .      403
positions:selection_place            dinkes  GET    L      405     405     405       405    405
positions:selection_place            dinkes  POST   L      403     403     404       .      403
positions:selection_place            dishub  GET    L      405     405     405       405    405
positions:selection_place            dishub  POST   L      403     403     .         .      403
positions:selection_cancel           dinkes  GET    L      405     405     405       405    405
positions:selection_cancel           dinkes  POST   L      403     403     404       .      403
positions:selection_cancel           dishub  GET    L      405     405     405       405    405
positions:selection_cancel           dishub  POST   L      403     403     .         .      403
# --- positions: pegawai, penempatan ---
positions:employee_list              -       GET    L      403     200     200       200    200
positions:employee_export            -       GET    L      403     200     200       200    200
positions:employee_create            -       GET    L      403     403     200       200    403
positions:employee_create            -       POST   L      403     403     .         .      403
positions:employee_detail            dinkes  GET    L      200     200     404       200    200
positions:employee_detail            dishub  GET    L      404     404     200       200    200
positions:employee_edit              dinkes  GET    L      403     403     404       200    403
positions:employee_edit              dinkes  POST   L      403     403     404       .      403
positions:employee_edit              dishub  GET    L      404     404     200       200    403
positions:employee_edit              dishub  POST   L      404     404     .         .      403
positions:education_create           dinkes  GET    L      403     403     404       200    403
positions:education_create           dinkes  POST   L      403     403     404       .      403
positions:education_create           dishub  GET    L      404     404     200       200    403
positions:education_create           dishub  POST   L      404     404     .         .      403
positions:placement_create           dinkes  GET    L      403     403     404       200    403
positions:placement_create           dinkes  POST   L      403     403     404       .      403
positions:placement_create           dishub  GET    L      404     404     200       200    403
positions:placement_create           dishub  POST   L      404     404     .         .      403
positions:placement_end              dinkes  GET    L      403     403     404       200    403
positions:placement_end              dinkes  POST   L      403     403     404       .      403
positions:placement_end              dishub  GET    L      404     404     200       200    403
positions:placement_end              dishub  POST   L      404     404     .         .      403
# --- positions: import (a batch is its uploader's alone), audit trail ---
positions:import_upload              -       GET    L      403     403     200       200    403
positions:import_upload              -       POST   L      403     403     .         .      403
positions:import_template            -       GET    L      403     403     200       200    403
positions:import_preview             dinkes  GET    L      403     403     404       404    403
positions:import_preview             dishub  GET    L      403     403     200       404    403
positions:import_commit              dinkes  GET    L      405     405     405       405    405
positions:import_commit              dinkes  POST   L      403     403     404       404    403
positions:import_commit              dishub  GET    L      405     405     405       405    405
positions:import_commit              dishub  POST   L      403     403     .         404    403
positions:audit                      -       GET    L      403     403     200       200    200
# --- performance: SKP plan and workflow (the SKP of the current year is a draft) ---
performance:skp_list                 -       GET    L      200     200     200       200    200
performance:skp_create               -       GET    L      200     200     403       403    403
performance:skp_create               -       POST   L      .       .       403       403    403
performance:skp_detail               dinkes  GET    L      200     200     404       200    200
performance:skp_detail               dishub  GET    L      404     404     200       200    200
performance:rhk_create               dinkes  GET    L      200     403     404       403    403
performance:rhk_create               dinkes  POST   L      .       403     404       403    403
performance:rhk_create               dishub  GET    L      404     404     403       403    403
performance:rhk_create               dishub  POST   L      404     404     403       403    403
performance:rhk_edit                 dinkes  GET    L      200     403     404       403    403
performance:rhk_edit                 dinkes  POST   L      .       403     404       403    403
performance:rhk_edit                 dishub  GET    L      404     404     403       403    403
performance:rhk_edit                 dishub  POST   L      404     404     403       403    403
performance:rhk_delete               dinkes  GET    L      200     403     404       403    403
performance:rhk_delete               dinkes  POST   L      .       403     404       403    403
performance:rhk_delete               dishub  GET    L      404     404     403       403    403
performance:rhk_delete               dishub  POST   L      404     404     403       403    403
performance:indicator_create         dinkes  GET    L      200     403     404       403    403
performance:indicator_create         dinkes  POST   L      .       403     404       403    403
performance:indicator_create         dishub  GET    L      404     404     403       403    403
performance:indicator_create         dishub  POST   L      404     404     403       403    403
performance:indicator_edit           dinkes  GET    L      200     403     404       403    403
performance:indicator_edit           dinkes  POST   L      .       403     404       403    403
performance:indicator_edit           dishub  GET    L      404     404     403       403    403
performance:indicator_edit           dishub  POST   L      404     404     403       403    403
performance:indicator_delete         dinkes  GET    L      200     403     404       403    403
performance:indicator_delete         dinkes  POST   L      .       403     404       403    403
performance:indicator_delete         dishub  GET    L      404     404     403       403    403
performance:indicator_delete         dishub  POST   L      404     404     403       403    403
performance:skp_expectations         dinkes  GET    L      403     200     404       403    403
performance:skp_expectations         dinkes  POST   L      403     .       404       403    403
performance:skp_expectations         dishub  GET    L      404     404     403       403    403
performance:skp_expectations         dishub  POST   L      404     404     403       403    403
performance:skp_submit               dinkes  GET    L      405     405     405       405    405
performance:skp_submit               dinkes  POST   L      .       403     404       403    403
performance:skp_submit               dishub  GET    L      405     405     405       405    405
performance:skp_submit               dishub  POST   L      404     404     403       403    403
performance:skp_return               dinkes  GET    L      403     200     404       403    403
performance:skp_return               dinkes  POST   L      403     .       404       403    403
performance:skp_return               dishub  GET    L      404     404     403       403    403
performance:skp_return               dishub  POST   L      404     404     403       403    403
performance:skp_approve              dinkes  GET    L      403     302     404       403    403
performance:skp_approve              dinkes  POST   L      403     .       404       403    403
performance:skp_approve              dishub  GET    L      404     404     403       403    403
performance:skp_approve              dishub  POST   L      404     404     403       403    403
performance:skp_lampiran             dinkes  GET    L      200     200     404       200    200
performance:skp_lampiran             dinkes  POST   L      .       403     404       403    403
performance:skp_lampiran             dishub  GET    L      404     404     200       200    200
performance:skp_lampiran             dishub  POST   L      404     404     403       403    403
performance:skp_revise               dinkes  GET    L      405     405     405       405    405
performance:skp_revise               dinkes  POST   L      .       403     404       403    403
performance:skp_revise               dishub  GET    L      405     405     405       405    405
performance:skp_revise               dishub  POST   L      404     404     403       403    403
performance:approval_inbox           -       GET    L      200     200     200       200    200
performance:role_matrix              -       GET    L      200     200     200       200    200
# --- performance: evaluation (of the rated 2025 SKP), curve, monitoring, history ---
performance:evaluation               dinkes  GET    L      200     200     404       200    200
performance:evaluation               dinkes  POST   L      .       .       404       403    403
performance:evaluation               dishub  GET    L      404     404     200       200    200
performance:evaluation               dishub  POST   L      404     404     403       403    403
performance:evaluation_finalise      dinkes  GET    L      403     302     404       403    403
performance:evaluation_finalise      dinkes  POST   L      403     302     404       403    403
performance:evaluation_finalise      dishub  GET    L      404     404     403       403    403
performance:evaluation_finalise      dishub  POST   L      404     404     403       403    403
performance:evidence_download        dinkes  GET    L      200     200     404       200    200
performance:evidence_download        dishub  GET    L      404     404     200       200    200
performance:curve                    -       GET    L      403     200     200       200    200
performance:curve                    -       POST   L      403     403     .         .      403
performance:close_year               -       GET    L      403     403     302       302    403
performance:monitoring               -       GET    L      403     200     200       200    200
performance:monitoring               -       POST   L      403     403     .         .      403
performance:history_import           -       GET    L      403     403     200       200    403
performance:history_import           -       POST   L      403     403     .         .      403
performance:employee_history         dinkes  GET    L      200     200     404       200    200
performance:employee_history         dishub  GET    L      404     404     200       200    200
# --- performance: yearly report jobs (a unit job is started by the dinas' own HR) ---
performance:report_jobs              -       GET    L      200     200     200       200    200
performance:report_jobs              -       POST   L      403     403     .         .      403
performance:report_job               dinkes  GET    L      404     404     404       200    200
performance:report_job               dishub  GET    L      404     404     200       200    200
performance:report_job_rerun         dinkes  GET    L      405     405     405       405    405
performance:report_job_rerun         dinkes  POST   L      404     404     404       403    403
performance:report_job_rerun         dishub  GET    L      405     405     405       405    405
performance:report_job_rerun         dishub  POST   L      404     404     .         403    403
performance:report_job_resume        dinkes  GET    L      405     405     405       405    405
performance:report_job_resume        dinkes  POST   L      404     404     404       .      403
performance:report_job_resume        dishub  GET    L      405     405     405       405    405
performance:report_job_resume        dishub  POST   L      404     404     .         .      403
performance:report_job_archive       dinkes  GET    L      404     404     404       200    200
performance:report_job_archive       dishub  GET    L      404     404     200       200    200
performance:report_job_recap         dinkes  GET    L      404     404     404       200    200
performance:report_job_recap         dishub  GET    L      404     404     200       200    200
performance:report_document          dinkes  GET    L      200     200     404       200    200
performance:report_document          dishub  GET    L      404     404     200       200    200
performance:report_employee_start    dinkes  GET    L      405     405     405       405    405
performance:report_employee_start    dinkes  POST   L      .       .       404       .      .
performance:report_employee_start    dishub  GET    L      405     405     405       405    405
performance:report_employee_start    dishub  POST   L      404     404     .         .      .
# --- training: catalog and events ---
training:program_list                -       GET    L      200     200     200       200    200
training:program_create              -       GET    L      403     403     200       200    403
training:program_create              -       POST   L      403     403     .         .      403
training:program_detail              katalog GET    L      200     200     200       200    200
training:program_edit                katalog GET    L      403     403     200       200    403
training:program_edit                katalog POST   L      403     403     .         .      403
training:event_create                -       GET    L      403     403     200       200    403
training:event_create                -       POST   L      403     403     .         .      403
# The pegawai attends the dinkes event: they read its page (issue 11), its write pages are 403.
training:event_detail                dinkes  GET    L      200     200     404       200    200
training:event_detail                dishub  GET    L      404     404     200       200    200
training:event_edit                  dinkes  GET    L      403     403     404       200    403
training:event_edit                  dinkes  POST   L      403     403     404       .      403
training:event_edit                  dishub  GET    L      404     404     200       200    403
training:event_edit                  dishub  POST   L      404     404     .         .      403
training:event_sessions              dinkes  GET    L      403     403     404       200    403
training:event_sessions              dinkes  POST   L      403     403     404       .      403
training:event_sessions              dishub  GET    L      404     404     200       200    403
training:event_sessions              dishub  POST   L      404     404     .         .      403
training:event_enrol                 dinkes  GET    L      403     403     404       200    403
training:event_enrol                 dinkes  POST   L      403     403     404       .      403
training:event_enrol                 dishub  GET    L      404     404     200       200    403
training:event_enrol                 dishub  POST   L      404     404     .         .      403
training:event_attendance            dinkes  GET    L      403     403     404       200    403
training:event_attendance            dinkes  POST   L      403     403     404       .      403
training:event_attendance            dishub  GET    L      404     404     200       200    403
training:event_attendance            dishub  POST   L      404     404     .         .      403
training:event_results               dinkes  GET    L      403     403     404       200    403
training:event_results               dinkes  POST   L      403     403     404       .      403
training:event_results               dishub  GET    L      404     404     200       200    403
training:event_results               dishub  POST   L      404     404     .         .      403
training:certificate_download        dinkes  GET    L      200     200     404       200    200
training:certificate_download        dishub  GET    L      404     404     200       200    200
# --- training: self-report, verification, JP ledger, compliance ---
training:selfreport_list             -       GET    L      200     200     403       403    403
training:selfreport_create           -       GET    L      200     200     403       403    403
training:selfreport_create           -       POST   L      .       .       403       403    403
training:verification_list          -       GET    L      403     403     200       200    403
training:event_join                  dinkes  GET    L      405     405     405       405    405
training:event_join                  dinkes  POST   L      302     302     404       404    404
training:event_join                  dishub  GET    L      405     405     405       405    405
training:event_join                  dishub  POST   L      404     404     404       404    404
training:join_requests               -       GET    L      403     403     200       200    403
training:join_decide                 dinkes  GET    L      405     405     405       405    405
training:join_decide                 dinkes  POST   L      403     403     404       302    403
training:join_decide                 dishub  GET    L      405     405     405       405    405
training:join_decide                 dishub  POST   L      403     403     302       302    403
training:join_cancel                 dinkes  GET    L      405     405     405       405    405
training:join_cancel                 dinkes  POST   L      302     404     404       404    404
training:join_cancel                 dishub  GET    L      405     405     405       405    405
training:join_cancel                 dishub  POST   L      404     404     404       404    404
training:verification_decide        dinkes  GET    L      403     403     404       200    403
training:verification_decide        dinkes  POST   L      403     403     404       .      403
training:verification_decide        dishub  GET    L      404     404     200       200    403
training:verification_decide        dishub  POST   L      404     404     .         .      403
training:ledger                      dinkes  GET    L      200     200     404       200    200
training:ledger                      dishub  GET    L      404     404     200       200    200
training:compliance                  -       GET    L      403     200     200       200    200
training:compliance_xlsx             -       GET    L      403     200     200       200    200
training:leadership_compliance       -       GET    L      403     200     200       200    200
training:employee_summary            dinkes  GET    L      200     200     404       200    200
training:employee_summary            dishub  GET    L      404     404     200       200    200
# --- training: assessments, needs, development plans ---
training:assessment_create           dinkes  GET    L      403     403     404       200    403
training:assessment_create           dinkes  POST   L      403     403     404       .      403
training:assessment_create           dishub  GET    L      404     404     200       200    403
training:assessment_create           dishub  POST   L      404     404     .         .      403
training:assessment_import           -       GET    L      403     403     200       200    403
training:assessment_import           -       POST   L      403     403     .         .      403
training:needs                       -       GET    L      403     200     200       200    200
training:employee_needs              dinkes  GET    L      403     200     404       200    200
training:employee_needs              dishub  GET    L      403     404     200       200    200
training:plan_create                 -       GET    L      405     405     405       405    405
training:plan_create                 -       POST   L      403     403     .         .      403
training:plan_detail                 dinkes  GET    L      403     200     404       200    200
training:plan_detail                 dinkes  POST   L      403     403     404       .      403
training:plan_detail                 dishub  GET    L      403     404     200       200    200
training:plan_detail                 dishub  POST   L      403     404     .         .      403
training:plan_export                 dinkes  GET    L      403     200     404       200    200
training:plan_export                 dishub  GET    L      403     404     200       200    200
# --- talent: 9-box grid, rencana suksesi, vacancy forecast (HR writes, pimpinan reads) ---
talent:grid                          -       GET    L      403     403     200       200    200
talent:merit                         -       GET    L      403     403     200       200    200
talent:merit_detail                  -       GET    L      403     403     404       404    404
talent:grid_xlsx                     -       GET    L      403     403     302       302    302
talent:grid_calculate                -       GET    L      403     403     200       200    403
talent:grid_calculate                -       POST   L      403     403     .         .      403
talent:critical_list                 -       GET    L      403     403     200       200    200
talent:succession                    dinkes  GET    L      403     403     404       200    200
talent:succession                    dishub  GET    L      403     403     200       200    200
talent:critical_mark                 dinkes  GET    L      405     405     405       405    405
talent:critical_mark                 dinkes  POST   L      403     403     404       .      403
talent:critical_mark                 dishub  GET    L      405     405     405       405    405
talent:critical_mark                 dishub  POST   L      403     403     .         .      403
talent:succession_approve            dinkes  GET    L      405     405     405       405    405
talent:succession_approve            dinkes  POST   L      403     403     404       .      403
talent:succession_approve            dishub  GET    L      405     405     405       405    405
talent:succession_approve            dishub  POST   L      403     403     .         .      403
talent:succession_action             dinkes  GET    L      405     405     405       405    405
talent:succession_action             dinkes  POST   L      403     403     404       .      403
talent:succession_action             dishub  GET    L      405     405     405       405    405
talent:succession_action             dishub  POST   L      403     403     .         .      403
talent:planned_move                  dinkes  GET    L      405     405     405       405    405
talent:planned_move                  dinkes  POST   L      403     403     404       .      403
talent:planned_move                  dishub  GET    L      405     405     405       405    405
talent:planned_move                  dishub  POST   L      403     403     .         .      403
talent:forecast                      -       GET    L      403     403     200       200    200
"""

# The object each URL is about, and how its kwargs are built (`kind` names a key of a
# location's objects in `world_objects`).
URL_OBJECT: dict[str, str] = {
    **dict.fromkeys(
        [
            "talent:succession",
            "talent:critical_mark",
            "talent:succession_approve",
            "talent:succession_action",
            "talent:planned_move",
        ],
        "position",
    ),
    "verify_code": "code",
    **dict.fromkeys(
        [
            "positions:unit_detail",
            "positions:unit_children",
            "positions:unit_edit",
            "positions:unit_move",
            "positions:unit_close",
            "positions:peta_jabatan",
            "positions:peta_jabatan_xlsx",
            "positions:peta_jabatan_pdf",
            "positions:peta_job_start",
        ],
        "unit",
    ),
    **dict.fromkeys(
        ["positions:peta_job", "positions:peta_job_rerun", "positions:peta_job_pdf"], "petajob"
    ),
    **dict.fromkeys(
        [
            "positions:position_detail",
            "positions:position_edit",
            "positions:position_competencies",
            "positions:position_abk",
            "positions:position_candidates",
            "positions:position_candidate_chain",
            "positions:selection_open",
        ],
        "position",
    ),
    **dict.fromkeys(
        [
            "positions:employee_detail",
            "positions:employee_edit",
            "positions:education_create",
            "positions:placement_create",
            "performance:employee_history",
            "performance:report_employee_start",
            "training:ledger",
            "training:employee_summary",
            "training:assessment_create",
            "training:employee_needs",
        ],
        "employee",
    ),
    "positions:placement_end": "placement",
    "positions:import_preview": "batch",
    "positions:import_commit": "batch",
    **dict.fromkeys(
        [
            "performance:skp_detail",
            "performance:rhk_create",
            "performance:skp_expectations",
            "performance:skp_submit",
            "performance:skp_return",
            "performance:skp_approve",
            "performance:skp_lampiran",
        ],
        "skp",
    ),
    "performance:skp_revise": "skp_rated",
    **dict.fromkeys(PERIOD_URLS, "skp_rated"),
    "performance:rhk_edit": "rhk",
    "performance:rhk_delete": "rhk",
    "performance:indicator_create": "rhk",
    "performance:indicator_edit": "indicator",
    "performance:indicator_delete": "indicator",
    "performance:evidence_download": "realisation",
    **dict.fromkeys(
        [
            "performance:report_job",
            "performance:report_job_rerun",
            "performance:report_job_resume",
            "performance:report_job_archive",
            "performance:report_job_recap",
        ],
        "job",
    ),
    "performance:report_document": "document",
    "training:program_detail": "program",
    "positions:bup_edit": "bup",
    "positions:bup_delete": "bup",
    "training:program_edit": "program",
    **dict.fromkeys(
        [
            "training:event_detail",
            "training:event_edit",
            "training:event_sessions",
            "training:event_enrol",
            "training:event_attendance",
            "training:event_results",
        ],
        "event",
    ),
    "training:event_join": "event",
    "training:join_decide": "joinrequest",
    "training:join_cancel": "joinrequest",
    "training:certificate_download": "participation",
    "training:verification_decide": "selfreport",
    "training:plan_detail": "plan",
    "training:plan_export": "plan",
    "home:announcement_edit": "announcement",
    **dict.fromkeys(
        [
            "positions:selection_detail",
            "positions:selection_member_add",
            "positions:selection_member_remove",
            "positions:selection_propose",
            "positions:selection_decide",
            "positions:selection_place",
            "positions:selection_cancel",
        ],
        "selection",
    ),
}

# Objects without a unit scope (the training catalog, the BUP table): one row, object
# `katalog`, and no IDOR probe "outside" them.
UNSCOPED_KINDS = {"program", "bup"}

KIND_MODEL = {
    "unit": OrgUnit,
    "position": Position,
    "employee": Employee,
    "placement": Placement,
    "batch": ImportBatch,
    "skp": SKP,
    "skp_rated": SKP,
    "rhk": RHK,
    "indicator": Indicator,
    "realisation": Realisation,
    "job": ReportJob,
    "document": ReportDocument,
    "program": TrainingProgram,
    "bup": FunctionalBup,
    "event": TrainingEvent,
    "participation": Participation,
    "selfreport": Participation,
    "joinrequest": JoinRequest,
    "plan": DevelopmentPlan,
    "petajob": PetaJob,
    "announcement": Announcement,
    "selection": JptSelection,
}

# Outside each actor's scope (IDOR probes): the other dinas, the neighbouring instansi and,
# for the pegawai, a colleague of the same bidang.
OUTSIDE = {
    "pegawai": ("dishub", "lain", "rekan"),
    "penilai": ("dishub", "lain"),
    "hr_dishub": ("dinkes", "lain"),
    "hr_bkd": ("lain",),
    "pimpinan": ("lain",),
}
MISSING_IDS = ("max+1", 0, 2**63)

# Public pages show a name by design (the verification page): no leak check there.
NO_LEAK_CHECK = {"verify_code"}


@dataclass(frozen=True)
class Row:
    name: str
    obj: str
    method: str
    expected: dict[str, str]


def _parse(text: str) -> list[Row]:
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, obj, method, *tokens = line.split()
        assert len(tokens) == len(ACTORS), f"MATRIX line {number}: {len(tokens)} statuses"
        assert method in ("GET", "POST"), f"MATRIX line {number}: method {method}"
        for token in tokens:
            assert re.fullmatch(r"L|\.|[2-5]\d\d", token), f"MATRIX line {number}: {token}"
        rows.append(Row(name, obj, method, dict(zip(ACTORS, tokens, strict=True))))
    return rows


MATRIX = _parse(MATRIX_TEXT)


# --- URL enumeration ----------------------------------------------------------------------------


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    """(name or route, route) of every pattern, nested resolvers included."""
    found = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            found += _walk(entry, route, ns)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            found.append((name or f"<unnamed {route}>", route))
    return found


def _is_admin_detail(name: str, route: str) -> bool:
    # Django's admin: staff-only, Django's own code. One sample row (admin:index) stands for it.
    return route.startswith("admin/") and name != "admin:index"


def project_patterns() -> dict[str, str]:
    return {
        name: route for name, route in _walk(get_resolver()) if not _is_admin_detail(name, route)
    }


def test_every_url_pattern_has_a_row_and_every_row_a_pattern() -> None:
    patterns = project_patterns()
    in_table = {row.name for row in MATRIX}
    missing = sorted(set(patterns) - in_table)
    stale = sorted(in_table - set(patterns))
    assert not missing, (
        f"URL patterns without a row in MATRIX_TEXT of {__file__}: {missing}. Add GET (and, "
        "for a state-changing view, POST) rows with the expected status for every actor, "
        "and its object kind in URL_OBJECT if the URL takes an id."
    )
    assert not stale, f"MATRIX rows name URL patterns that no longer exist: {stale}"
    for name, route in patterns.items():
        has_object = "<" in route
        objects = {row.obj for row in MATRIX if row.name == name}
        if has_object:
            assert name in URL_OBJECT, f"{name} ({route}) takes an id: add it to URL_OBJECT"
            if URL_OBJECT[name] not in UNSCOPED_KINDS:
                assert {"dinkes", "dishub"} <= objects, (
                    f"{name}: rows for an object inside (dinkes) and outside (dishub) needed"
                )
        else:
            assert objects == {"-"}, f"{name} takes no id: its rows use object '-'"


# --- The world: one object of each kind in Dinkes, in Dishub and in a neighbouring instansi -----

PDF = b"%PDF-1.4\n% bukti uji\n%%EOF\n"
REPORT_YEAR = 2025


@dataclass
class Objects:
    by_location: dict[str, dict[str, Any]]
    # Strings that must never appear on a page shown to an actor (names, NIPs, units).
    foreign: dict[str, list[str]] = field(default_factory=dict)

    def kwargs(self, name: str, location: str) -> dict[str, Any] | None:
        kind = URL_OBJECT[name]
        objects = self.by_location["dinkes" if kind in UNSCOPED_KINDS else location]
        if kind not in objects:
            return None
        if kind == "code":
            return {"code": objects["code"]}
        kwargs: dict[str, Any] = {"pk": objects[kind]}
        if name in PERIOD_URLS:
            kwargs["period"] = Evaluation.Period.TW4
        return kwargs


def _build_location(
    *, unit: OrgUnit, staff: Employee, hr: User, program: TrainingProgram, capture: Any
) -> dict[str, Any]:
    """One object of each kind about `staff` (who has a login) in `unit`, made by `hr`."""
    this_year = today().year
    draft = performance_services.create_skp(staff, year=this_year, pendekatan="kuantitatif")
    rhk = performance_services.add_rhk(draft, user=staff.user, jenis="utama", text="Layanan")
    indicator = performance_services.add_indicator(
        rhk, user=staff.user, aspek="kuantitas", text="Jumlah", target_value=5, target_satuan="x"
    )
    rated = rated_skp(staff, year=REPORT_YEAR)
    # The evaluation is final, so no service writes its evidence any more: attach the file.
    realisation = Realisation.objects.get(evaluation__skp=rated)
    realisation.evidence.save("bukti.pdf", ContentFile(PDF), save=False)
    realisation.evidence_name = "bukti.pdf"
    realisation.save(update_fields=["evidence", "evidence_name"])
    with capture(execute=True):
        job = report_jobs.start_unit_job(hr, unit, REPORT_YEAR)
    document = job.documents.get(employee=staff)
    event = TrainingEvent.objects.create(
        program=program,
        name=f"Angkatan {unit.name}",
        start_date=dt.date(this_year, 3, 2),
        end_date=dt.date(this_year, 3, 4),
        organiser_unit=unit,
        quota=10,
    )
    participation = training_services.enrol_employee(event, staff, enrolled_by=hr)
    certificate = SimpleUploadedFile("sertifikat.pdf", PDF, content_type="application/pdf")
    training_services.record_results(
        event,
        [training_services.ResultRow(participation, "lulus", "SERT-1", certificate)],
        recorded_by=hr,
    )
    selfreport = ledger.report_self_development(
        staff,
        title="Webinar mandiri",
        category="seminar",
        method="e_learning",
        start_date=dt.date(this_year, 2, 1),
        end_date=dt.date(this_year, 2, 1),
        jp=2,
    )
    # A seleksi terbuka of a JPT post of the unit, with the staff on its daftar calon.
    selection = JptSelection.objects.create(
        position=PositionFactory(unit=unit, name="Kepala Uji Seleksi", jenis="jpt_pratama"),
        opened_on=today(),
    )
    SelectionCandidate.objects.create(
        selection=selection, employee=staff, source="peringkat", listed_rank=1, score=50
    )
    # A printed peta jabatan of the unit (positions.peta_print), ready to download.
    petajob = PetaJob(unit=unit, requested_by=hr, state="selesai", total=1, done=1)
    petajob.file.save("peta.pdf", ContentFile(PDF), save=False)
    petajob.save()
    return {
        "petajob": petajob.pk,
        "selection": selection.pk,
        "unit": unit.pk,
        "position": staff.definitive_placement().position_id,
        "employee": staff.pk,
        "placement": staff.definitive_placement().pk,
        "batch": importing.create_batch(filename="pegawai.xlsx", raw_rows=[], user=hr).pk,
        "skp": draft.pk,
        "skp_rated": rated.pk,
        "rhk": rhk.pk,
        "indicator": indicator.pk,
        "realisation": realisation.pk,
        "job": job.pk,
        "document": document.pk,
        "code": DocumentVerification.objects.get(document=document).code,
        "program": program.pk,
        "bup": FunctionalBup.objects.get_or_create(
            name="Guru", jenjang="", defaults={"bup_age": 60, "legal_basis": "UU 14/2005"}
        )[0].pk,
        "event": event.pk,
        "participation": participation.pk,
        "selfreport": selfreport.pk,
        "joinrequest": JoinRequest.objects.create(employee=staff, event=event).pk,
        "plan": needs.create_plan(unit, this_year + 1, created_by=hr).pk,
        "announcement": home_services.post_announcement(
            hr,
            unit=unit,
            title=f"Pengumuman {unit.name}",
            body="Ajukan SKP tepat waktu.",
            starts_on=today(),
            ends_on=today() + dt.timedelta(days=7),
        ).pk,
    }


def _markers(*employees: Employee) -> list[str]:
    return [text for e in employees for text in (e.name, e.nip)]


@dataclass
class MatrixWorld:
    world: Any
    users: dict[str, User]
    objects: Objects


@pytest.fixture(scope="module")
def matrix_world(module_transaction: Any) -> MatrixWorld:
    """The conftest world, its scoped logins and the objects below, built once for the module
    (conftest `module_transaction`): the tests only read them, each from its own savepoint."""
    with module_transaction():
        world = build_world()
        users = {name: scoped_user(world, name) for name in SCOPED_USERS}
        objects = _build_objects(
            world, users["hr_dinkes"], users["hr_dishub"], TestCase.captureOnCommitCallbacks
        )
    return MatrixWorld(world, users, objects)


# The conftest fixtures, answered from the module's one world.
@pytest.fixture
def world(db: None, matrix_world: MatrixWorld) -> Any:
    return matrix_world.world


@pytest.fixture
def hr_admin(db: None, matrix_world: MatrixWorld) -> User:
    return matrix_world.users["hr_admin"]


@pytest.fixture
def hr_dinkes(db: None, matrix_world: MatrixWorld) -> User:
    return matrix_world.users["hr_dinkes"]


@pytest.fixture
def hr_dishub(db: None, matrix_world: MatrixWorld) -> User:
    return matrix_world.users["hr_dishub"]


@pytest.fixture
def pimpinan(db: None, matrix_world: MatrixWorld) -> User:
    return matrix_world.users["pimpinan"]


@pytest.fixture
def world_objects(db: None, matrix_world: MatrixWorld) -> Objects:
    return matrix_world.objects


def _build_objects(world: Any, hr_dinkes: User, hr_dishub: User, capture: Any) -> Objects:
    program = TrainingProgram.objects.create(
        code="TEK-UJI",
        name="Pelatihan Teknis Uji",
        category="teknis",
        method="klasikal",
        jp=8,
        provider="BPSDM",
    )
    # A neighbouring instansi in the same database: outside even the province-wide scopes.
    kabupaten = make_unit("Kabupaten Tetangga")
    dinas_lain = make_unit("Dinas Tetangga", kabupaten, "perangkat_daerah")
    # Siblings are ordered by code and make_unit's codes come from a global counter ("U99"
    # sorts after "U100"): a new unit may have moved the others. Reload every path.
    for unit in (world.pemprov, world.dinkes, world.yankes, world.dishub, kabupaten):
        unit.refresh_from_db()
    warga = EmployeeFactory(
        name="Warga Tetangga", unit=dinas_lain, user=User.objects.create_user("warga")
    )
    PlacementFactory(employee=warga, position=PositionFactory(unit=dinas_lain, name="Analis"))
    hr_lain = User.objects.create_user("hr_lain")
    HRScope.objects.create(user=hr_lain, unit=kabupaten, role=HRScope.Role.PENGELOLA)

    colleague = world.colleague_emp
    with pytest.MonkeyPatch.context() as patch:
        # The report pipeline runs for real (tasks, storage, verification codes); only
        # WeasyPrint is stubbed while building, or it would take most of the fixture's time.
        patch.setattr(reports, "render_pdf", lambda template_name, context: PDF)
        locations = {
            "dinkes": _build_location(
                unit=world.yankes,
                staff=world.employee_emp,
                hr=hr_dinkes,
                program=program,
                capture=capture,
            ),
            "dishub": _build_location(
                unit=world.dishub,
                staff=world.outsider_emp,
                hr=hr_dishub,
                program=program,
                capture=capture,
            ),
            "lain": _build_location(
                unit=dinas_lain, staff=warga, hr=hr_lain, program=program, capture=capture
            ),
            # The pegawai's colleague in the same bidang: the penilai sees them, the pegawai not.
            "rekan": {
                "employee": colleague.pk,
                "placement": colleague.definitive_placement().pk,
                "skp": performance_services.create_skp(
                    colleague, year=today().year, pendekatan="kuantitatif"
                ).pk,
            },
        }
    dinkes_people = [world.kadis_emp, world.manager_emp, world.employee_emp, colleague]
    lain = [*_markers(warga), "Kabupaten Tetangga", "Dinas Tetangga"]
    dishub = [*_markers(world.outsider_emp), "Dinas Perhubungan"]
    foreign = {
        "anonim": [*_markers(*dinkes_people, world.outsider_emp), *lain],
        "pegawai": [*_markers(colleague), *dishub, *lain],
        "penilai": [*dishub, *lain],
        "hr_dishub": [
            *_markers(*dinkes_people),
            "Dinas Kesehatan",
            "Bidang Pelayanan Kesehatan",
            *lain,
        ],
        "hr_bkd": lain,
        "pimpinan": lain,
    }
    return Objects(locations, foreign)


def _snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of the domain tables: an unauthorised POST must change none of them."""
    models = [
        OrgUnit,
        Position,
        Employee,
        Placement,
        Education,
        EmployeeCompetency,
        WorkloadTask,
        PositionCompetency,
        ImportBatch,
        HRScope,
        SKP,
        RHK,
        Indicator,
        BehaviourExpectation,
        Evaluation,
        Realisation,
        OrganisationPerformance,
        ReportJob,
        ReportDocument,
        DocumentVerification,
        TrainingProgram,
        TrainingEvent,
        Session,
        Participation,
        Attendance,
        DevelopmentPlan,
        PlanItem,
        Announcement,
    ]
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in models}


def _changed(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> list[str]:
    return [name for name in before if before[name] != after[name]]


# --- Requests -----------------------------------------------------------------------------------


def _client_for(actor: str, request: pytest.FixtureRequest) -> Client:
    if actor == "anonim":
        client = request.getfixturevalue("client")
    else:
        user = request.getfixturevalue(ACTOR_FIXTURE[actor])
        client = request.getfixturevalue("client_as")(user)
    client.raise_request_exception = False  # a view's exception is a 500 to report, not a stop
    return client


def _send(client: Client, method: str, url: str) -> Any:
    response = client.get(url) if method == "GET" else client.post(url, {})
    if response.streaming:
        # Read it through the client's wrapper, which closes the file without letting
        # request_finished close the test database connection (response.close() would).
        b"".join(response.streaming_content)
    return response


def _describe(response: Any) -> str:
    text = str(response.status_code)
    if response.status_code in (301, 302):
        text += f" → {response['Location']}"
    if response.status_code >= 500 and getattr(response, "exc_info", None):
        text += f" ({response.exc_info[1]!r})"
    return text


def _matches(response: Any, token: str) -> bool:
    status = response.status_code
    if token == "L":
        return status == 302 and response["Location"].startswith("/masuk/")
    if token == "302":
        return status == 302 and not response["Location"].startswith("/masuk/")
    return status == int(token)


def _leaks(response: Any, markers: list[str]) -> list[str]:
    if response.streaming or not response["Content-Type"].startswith("text/html"):
        return []
    body = response.content.decode()
    return [marker for marker in markers if marker in body]


@pytest.mark.parametrize("actor", ACTORS)
def test_matrix(actor: str, world_objects: Objects, request: pytest.FixtureRequest) -> None:
    client = _client_for(actor, request)
    before = _snapshot()
    problems = []
    for row in MATRIX:
        token = row.expected[actor]
        if token == ".":
            continue
        kwargs = {} if row.obj == "-" else world_objects.kwargs(row.name, row.obj)
        url = reverse(row.name, kwargs=kwargs)
        response = _send(client, row.method, url)
        where = f"{row.method} {row.name} [{row.obj}] as {actor} ({url})"
        if not _matches(response, token):
            problems.append(f"{where}: got {_describe(response)}, expected {token}")
        elif response.status_code == 200 and row.name not in NO_LEAK_CHECK:
            leaked = _leaks(response, world_objects.foreign[actor])
            if leaked:
                problems.append(f"{where}: 200 shows data outside the scope: {leaked}")
    changed = _changed(before, _snapshot())
    if changed:
        problems.append(f"unauthorised POSTs as {actor} changed the tables {changed}")
    assert not problems, f"{len(problems)} mismatches:\n" + "\n".join(problems)


# --- IDOR ---------------------------------------------------------------------------------------


def _idor_method(name: str, actor: str) -> str:
    """GET, or POST for a POST-only view (its GET rows say 405)."""
    gets = [row.expected[actor] for row in MATRIX if row.name == name and row.method == "GET"]
    return "POST" if gets and all(token == "405" for token in gets) else "GET"


def _role_gated(name: str, method: str, actor: str) -> bool:
    """The actor's role cannot open this page for any object: 403 before the lookup."""
    tokens = [r.expected[actor] for r in MATRIX if r.name == name and r.method == method]
    return bool(tokens) and all(token == "403" for token in tokens)


def _object_patterns() -> list[str]:
    return sorted(name for name, route in project_patterns().items() if "<int:pk>" in route)


@pytest.mark.parametrize("actor", [a for a in ACTORS if a != "anonim"])
def test_idor(actor: str, world_objects: Objects, request: pytest.FixtureRequest) -> None:
    client = _client_for(actor, request)
    before = _snapshot()
    problems = []
    for name in _object_patterns():
        kind = URL_OBJECT[name]
        method = _idor_method(name, actor)
        allowed = {403, 404} if _role_gated(name, method, actor) else {404}
        max_id = KIND_MODEL[kind].objects.aggregate(top=Max("pk"))["top"] or 0
        probes: list[tuple[str, dict[str, Any]]] = []
        for missing in MISSING_IDS:
            pk = max_id + 1 if missing == "max+1" else missing
            probes.append((f"missing id {missing}", {"pk": pk}))
        if kind not in UNSCOPED_KINDS:  # no scope: nothing is outside it
            for location in OUTSIDE[actor]:
                kwargs = world_objects.kwargs(name, location)
                if kwargs is not None:
                    probes.append((f"{location} {kind} #{kwargs['pk']}", kwargs))
        statuses = set()
        for label, kwargs in probes:
            if name in PERIOD_URLS:
                kwargs = {**kwargs, "period": Evaluation.Period.TW4}
            url = reverse(name, kwargs=kwargs)
            response = _send(client, method, url)
            statuses.add(response.status_code)
            if response.status_code not in allowed:
                problems.append(
                    f"{method} {name} [{label}] as {actor} ({url}): got {_describe(response)}, "
                    f"expected {' or '.join(map(str, sorted(allowed)))}"
                )
        if len(statuses) > 1:
            problems.append(
                f"{method} {name} as {actor}: outside and missing ids answer differently "
                f"{sorted(statuses)}: the status reveals which ids exist"
            )
    changed = _changed(before, _snapshot())
    if changed:
        problems.append(f"IDOR POSTs as {actor} changed the tables {changed}")
    assert not problems, f"{len(problems)} IDOR problems:\n" + "\n".join(problems)


# --- Public verification page -------------------------------------------------------------------


def test_public_verification_shows_only_name_year_predikat_and_hash(
    world_objects: Objects, world: Any, client: Client
) -> None:
    code = world_objects.by_location["dinkes"]["code"]
    record = DocumentVerification.objects.get(code=code)
    response = client.get(reverse("verify_code", kwargs={"code": code}))
    assert response.status_code == 200
    body = response.content.decode()
    perawat = world.employee_emp
    for shown in (record.name, str(record.year), record.get_predikat_display(), record.sha256):
        assert shown in body
    assert "Bidang" not in body and "Dinas" not in body  # no unit name of any kind
    for hidden in (
        perawat.nip,
        world.yankes.name,
        world.dinkes.name,
        world.manager_emp.name,
    ):
        assert hidden not in body, f"the public verification page shows {hidden!r}"
    unknown = client.get(reverse("verify_code", kwargs={"code": "ABCD-EFGH-JKMN"}))
    assert unknown.status_code == 404
    assert record.name not in unknown.content.decode()
