"""SKP workflow and evaluation: every state change goes through here, re-checking who may act.

* skp: roles from placements; create, submit, return, approve (freezing identities), revise;
* plan: RHK, IKI, Lampiran SKP and ekspektasi while the SKP can be edited;
* evaluation: realisasi, umpan balik, ratings, finalising, sending realisasi to the penilai;
* year: predikat kinerja organisasi, the distribution curve, closing the year, reminders.

Callers use the names below (`from performance import services; services.approve_skp(...)`).
A test that patches a function patches it in the module that calls it, e.g.
`mock.patch.object(services.skp, "identity", ...)`: rebinding a name here changes nothing.
"""

from . import evaluation, plan, skp, year
from .evaluation import (
    FINALISE_NOTE_MAX,
    finalise_evaluation,
    missing_realisations,
    rate_evaluation,
    save_penilai_feedback,
    save_realisations,
    send_realisations_to_penilai,
)
from .plan import (
    add_indicator,
    add_rhk,
    can_set_expectations,
    delete_indicator,
    delete_rhk,
    set_expectations,
    set_lampiran,
    update_indicator,
    update_rhk,
)
from .skp import (
    absolute_url,
    acting_employee,
    approve_skp,
    cascade_choices,
    create_skp,
    derive_roles,
    identity,
    is_penilai_of,
    missing_items,
    return_skp,
    start_revision,
    submit_skp,
    superior_skp,
)
from .year import (
    annual_distribution,
    close_year,
    curve_violations,
    employees_to_remind,
    send_skp_reminders,
    set_org_predikat,
)

__all__ = [
    "FINALISE_NOTE_MAX",
    "absolute_url",
    "acting_employee",
    "add_indicator",
    "add_rhk",
    "annual_distribution",
    "approve_skp",
    "can_set_expectations",
    "cascade_choices",
    "close_year",
    "create_skp",
    "curve_violations",
    "delete_indicator",
    "delete_rhk",
    "derive_roles",
    "employees_to_remind",
    "evaluation",
    "finalise_evaluation",
    "identity",
    "is_penilai_of",
    "missing_items",
    "missing_realisations",
    "plan",
    "rate_evaluation",
    "return_skp",
    "save_penilai_feedback",
    "save_realisations",
    "send_realisations_to_penilai",
    "send_skp_reminders",
    "set_expectations",
    "set_lampiran",
    "set_org_predikat",
    "skp",
    "start_revision",
    "submit_skp",
    "superior_skp",
    "update_indicator",
    "update_rhk",
    "year",
]
