"""Pengelolaan kinerja (PermenPANRB 6/2022): SKP, RHK and IKI, evaluations, predikat and the
distribution curve, organisation performance, rating history and the yearly report jobs.

One module per seam; every name is re-exported here, so `from performance.models import X` is
the one import path for the rest of the code (and the migrations' `performance.models.*`
references keep resolving).
"""

from .evaluation import (
    PERIODS_BY_SETTING,
    BehaviourFeedback,
    Evaluation,
    Realisation,
    evaluation_periods,
    evidence_path,
)
from .history import OrganisationPerformance, RatingHistory
from .report_jobs import (
    DocumentVerification,
    ReportDocument,
    ReportDocumentQuerySet,
    ReportJob,
    ReportJobQuerySet,
    report_file_path,
)
from .rules import (
    BERAKHLAK,
    BERAKHLAK_CHOICES,
    PANDUAN,
    REGULATION,
    CurveRule,
    OrganisationPredikat,
    PredikatRule,
    Rating,
    predikat_for,
)
from .skp import RHK, SKP, BehaviourExpectation, Indicator, SKPQuerySet

__all__ = [
    "BERAKHLAK",
    "BERAKHLAK_CHOICES",
    "PANDUAN",
    "PERIODS_BY_SETTING",
    "REGULATION",
    "RHK",
    "SKP",
    "BehaviourExpectation",
    "BehaviourFeedback",
    "CurveRule",
    "DocumentVerification",
    "Evaluation",
    "Indicator",
    "OrganisationPerformance",
    "OrganisationPredikat",
    "PredikatRule",
    "Rating",
    "RatingHistory",
    "Realisation",
    "ReportDocument",
    "ReportDocumentQuerySet",
    "ReportJob",
    "ReportJobQuerySet",
    "SKPQuerySet",
    "evaluation_periods",
    "evidence_path",
    "predikat_for",
    "report_file_path",
]
