from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from positions.models import OrgUnit, Scopes, today

from .models import BODY_MAX_LENGTH, Announcement

MAX_VALIDITY_DAYS = 92  # a notice that must stay longer belongs in a circular letter


class AnnouncementForm(forms.ModelForm):
    class Meta:
        model = Announcement
        fields = ["unit", "title", "body", "starts_on", "ends_on"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 4, "maxlength": BODY_MAX_LENGTH}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "unit": "Semua pegawai di unit ini dan unit di bawahnya akan melihat pengumuman "
            "di beranda mereka.",
            "body": f"Paling banyak {BODY_MAX_LENGTH} karakter.",
            "ends_on": f"Paling lama {MAX_VALIDITY_DAYS} hari setelah tanggal mulai.",
        }

    def __init__(self, *args: Any, allowed_paths: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Sub-units (seksi, subbagian) are left out: a notice goes to an instansi, a
        # perangkat daerah or a bidang, which keeps the list short enough to pick from.
        units = (
            OrgUnit.objects.filter(Scopes(write_paths=allowed_paths).path_q("path"))
            .active()
            .exclude(kind=OrgUnit.Kind.SUB_UNIT)
            .order_by("path")
        )
        field = self.fields["unit"]
        field.queryset = units
        # Shown as a tree (ordered by path, indented by depth): many bidang share a name
        # ("Sekretariat"), their perangkat daerah above them tells them apart.
        base = min((len(path) for path in allowed_paths), default=0) // OrgUnit.steplen
        field.label_from_instance = lambda unit: "— " * max(unit.depth - base, 0) + unit.name
        if not self.instance.pk:
            self.initial.setdefault("starts_on", today())
            self.initial.setdefault("ends_on", today() + dt.timedelta(days=14))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends:
            if ends < starts:
                self.add_error("ends_on", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
            elif (ends - starts).days > MAX_VALIDITY_DAYS:
                self.add_error("ends_on", f"Masa berlaku paling lama {MAX_VALIDITY_DAYS} hari.")
            if not self.instance.pk and ends < today():
                self.add_error("ends_on", "Tanggal selesai sudah lewat.")
        return data
