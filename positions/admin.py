from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from .models import (
    CandidateFeatures,
    Competency,
    CompetencyLevel,
    Education,
    EducationField,
    Employee,
    EmployeeCompetency,
    FunctionalBup,
    HRScope,
    ImportBatch,
    JptSelection,
    LeadershipTraining,
    OrgUnit,
    PetaJob,
    Placement,
    Position,
    PositionCompetency,
    SelectionCandidate,
    SelectionCommitteeMember,
    WorkloadTask,
)


@admin.register(OrgUnit)
class OrgUnitAdmin(TreeAdmin):
    form = movenodeform_factory(OrgUnit)
    list_display = ["name", "code", "kind", "closed_at"]
    search_fields = ["name", "code"]


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "jenis", "jenjang", "kelas", "unit", "kebutuhan", "is_active"]
    list_filter = ["jenis", "is_active"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["unit", "parent"]
    list_select_related = ["unit"]


class EducationInline(admin.TabularInline):
    model = Education
    extra = 0
    autocomplete_fields = ["field"]


@admin.register(Employee)
class EmployeeAdmin(SimpleHistoryAdmin):
    list_display = ["nip", "name", "kind", "golongan", "unit", "status"]
    list_filter = ["kind", "status", "gender"]
    search_fields = ["nip", "name"]
    autocomplete_fields = ["unit", "user"]
    list_select_related = ["unit"]
    inlines = [EducationInline]


@admin.register(EducationField)
class EducationFieldAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "group"]
    list_filter = ["group"]
    search_fields = ["name", "code"]


@admin.register(Placement)
class PlacementAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "position", "kind", "start_date", "end_date", "sk_number"]
    list_filter = ["kind"]
    search_fields = ["employee__name", "employee__nip", "position__name", "sk_number"]
    autocomplete_fields = ["employee", "position"]
    list_select_related = ["employee", "position"]

    def save_model(self, request: HttpRequest, obj: Placement, form: Any, change: bool) -> None:
        # The partial unique index keys on the copied flag; keep it right on admin edits too.
        obj.is_structural = obj.position.is_structural
        super().save_model(request, obj, form, change)


@admin.register(HRScope)
class HRScopeAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit"]
    list_filter = ["role"]
    autocomplete_fields = ["user", "unit"]


class CompetencyLevelInline(admin.TabularInline):
    model = CompetencyLevel
    extra = 0


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    inlines = [CompetencyLevelInline]


@admin.register(PositionCompetency)
class PositionCompetencyAdmin(admin.ModelAdmin):
    list_display = ["position", "competency", "level"]
    autocomplete_fields = ["position", "competency"]
    list_select_related = ["position", "competency"]


@admin.register(EmployeeCompetency)
class EmployeeCompetencyAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "competency", "level", "assessed_on", "source"]
    autocomplete_fields = ["employee", "competency"]
    list_select_related = ["employee", "competency"]


@admin.register(LeadershipTraining)
class LeadershipTrainingAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "kind", "year", "certificate_number"]
    list_filter = ["kind"]
    autocomplete_fields = ["employee"]


@admin.register(WorkloadTask)
class WorkloadTaskAdmin(SimpleHistoryAdmin):
    list_display = ["position", "description", "satuan_hasil", "volume", "norma_waktu"]
    autocomplete_fields = ["position"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["filename", "created_by", "created_at", "status"]
    list_filter = ["status"]
    readonly_fields = ["rows", "summary"]


@admin.register(Education)
class EducationAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "level", "field", "institution", "graduation_year"]
    list_filter = ["level"]
    autocomplete_fields = ["employee", "field"]
    list_select_related = ["employee", "field"]


@admin.register(CompetencyLevel)
class CompetencyLevelAdmin(admin.ModelAdmin):
    list_display = ["competency", "level"]
    list_filter = ["competency"]


@admin.register(FunctionalBup)
class FunctionalBupAdmin(SimpleHistoryAdmin):
    """Prefer the HR page (Kepegawaian → Tabel BUP): it re-stamps the posts after an edit."""

    list_display = ["name", "jenjang", "bup_age", "legal_basis"]

    def save_model(self, request: HttpRequest, obj: FunctionalBup, form: Any, change: bool) -> None:
        from .bup import save_rule

        save_rule(obj)

    def delete_model(self, request: HttpRequest, obj: FunctionalBup) -> None:
        from .bup import delete_rule

        delete_rule(obj)


@admin.register(CandidateFeatures)
class CandidateFeaturesAdmin(admin.ModelAdmin):
    """Read-only: the rows are computed (positions/matching/features.py); an edit here would be
    overwritten by the next write or the nightly refresh."""

    list_display = ["employee", "education_level", "current_level", "current_start"]
    list_select_related = ["employee"]
    search_fields = ["employee__nip", "employee__name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PetaJob)
class PetaJobAdmin(admin.ModelAdmin):
    list_display = ["unit", "requested_by", "state", "done", "total", "created_at"]
    list_filter = ["state"]
    list_select_related = ["unit", "requested_by"]


class SelectionCandidateInline(admin.TabularInline):
    model = SelectionCandidate
    extra = 0
    autocomplete_fields = ["employee"]


class SelectionCommitteeMemberInline(admin.TabularInline):
    model = SelectionCommitteeMember
    extra = 0


@admin.register(JptSelection)
class JptSelectionAdmin(SimpleHistoryAdmin):
    list_display = ["position", "method", "status", "opened_on", "chosen", "sk_number"]
    list_filter = ["status", "method"]
    list_select_related = ["position", "chosen"]
    autocomplete_fields = ["position", "chosen"]
    inlines = [SelectionCommitteeMemberInline, SelectionCandidateInline]


@admin.register(SelectionCandidate)
class SelectionCandidateAdmin(SimpleHistoryAdmin):
    list_display = ["selection", "employee", "listed_rank", "proposed_rank", "score", "source"]
    list_select_related = ["selection__position", "employee"]
    autocomplete_fields = ["employee"]


@admin.register(SelectionCommitteeMember)
class SelectionCommitteeMemberAdmin(SimpleHistoryAdmin):
    list_display = ["selection", "name", "role", "unsur"]
    list_select_related = ["selection__position"]
