from __future__ import annotations

from typing import Any

from django import forms

from positions.models import Competency, Employee, EmployeeCompetency, OrgUnit, today

from .models import TrainingProgram

LEVEL_CHOICES = [(n, str(n)) for n in range(1, 6)]


class AssessmentForm(forms.ModelForm):
    level = forms.TypedChoiceField(
        label="Level", choices=[("", "— pilih level —"), *LEVEL_CHOICES], coerce=int
    )

    class Meta:
        model = EmployeeCompetency
        fields = ["competency", "level", "assessed_on", "source"]
        widgets = {"assessed_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, employee: Employee, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.employee = self.instance.employee = employee
        self.fields["competency"].queryset = Competency.objects.order_by("kind", "code")
        self.fields["competency"].label = "Kompetensi"
        self.fields["competency"].empty_label = "— pilih kompetensi —"

    def clean_assessed_on(self) -> Any:
        value = self.cleaned_data["assessed_on"]
        if value and value > today():
            raise forms.ValidationError("Tanggal penilaian tidak boleh di masa depan.")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # The employee is not a form field, so Django's own unique check skips this constraint.
        if (
            data.get("competency")
            and data.get("assessed_on")
            and EmployeeCompetency.objects.filter(
                employee=self.employee,
                competency=data["competency"],
                assessed_on=data["assessed_on"],
            ).exists()
        ):
            raise forms.ValidationError(
                "Penilaian kompetensi ini pada tanggal tersebut sudah tercatat."
            )
        return data


class AssessmentImportForm(forms.Form):
    file = forms.FileField(
        label="Berkas Excel (.xlsx)",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


class PlanCreateForm(forms.Form):
    unit = forms.IntegerField(widget=forms.HiddenInput)
    year = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)


class PlanItemForm(forms.Form):
    nip = forms.CharField(label="NIP pegawai", max_length=18)
    program = forms.ModelChoiceField(
        label="Program", queryset=TrainingProgram.objects.filter(is_active=True)
    )
    reason = forms.CharField(
        label="Alasan", max_length=300, initial="Ditambahkan oleh pengelola kepegawaian"
    )

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit

    def clean_nip(self) -> Employee:
        nip = self.cleaned_data["nip"].strip()
        employee = (
            Employee.objects.filter(nip=nip, unit__path__startswith=self.unit.path)
            .select_related("unit")
            .first()
        )
        if employee is None:
            raise forms.ValidationError(f"Pegawai dengan NIP {nip} tidak ada di unit ini.")
        return employee
