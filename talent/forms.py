"""Forms of manajemen talenta: the rule and weights of a calculation, an approval note."""

from __future__ import annotations

from typing import Any

from django import forms

from core.params import year_choices

from .models import TalentRun
from .services import RUN_SETTINGS


class RunForm(forms.ModelForm):
    """The kinerja rule and potensial weights of a new calculation (stored with it)."""

    year = forms.TypedChoiceField(label="Tahun predikat terakhir", coerce=int)

    class Meta:
        model = TalentRun
        fields = ["year", *RUN_SETTINGS]
        help_texts = {
            "above_min_sangat_baik": "Dari dua tahun terakhir, berapa yang harus 'Sangat Baik' "
            "(tahun lainnya minimal 'Baik') agar kinerja di atas ekspektasi.",
            "below_min_years": "Berapa tahun di bawah 'Baik' (Butuh Perbaikan, Kurang, Sangat "
            "Kurang) yang menempatkan kinerja di bawah ekspektasi.",
            "threshold_tinggi": "Skor potensial (0–100) mulai dari nilai ini: tinggi.",
            "threshold_menengah": "Skor potensial mulai dari nilai ini: menengah; di bawahnya "
            "rendah.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = self.fields["year"]
        if isinstance(year, forms.TypedChoiceField):  # declared above
            year.choices = [(y, y) for y in year_choices()]
        for name in ("above_min_sangat_baik", "below_min_years"):
            self.fields[name] = forms.TypedChoiceField(
                label=self.fields[name].label,
                help_text=self.fields[name].help_text,
                choices=[(1, "1"), (2, "2")],
                coerce=int,
            )
        for name in RUN_SETTINGS:
            if name.startswith(("weight_", "threshold_")):
                self.fields[name].widget.attrs.update({"min": 0, "max": 100})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        weights = [
            data.get(n) for n in ("weight_kompetensi", "weight_kualifikasi", "weight_rekam_jejak")
        ]
        if all(w is not None for w in weights) and sum(weights) != 100:  # type: ignore[arg-type]
            raise forms.ValidationError(
                f"Jumlah bobot potensial harus 100% (sekarang {sum(weights)}%)."  # type: ignore[arg-type]
            )
        for name in RUN_SETTINGS:
            value = data.get(name)
            if name.startswith(("weight_", "threshold_")) and value is not None and value > 100:
                self.add_error(name, "Nilai paling besar 100.")
        tinggi, menengah = data.get("threshold_tinggi"), data.get("threshold_menengah")
        if tinggi is not None and menengah is not None and menengah >= tinggi:
            self.add_error("threshold_menengah", "Batas menengah harus di bawah batas tinggi.")
        return data


class ApproveForm(forms.Form):
    note = forms.CharField(
        label="Catatan persetujuan",
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )


class PlannedMoveForm(forms.Form):
    """A planned move of one of the post's holders (the holders are the choices)."""

    employee = forms.TypedChoiceField(
        label="Pemangku", coerce=int, widget=forms.Select(attrs={"class": "form-select"})
    )
    move_date = forms.DateField(
        label="Tanggal rencana",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )
    note = forms.CharField(
        label="Keterangan",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args: Any, holders: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        employee = self.fields["employee"]
        if isinstance(employee, forms.TypedChoiceField):  # declared above
            employee.choices = [(h.employee_id, h.employee.full_name) for h in holders]
