"""Forms of the SKP pages: they validate and normalise; the services write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.validators import MinValueValidator

from core.limits import BoundedTextarea

from .models import BERAKHLAK, RHK, SKP, BehaviourExpectation, Indicator

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SKPCreateForm(forms.Form):
    year = forms.IntegerField(label="Tahun", min_value=2022, max_value=2100)
    pendekatan = forms.ChoiceField(
        label="Pendekatan",
        choices=SKP.Pendekatan.choices,
        help_text="Kuantitatif: target berupa angka dan satuan. Kualitatif: target berupa uraian.",
    )
    period_start = forms.DateField(
        label="Awal periode",
        required=False,
        widget=DATE,
        help_text="Kosongkan untuk 1 Januari.",
    )
    period_end = forms.DateField(
        label="Akhir periode",
        required=False,
        widget=DATE,
        help_text="Kosongkan untuk 31 Desember.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        year = data.get("year")
        if year:
            data["period_start"] = data.get("period_start") or dt.date(year, 1, 1)
            data["period_end"] = data.get("period_end") or dt.date(year, 12, 31)
            start, end = data["period_start"], data["period_end"]
            if start.year != year or end.year != year:
                raise forms.ValidationError("Periode SKP harus berada di dalam tahun yang dipilih.")
            if end < start:
                raise forms.ValidationError("Akhir periode tidak boleh sebelum awal periode.")
        return data


class RHKForm(forms.ModelForm):
    """Parent choices are exactly `services.cascade_choices(skp)`; any other id is a form
    error (ModelChoiceField refuses values outside its queryset)."""

    class Meta:
        model = RHK
        # No "Urutan": a new RHK goes after the others (services.add_rhk).
        fields = ["jenis", "text", "parent_rhk", "perspektif"]
        labels = {"jenis": "Jenis RHK"}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, skp: SKP, choices: list[RHK], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent = self.fields["parent_rhk"]
        parent.queryset = RHK.objects.filter(pk__in=[c.pk for c in choices])
        parent.empty_label = "— belum dikaitkan —"
        # Utama first: it is the RHK that carries the cascade (the default on a new RHK).
        self.fields["jenis"].choices = [
            (RHK.Jenis.UTAMA.value, RHK.Jenis.UTAMA.label),
            (RHK.Jenis.TAMBAHAN.value, RHK.Jenis.TAMBAHAN.label),
        ]
        parent.help_text = (
            "Pilihan berasal dari SKP pejabat penilai yang sudah disetujui."
            if choices
            else "SKP pejabat penilai tahun ini belum disetujui; RHK dapat dikaitkan kemudian."
        )
        if skp.is_jpt:
            self.fields["perspektif"].required = True
        else:
            del self.fields["perspektif"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("jenis") == RHK.Jenis.TAMBAHAN:
            data["parent_rhk"] = None  # only a utama RHK intervenes the superior's RHK
        data.setdefault("perspektif", "")
        return data


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["aspek", "text", "target_value", "target_satuan", "target_text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, skp: SKP, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if skp.pendekatan == SKP.Pendekatan.KUANTITATIF:
            del self.fields["target_text"]
            target = self.fields["target_value"]
            target.required = True
            target.validators.append(MinValueValidator(0, "Target IKI tidak boleh negatif."))
            target.widget.attrs["min"] = "0"
            self.fields["target_satuan"].required = True
            self.fields["target_satuan"].help_text = "Misalnya Dokumen, Laporan, %, Bulan."
        else:
            del self.fields["target_value"]
            del self.fields["target_satuan"]
            self.fields["target_text"].required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("target_satuan", "target_text"):
            data.setdefault(name, "")
        data.setdefault("target_value", None)
        return data


class LampiranForm(forms.ModelForm):
    """Lampiran SKP (PermenPANRB 6/2022): what the pegawai needs, how they account for the
    results, and what follows from reaching them or not."""

    class Meta:
        model = SKP
        fields = ["dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"]
        help_texts = {
            "dukungan_sumber_daya": "Sumber daya yang dibutuhkan untuk mencapai RHK, misalnya "
            "anggaran, sarana, pelatihan atau dukungan tim.",
            "skema_pertanggungjawaban": "Cara hasil kerja dilaporkan dan dipertanggungjawabkan, "
            "misalnya laporan triwulan kepada pejabat penilai.",
            "konsekuensi": "Akibat bila target tercapai atau tidak tercapai, sesuai ketentuan "
            "instansi.",
        }
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in self.Meta.fields:
            data[name] = (data.get(name) or "").strip()
        return data


class ReturnForm(forms.Form):
    note = forms.CharField(
        label="Catatan untuk pegawai",
        max_length=SKP._meta.get_field("return_note").max_length,
        widget=BoundedTextarea(attrs={"rows": 4}),
        help_text="Tuliskan apa yang perlu diperbaiki.",
    )


class ExpectationsForm(forms.Form):
    """One text field per BerAKHLAK value: the ekspektasi khusus pimpinan."""

    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, label, guides in BERAKHLAK:
            self.fields[code] = forms.CharField(
                label=label,
                required=False,
                max_length=BehaviourExpectation._meta.get_field("ekspektasi").max_length,
                initial=current.get(code, ""),
                widget=BoundedTextarea(attrs={"rows": 2}),
                help_text="; ".join(guides),
            )
