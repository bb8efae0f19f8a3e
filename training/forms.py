from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from core.uploads import validate_certificate
from positions.forms import DATE, RegisterFilterForm, writable_units
from positions.models import Competency

from . import services
from .models import (
    JP_TARGET,
    Category,
    Participation,
    ProgramCompetency,
    Session,
    TrainingEvent,
    TrainingProgram,
)

if TYPE_CHECKING:
    from asnportal.models import User

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ProgramForm(forms.ModelForm):
    class Meta:
        model = TrainingProgram
        fields = [
            "code",
            "name",
            "category",
            "method",
            "jp",
            "provider",
            "description",
            "is_active",
        ]
        help_texts = {
            "jp": "Jam pelajaran; 1 JP = 45 menit.",
            "method": "Klasikal, atau salah satu bentuk non-klasikal (PerLAN 10/2018).",
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ProgramCompetencyForm(forms.ModelForm):
    class Meta:
        model = ProgramCompetency
        fields = ["competency", "target_level"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = Competency.objects.order_by("kind", "code")


ProgramCompetencyFormSet = forms.inlineformset_factory(
    TrainingProgram,
    ProgramCompetency,
    form=ProgramCompetencyForm,
    extra=2,
    can_delete=True,
)


class EventForm(forms.ModelForm):
    class Meta:
        model = TrainingEvent
        fields = [
            "program",
            "name",
            "start_date",
            "end_date",
            "place",
            "is_online",
            "organiser_unit",
            "quota",
        ]
        labels = {"name": "Angkatan", "is_online": "Daring (online)"}
        help_texts = {"name": "Misalnya “Angkatan I Tahun 2026”."}
        widgets = {"start_date": DATE, "end_date": DATE}

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser_unit"].queryset = writable_units(user).order_by("path")
        self.fields["organiser_unit"].error_messages["invalid_choice"] = (
            "Unit tidak dikenal atau di luar lingkup pengelolaan Anda."
        )
        programs = TrainingProgram.objects.filter(is_active=True)
        if self.instance.pk:  # an inactive program stays selectable on its own events
            programs = programs | TrainingProgram.objects.filter(pk=self.instance.program_id)
        self.fields["program"].queryset = programs.order_by("category", "name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
        if not data.get("is_online") and not (data.get("place") or "").strip():
            self.add_error("place", "Isi tempat pelaksanaan, atau centang daring.")
        quota = data.get("quota")
        if self.instance.pk and quota:
            enrolled = self.instance.participations.count()
            if quota < enrolled:
                self.add_error(
                    "quota", f"Kuota tidak boleh kurang dari peserta terdaftar ({enrolled})."
                )
        return data


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["date", "start_time", "end_time", "topic"]
        widgets = {"date": DATE, "start_time": TIME, "end_time": TIME}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "Jam selesai harus setelah jam mulai.")
        event = self.instance.event if self.instance.event_id else None
        day = data.get("date")
        if event and day and not (event.start_date <= day <= event.end_date):
            self.add_error(
                "date",
                f"Tanggal di luar masa pelaksanaan ({event.start_date:%d-%m-%Y} s.d. "
                f"{event.end_date:%d-%m-%Y}).",
            )
        return data


SessionFormSet = forms.inlineformset_factory(
    TrainingEvent, Session, form=SessionForm, extra=2, can_delete=True
)


class EnrolFilterForm(RegisterFilterForm):
    """The register filters plus “below 20 JP in the event's year”."""

    below_target = forms.BooleanField(required=False, label=f"Di bawah {JP_TARGET} JP")

    def __init__(self, data: Any, *, user: User) -> None:
        super().__init__(data, user=user)
        self.fields["below_target"].widget.attrs["class"] = "form-check-input"

    def filter_for_event(self, employees: Any, year: int) -> Any:
        employees = services.with_year_jp(self.filter(employees), year)
        if self.cleaned_data.get("below_target"):
            employees = employees.filter(year_jp__lt=JP_TARGET)
        return employees


class EnrolNipForm(forms.Form):
    nip = forms.CharField(label="NIP", max_length=18)

    def clean_nip(self) -> str:
        return self.cleaned_data["nip"].replace(" ", "").strip()


class ResultForm(forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["result", "certificate_number", "certificate"]
        widgets = {"certificate": forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"})}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = Participation.Result.choices
        # The pengelola's own row is read-only: someone else records their result
        # (training.services.record_results refuses a change to it).
        self.is_own = bool(user and self.instance.pk and self.instance.employee.user_id == user.pk)
        if self.is_own:
            for field in self.fields.values():
                field.disabled = True

    def clean_certificate(self) -> Any:
        upload = self.cleaned_data.get("certificate")
        # An unchanged field hands back the stored FieldFile; only new uploads are checked.
        if isinstance(upload, UploadedFile):
            validate_certificate(upload)
            return upload
        return None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("result") != Participation.Result.LULUS and (
            (data.get("certificate_number") or "").strip() or data.get("certificate")
        ):
            raise ValidationError("Sertifikat hanya dicatat untuk peserta yang lulus.")
        return data


ResultFormSet = forms.modelformset_factory(Participation, form=ResultForm, extra=0)


def category_choices() -> list[tuple[str, str]]:
    return [("", "Semua kategori"), *Category.choices]
