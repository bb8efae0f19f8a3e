"""Personnel core: organisation tree, positions, employees, placements and HR scopes.

One module per seam; every name is re-exported here, so `from positions.models import X` is
the one import path for the rest of the code (and Django finds the models through it).
"""

from .candidate import CandidateFeatures
from .employee import (
    Education,
    EducationField,
    Employee,
    EmployeeCompetency,
    EmployeeQuerySet,
    LeadershipTraining,
)
from .imports import ImportBatch
from .org import OrgUnit, OrgUnitManager, OrgUnitQuerySet, opd_name_of
from .peta_job import PetaJob
from .placement import Placement, PlacementQuerySet
from .position import (
    LEVEL_RANGE,
    LEVEL_VALIDATORS,
    Competency,
    CompetencyLevel,
    FunctionalBup,
    Position,
    PositionCompetency,
    PositionQuerySet,
    WorkloadTask,
    kebutuhan_from_minutes,
)
from .reference import (
    LEADERSHIP_BY_JENIS,
    LEADERSHIP_RANK,
    STRUCTURAL_JENIS,
    EducationLevel,
    Golongan,
    Leadership,
    Predikat,
    retirement_date,
    today,
)
from .scope import HRScope, Scopes, _outermost, own_employee, scopes_for
from .selection import (
    JptSelection,
    SelectionCandidate,
    SelectionCommitteeMember,
    jpt_placement_error,
)

__all__ = [
    "LEADERSHIP_BY_JENIS",
    "LEADERSHIP_RANK",
    "LEVEL_RANGE",
    "LEVEL_VALIDATORS",
    "STRUCTURAL_JENIS",
    "CandidateFeatures",
    "Competency",
    "CompetencyLevel",
    "Education",
    "EducationField",
    "EducationLevel",
    "Employee",
    "EmployeeCompetency",
    "EmployeeQuerySet",
    "FunctionalBup",
    "Golongan",
    "HRScope",
    "ImportBatch",
    "JptSelection",
    "Leadership",
    "LeadershipTraining",
    "OrgUnit",
    "OrgUnitManager",
    "OrgUnitQuerySet",
    "PetaJob",
    "Placement",
    "PlacementQuerySet",
    "Position",
    "PositionCompetency",
    "PositionQuerySet",
    "Predikat",
    "Scopes",
    "SelectionCandidate",
    "SelectionCommitteeMember",
    "WorkloadTask",
    "_outermost",
    "jpt_placement_error",
    "kebutuhan_from_minutes",
    "opd_name_of",
    "own_employee",
    "retirement_date",
    "scopes_for",
    "today",
]
