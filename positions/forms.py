from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms

from .models import Education, Employee, OrgUnit, Placement, Position, scopes_for

if TYPE_CHECKING:
    from asnportal.models import User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def writable_units(user: User) -> Any:
    if user.is_superuser:
        return OrgUnit.objects.active()
    q = OrgUnit.objects.none()
    for path in scopes_for(user).write_paths:
        q = q | OrgUnit.objects.active().filter(path__startswith=path)
    return q


class EmployeeForm(forms.ModelForm):
    class Meta:
        model = Employee
        fields = [
            "nip",
            "kind",
            "gelar_depan",
            "name",
            "gelar_belakang",
            "gender",
            "birth_place",
            "birth_date",
            "golongan",
            "tmt_golongan",
            "unit",
            "status",
            "email",
        ]
        widgets = {"birth_date": DATE, "tmt_golongan": DATE}
        help_texts = {
            "nip": "18 digit tanpa spasi. PNS: tgl lahir + TMT CPNS + jenis kelamin + nomor urut.",
            "unit": "Unit kerja; berubah otomatis saat penempatan definitif.",
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = writable_units(user).order_by("path")
        self.fields["unit"].required = True
        self.fields["unit"].error_messages["invalid_choice"] = (
            "Unit tidak dikenal atau di luar lingkup Anda."
        )

    def clean_nip(self) -> str:
        return self.cleaned_data["nip"].replace(" ", "").strip()


class EducationForm(forms.ModelForm):
    class Meta:
        model = Education
        fields = ["level", "field", "institution", "graduation_year"]


class PlacementForm(forms.Form):
    position = forms.ModelChoiceField(
        queryset=Position.objects.none(),
        label="Jabatan",
        error_messages={"invalid_choice": "Jabatan tidak dikenal atau di luar lingkup Anda."},
    )
    kind = forms.ChoiceField(
        choices=Placement.Kind.choices, label="Jenis penempatan", initial=Placement.Kind.DEFINITIF
    )
    start_date = forms.DateField(label="TMT", widget=DATE)
    sk_number = forms.CharField(label="Nomor SK", max_length=100)
    sk_date = forms.DateField(label="Tanggal SK", widget=DATE)
    confirm_over_kebutuhan = forms.BooleanField(
        required=False, label="Saya sadar jabatan ini melebihi kebutuhan dan tetap menempatkan."
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = writable_units(user)
        self.fields["position"].queryset = (
            Position.objects.active().filter(unit__in=units).select_related("unit")
        )
        self.fields["position"].label_from_instance = lambda p: f"{p.title} — {p.unit.name}"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("sk_date") and data.get("start_date") and data["sk_date"].year < 1950:
            self.add_error("sk_date", "Tanggal SK tidak valid.")
        return data


class PlacementEndForm(forms.Form):
    end_date = forms.DateField(label="Tanggal berakhir", widget=DATE)
    reason = forms.ChoiceField(choices=Placement.EndReason.choices, label="Alasan")
