"""Analisis kebutuhan pengembangan kompetensi, competency assessment import and development plans.

* analysis: each employee's gaps (competency levels, leadership training, weak performance)
  and the programs recommended for them, aggregated per unit;
* assessments: the assessment import (template, read, validate, write);
* plans: the unit's development plan drafted from the analysis.

The names below are the package's public interface (`from training import needs;
needs.analyse(...)`). A test that patches a name patches it in the module that reads it
(e.g. `needs.analysis.MAX_RECOMMENDATIONS`): rebinding a name here changes nothing.
"""

from . import analysis, assessments, plans
from .analysis import (
    LEADERSHIP_SHORT,
    MAX_RECOMMENDATIONS,
    PERFORMANCE_CATEGORIES,
    WEAK_PREDIKAT,
    EmployeeNeeds,
    Gap,
    ProgramNeed,
    Recommendation,
    active_programs,
    aggregate,
    analyse,
    join_words,
    recommend,
    unit_employees,
)
from .assessments import (
    DEFAULT_SOURCE,
    IMPORT_COLUMNS,
    MAX_IMPORT_BYTES,
    ImportRow,
    assessment_error_report,
    assessment_template,
    import_assessments,
    read_assessment_rows,
    validate_assessment_rows,
    write_header,
)
from .plans import (
    add_plan_item,
    approve_plan,
    create_plan,
    plan_items,
    plan_workbook,
    remove_plan_item,
)

__all__ = [
    "DEFAULT_SOURCE",
    "IMPORT_COLUMNS",
    "LEADERSHIP_SHORT",
    "MAX_IMPORT_BYTES",
    "MAX_RECOMMENDATIONS",
    "PERFORMANCE_CATEGORIES",
    "WEAK_PREDIKAT",
    "EmployeeNeeds",
    "Gap",
    "ImportRow",
    "ProgramNeed",
    "Recommendation",
    "active_programs",
    "add_plan_item",
    "aggregate",
    "analyse",
    "analysis",
    "approve_plan",
    "assessment_error_report",
    "assessment_template",
    "assessments",
    "create_plan",
    "import_assessments",
    "join_words",
    "plan_items",
    "plan_workbook",
    "plans",
    "read_assessment_rows",
    "recommend",
    "remove_plan_item",
    "unit_employees",
    "validate_assessment_rows",
    "write_header",
]
