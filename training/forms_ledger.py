"""Forms of the self-report and its verification."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from core.uploads import validate_certificate
from positions.models import today

from .ledger import jp_from
from .models import LEADERSHIP_CATEGORIES, Category, Method

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_JP = 1000

# Leadership trainings and Latsar are recorded by HR (riwayat diklat), not self-reported.
SELF_REPORT_CATEGORIES = [
    (value, label)
    for value, label in Category.choices
    if value not in LEADERSHIP_CATEGORIES and value != Category.LATSAR
]


class SelfReportForm(forms.Form):
    title = forms.CharField(label="Nama kegiatan", max_length=200)
    category = forms.ChoiceField(label="Kategori", choices=SELF_REPORT_CATEGORIES)
    method = forms.ChoiceField(
        label="Bentuk pengembangan", choices=Method.choices, initial=Method.KLASIKAL
    )
    start_date = forms.DateField(label="Tanggal mulai", widget=DATE)
    end_date = forms.DateField(label="Tanggal selesai", widget=DATE)
    jp = forms.IntegerField(
        label="Durasi (JP)",
        required=False,
        min_value=1,
        max_value=MAX_JP,
        help_text="Isi JP, atau isi durasi dalam menit di bawah. 1 JP = 45 menit.",
    )
    minutes = forms.IntegerField(
        label="Durasi (menit)",
        required=False,
        min_value=1,
        max_value=MAX_JP * 45,
        help_text="Bila diisi, JP dihitung otomatis: menit ÷ 45, dibulatkan ke bawah.",
    )
    certificate_number = forms.CharField(label="Nomor sertifikat", max_length=100, required=False)
    certificate = forms.FileField(
        label="Berkas sertifikat (opsional)",
        required=False,
        help_text="PDF, JPG atau PNG, paling besar 5 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def clean_certificate(self) -> Any:
        upload = self.cleaned_data.get("certificate")
        if upload:
            validate_certificate(upload)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: dt.date | None = data.get("start_date")
        end: dt.date | None = data.get("end_date")
        if start and end:
            if end < start:
                self.add_error("end_date", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
            elif end > today():
                self.add_error("end_date", "Kegiatan yang dilaporkan harus sudah selesai.")
        jp, minutes = data.get("jp"), data.get("minutes")
        if jp and minutes:
            self.add_error("minutes", "Isi salah satu saja: JP atau menit.")
        elif not jp and not minutes:
            if "jp" not in self.errors and "minutes" not in self.errors:
                self.add_error("jp", "Isi durasi dalam JP atau dalam menit.")
        elif minutes and jp_from(jp=None, minutes=minutes) < 1:
            self.add_error("minutes", "Durasi minimal 45 menit (1 JP).")
        if not self.errors:
            data["jp"] = jp_from(jp=jp, minutes=minutes)
        return data

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "category": data["category"],
            "method": data["method"],
            "start_date": data["start_date"],
            "end_date": data["end_date"],
            "jp": data["jp"],
            "certificate_number": data["certificate_number"],
            "certificate": data["certificate"] or None,
        }


class VerificationForm(forms.Form):
    decision = forms.ChoiceField(
        label="Keputusan",
        choices=[("verify", "Verifikasi (dihitung sebagai JP)"), ("reject", "Tolak")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Catatan",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wajib diisi bila laporan ditolak.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not (data.get("note") or "").strip():
            self.add_error("note", "Catatan wajib diisi bila laporan ditolak.")
        return data
