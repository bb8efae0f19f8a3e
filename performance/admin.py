from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    RHK,
    SKP,
    BehaviourExpectation,
    BehaviourFeedback,
    CurveRule,
    DocumentVerification,
    Evaluation,
    Indicator,
    OrganisationPerformance,
    PredikatRule,
    RatingHistory,
    Realisation,
    ReportDocument,
    ReportJob,
)


class RHKInline(admin.TabularInline):
    model = RHK
    extra = 0
    fields = ["jenis", "text", "parent_rhk", "perspektif"]
    raw_id_fields = ["parent_rhk"]


@admin.register(SKP)
class SKPAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "year", "revision", "status", "penilai"]
    list_filter = ["year", "status", "pendekatan"]
    search_fields = ["employee__name", "employee__nip"]
    raw_id_fields = ["employee", "penilai", "atasan_penilai", "approved_by", "superseded_by"]
    autocomplete_fields = ["position", "penilai_position"]
    inlines = [RHKInline]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["text", "aspek", "target_value", "target_satuan"]
    raw_id_fields = ["rhk"]


@admin.register(Evaluation)
class EvaluationAdmin(SimpleHistoryAdmin):
    list_display = ["skp", "period", "status", "rating_hasil", "rating_perilaku", "predikat"]
    list_filter = ["period", "status", "predikat"]
    raw_id_fields = ["skp", "finalised_by"]


@admin.register(Realisation)
class RealisationAdmin(SimpleHistoryAdmin):
    list_display = ["evaluation", "indicator", "value"]
    raw_id_fields = ["evaluation", "indicator"]


@admin.register(PredikatRule)
class PredikatRuleAdmin(admin.ModelAdmin):
    list_display = ["regulation", "rating_hasil", "rating_perilaku", "predikat"]


@admin.register(CurveRule)
class CurveRuleAdmin(admin.ModelAdmin):
    list_display = ["regulation", "org_predikat", "description"]
    list_filter = ["org_predikat"]


@admin.register(OrganisationPerformance)
class OrganisationPerformanceAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "year", "predikat", "closed_at"]
    raw_id_fields = ["unit"]


@admin.register(RatingHistory)
class RatingHistoryAdmin(admin.ModelAdmin):
    list_display = ["employee", "year", "regime", "predikat", "nilai_skp", "sebutan"]
    raw_id_fields = ["employee"]


@admin.register(RHK)
class RHKAdmin(SimpleHistoryAdmin):
    list_display = ["text", "jenis", "skp"]
    raw_id_fields = ["skp", "parent_rhk"]


admin.site.register(BehaviourExpectation)
admin.site.register(BehaviourFeedback)


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "year", "state", "total", "requested_by", "created_at"]
    list_filter = ["state", "kind", "year"]
    raw_id_fields = ["unit", "employee", "requested_by"]


@admin.register(ReportDocument)
class ReportDocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "state", "run", "attempts", "rendered_at"]
    list_filter = ["state"]
    raw_id_fields = ["job", "employee", "skp"]
    search_fields = ["employee__nip", "employee__name"]


@admin.register(DocumentVerification)
class DocumentVerificationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "year", "predikat", "issued_at", "superseded_at"]
    search_fields = ["code", "name"]
    raw_id_fields = ["document", "employee"]
