"""Admin of manajemen talenta: planned moves (which feed the vacancy forecast) are recorded
here; calculations and approved lists are shown read-only (they are written by the pages)."""

from django.contrib import admin

from .models import CriticalPost, PlannedMove, SuccessionPlan, TalentRun


@admin.register(PlannedMove)
class PlannedMoveAdmin(admin.ModelAdmin):
    list_display = ["employee", "position", "move_date", "note"]
    raw_id_fields = ["employee", "position"]
    date_hierarchy = "move_date"


@admin.register(TalentRun)
class TalentRunAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "state", "created_by", "created_at", "employee_count"]
    readonly_fields = [f.name for f in TalentRun._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(CriticalPost)
class CriticalPostAdmin(admin.ModelAdmin):
    list_display = ["position", "marked_by", "marked_at"]
    raw_id_fields = ["position"]


@admin.register(SuccessionPlan)
class SuccessionPlanAdmin(admin.ModelAdmin):
    list_display = ["position", "version", "approved_by", "approved_at"]
    readonly_fields = ["position", "run", "version", "approved_by", "approved_at", "note"]

    def has_add_permission(self, request: object) -> bool:
        return False
