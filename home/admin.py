from django.contrib import admin

from .models import Announcement


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "author", "starts_on", "ends_on"]
    list_filter = ["starts_on"]
    search_fields = ["title", "body"]
    raw_id_fields = ["unit", "author"]
