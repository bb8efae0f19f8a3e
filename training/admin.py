from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Attendance,
    DevelopmentPlan,
    JoinRequest,
    Participation,
    PlanItem,
    ProgramCompetency,
    Session,
    TrainingEvent,
    TrainingProgram,
)


class ProgramCompetencyInline(admin.TabularInline):
    model = ProgramCompetency
    extra = 0


@admin.register(TrainingProgram)
class TrainingProgramAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "category", "method", "jp", "provider"]
    list_filter = ["category", "method"]
    search_fields = ["code", "name"]
    inlines = [ProgramCompetencyInline]


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


@admin.register(TrainingEvent)
class TrainingEventAdmin(SimpleHistoryAdmin):
    list_display = ["program", "name", "start_date", "end_date", "quota"]
    raw_id_fields = ["organiser_unit"]
    inlines = [SessionInline]


@admin.register(Participation)
class ParticipationAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "display_title", "end_date", "jp", "result", "verification"]
    list_filter = ["verification", "result", "is_self_reported"]
    raw_id_fields = ["employee", "event", "verified_by"]


@admin.register(JoinRequest)
class JoinRequestAdmin(SimpleHistoryAdmin):
    list_display = ["employee", "event", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    raw_id_fields = ["employee", "event", "decided_by"]


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0
    raw_id_fields = ["employee", "program"]


@admin.register(DevelopmentPlan)
class DevelopmentPlanAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "year", "status"]
    raw_id_fields = ["unit"]
    inlines = [PlanItemInline]


admin.site.register(ProgramCompetency)
admin.site.register(Session)
admin.site.register(Attendance)
admin.site.register(PlanItem)
