from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import F
from django.urls import reverse_lazy

from core.params import FIRST_YEAR, parse_id, parse_year, this_year
from core.widgets import AutocompleteSelect

from .models import (
    STRUCTURAL_JENIS,
    Education,
    EducationField,
    EducationLevel,
    Employee,
    FunctionalBup,
    Golongan,
    OrgUnit,
    Placement,
    Position,
    PositionCompetency,
    WorkloadTask,
    scopes_for,
    today,
)
from .selectors import indented_choices, picker_units, unit_choices

if TYPE_CHECKING:
    from asnportal.models import User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def placeable_positions(user: User) -> Any:
    """Active posts in the user's pengelola scope, with `opd_name` for their labels."""
    return (
        Position.objects.active()
        .filter(unit__in=writable_units(user))
        .select_related("unit")
        .with_opd()
    )


def position_label(position: Position) -> str:
    """ "Analis Kebijakan Ahli Muda — Subbagian Umum · Dinas Kesehatan": the unit and its
    perangkat daerah tell apart posts that share a name."""
    opd = getattr(position, "opd_name", "") or ""
    unit = position.unit.name
    where = unit if not opd or opd == unit else f"{unit} · {opd}"
    return f"{position.title} — {where}"


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
            "contract_end",
            "email",
        ]
        widgets = {"birth_date": DATE, "tmt_golongan": DATE, "contract_end": DATE}
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

    def clean(self) -> dict[str, Any]:
        # The employee is set on the instance by the view, so the model's unique check
        # (employee, level, field) is skipped by ModelForm: check it here for a clear message.
        data = super().clean() or {}
        employee_id = self.instance.employee_id
        if employee_id and data.get("level"):
            duplicate = Education.objects.filter(
                employee_id=employee_id, level=data["level"], field=data.get("field")
            ).exclude(pk=self.instance.pk)
            if duplicate.exists():
                raise forms.ValidationError(
                    "Pendidikan dengan jenjang dan bidang ini sudah tercatat untuk pegawai ini."
                )
        return data


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
    confirm_sk_date = forms.BooleanField(
        required=False,
        label="Saya sudah memeriksa tanggal surat keputusan yang tidak lazim ini; tetap simpan.",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = placeable_positions(user).order_by("unit__path", "name")
        self.fields["position"].label_from_instance = position_label
        self.fields["position"].widget = AutocompleteSelect(
            reverse_lazy("positions:position_choices"),
            placeholder="Cari nama jabatan, unit, atau perangkat daerah",
        )
        self.fields["position"].widget.choices = self.fields["position"].choices

    def hide_unasked_confirmations(self, *, over_kebutuhan: bool) -> None:
        """The two "saya sadar …" boxes show once they apply (they stood on an empty form,
        before anything was unusual): over kebutuhan when the service asked, the SK date when
        clean() asked; a box already ticked stays, hidden, so going back loses nothing."""
        asked = {"confirm_over_kebutuhan": over_kebutuhan, "confirm_sk_date": False}
        for name, service_asked in asked.items():
            if not (service_asked or name in self.errors):
                self.fields[name].widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sk_date, start_date = data.get("sk_date"), data.get("start_date")
        if sk_date and start_date and sk_date.year < 1950:
            self.add_error("sk_date", "Tanggal SK tidak valid.")
        elif sk_date and start_date and not data.get("confirm_sk_date"):
            # An SK is normally signed before its TMT, and never in the future: a typo in the
            # year is the usual cause, so ask before storing it.
            if sk_date > today():
                self.add_error(
                    "confirm_sk_date",
                    f"Tanggal SK ({sk_date:%d-%m-%Y}) lebih lambat dari hari ini. Periksa "
                    "tahunnya, atau centang konfirmasi bila memang benar.",
                )
            elif sk_date > start_date:
                self.add_error(
                    "confirm_sk_date",
                    f"Tanggal SK ({sk_date:%d-%m-%Y}) lebih lambat dari TMT "
                    f"({start_date:%d-%m-%Y}). Centang konfirmasi bila SK memang berlaku surut.",
                )
        data.pop("confirm_sk_date", None)
        return data


class PlacementEndForm(forms.Form):
    end_date = forms.DateField(label="Tanggal berakhir", widget=DATE)
    reason = forms.ChoiceField(choices=Placement.EndReason.choices, label="Alasan")


class UnitYearFilterForm(forms.Form):
    """The GET filter `?unit=&tahun=` of the pages that show one unit (with its subtree) for
    one year: kurva distribusi, pantauan kinerja, kepatuhan JP, kepatuhan pelatihan
    kepemimpinan (unit only), analisis kebutuhan and the mismatch report.

    It reads the raw parameters and resolves them, the one way for all these pages:

    - `units`: the picker's units (`selectors.picker_units`, one query, the chosen one
      included): empty when the user may see no unit;
    - `unit`: the chosen unit when `?unit=` names one of them; with `?unit=` empty, the first
      (outermost) unit, or None when the picker offers `all_label` ("Seluruh lingkup saya");
    - `unit_unknown`: `?unit=` was given but names no unit of the picker (letters, an id
      outside the scope, a closed unit): each page decides (404, or a message);
    - `year`: `core.params.parse_year` with the page's bounds and default.

    Rendered unbound, with the resolved values selected."""

    unit = forms.TypedChoiceField(coerce=int, required=False, label="Unit (beserta bawahannya)")
    tahun = forms.TypedChoiceField(coerce=int, required=False, label="Tahun")

    def __init__(
        self,
        data: Any,
        *,
        user: User,
        unit_label: str = "",
        all_label: str = "",
        with_year: bool = True,
        years: Any = None,
        year_label: str = "",
        year_default: int | None = None,
        first: int = FIRST_YEAR,
        last: int | None = None,
    ) -> None:
        super().__init__(auto_id="f-%s")
        raw_unit = str(data.get("unit") or "").strip()
        self.units = picker_units(user, selected=raw_unit)
        unit_id = parse_id(raw_unit)
        self.unit: OrgUnit | None = None
        if raw_unit:
            self.unit = next((u for u in self.units if u.pk == unit_id), None)
        elif not all_label and self.units:
            self.unit = self.units[0]
        self.unit_unknown = bool(raw_unit) and self.unit is None
        choices = indented_choices(self.units)
        self.fields["unit"].choices = [("", all_label), *choices] if all_label else choices
        if unit_label:
            self.fields["unit"].label = unit_label
        self.with_year = with_year
        self.year: int | None = None
        if with_year:
            self.year = parse_year(data.get("tahun"), default=year_default, first=first, last=last)
            if years is None:  # any year in the bounds: a number, not a long <select>
                self.fields["tahun"] = forms.IntegerField(
                    required=False, min_value=first, max_value=last or this_year() + 1
                )
            else:
                self.fields["tahun"].choices = [(y, str(y)) for y in years]
            self.fields["tahun"].label = year_label or "Tahun"
        else:
            del self.fields["tahun"]
        self.initial = {"unit": self.unit.pk if self.unit else "", "tahun": self.year}
        for field in self.fields.values():
            number = isinstance(field.widget, forms.NumberInput)
            field.widget.attrs["class"] = "form-control" if number else "form-select"


class RegisterFilterForm(forms.Form):
    """Filters of the employee register, shared by the list page and its Excel export."""

    SORTS = {
        "name": ("name", "Nama"),
        "nip": ("nip", "NIP"),
        "golongan": ("-golongan", "Golongan (tertinggi)"),
        "lahir": ("birth_date", "Usia (tertua)"),
    }
    q = forms.CharField(required=False, max_length=150, label="Cari nama atau NIP")
    unit = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label="Unit (beserta bawahannya)"
    )
    jenis = forms.ChoiceField(
        choices=[("", "Semua jenis jabatan"), *Position.Jenis.choices],
        required=False,
        label="Jenis jabatan",
    )
    golongan = forms.ChoiceField(
        choices=[("", "Semua golongan"), *Golongan.choices], required=False, label="Golongan"
    )
    education_level = forms.ChoiceField(
        choices=[("", "Semua pendidikan"), *EducationLevel.choices],
        required=False,
        label="Tingkat pendidikan",
    )
    education_field = forms.ModelChoiceField(
        queryset=EducationField.objects.all(),
        required=False,
        label="Bidang pendidikan",
        empty_label="Semua bidang",
    )
    kind = forms.ChoiceField(
        choices=[("", "PNS & PPPK"), *Employee.Kind.choices],
        required=False,
        label="Status kepegawaian",
    )
    status = forms.ChoiceField(
        choices=[("semua", "Semua status"), *Employee.Status.choices],
        required=False,
        label="Status",
    )
    urut = forms.ChoiceField(
        choices=[(k, v[1]) for k, v in SORTS.items()], required=False, label="Urutkan"
    )

    def __init__(self, data: Any, *, user: User) -> None:
        data = data.copy()
        data.setdefault("status", Employee.Status.AKTIF)
        super().__init__(data)
        visible = OrgUnit.objects.visible_to(user).active()
        self.fields["unit"].queryset = visible  # validates any visible unit (a seksi, too)
        # A callable: evaluated when the select is rendered (the Excel export never is), and
        # once, although the widget iterates the choices twice.
        self.fields["unit"].choices = functools.cache(
            lambda: [("", "Semua unit"), *unit_choices(user, selected=data.get("unit"))]
        )
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "q" else "form-select"
        self.fields["q"].widget.input_type = "search"  # not an attrs "type": rendered twice
        self.fields["q"].widget.attrs.update(placeholder="Nama atau NIP")

    def filter(self, employees: Any) -> Any:
        """Apply the valid filters to a queryset; invalid values are ignored, not fatal."""
        self.is_valid()
        data = self.cleaned_data
        employees = employees.search(data.get("q") or "")
        if data.get("unit"):
            employees = employees.in_subtree(data["unit"])
        if data.get("jenis"):
            employees = employees.filter(
                pk__in=Placement.objects.open()
                .filter(kind=Placement.Kind.DEFINITIF, position__jenis=data["jenis"])
                .values("employee_id")
            )
        if data.get("golongan"):
            employees = employees.filter(golongan=data["golongan"])
        if data.get("education_level") or data.get("education_field"):
            educations = Education.objects.all()
            if data.get("education_level"):
                educations = educations.filter(level=data["education_level"])
            if data.get("education_field"):
                educations = educations.filter(field=data["education_field"])
            employees = employees.filter(pk__in=educations.values("employee_id"))
        if data.get("kind"):
            employees = employees.filter(kind=data["kind"])
        if data.get("status") in Employee.Status.values:
            employees = employees.filter(status=data["status"])
        order: Any = self.SORTS.get(data.get("urut") or "name", self.SORTS["name"])[0]
        if data.get("q") and order in ("name", "nip"):
            # Same order (the column is NOT NULL), but not the index's: with LIMIT, PostgreSQL
            # would otherwise walk the whole name index looking for matches in a small scope
            # (0.5 s for a penilai); this way it sorts the few matches the trigram index finds.
            order = F(order).asc(nulls_first=True)
        return employees.order_by(order, "pk")


UNIT_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class UnitForm(forms.ModelForm):
    class Meta:
        model = OrgUnit
        fields = ["code", "name", "kind"]
        help_texts = {
            "code": "Kode unik, mis. 18.DINKES.B2: huruf, angka, titik, garis bawah atau tanda "
            "hubung (tidak boleh sama dengan unit lain)."
        }

    def clean_code(self) -> str:
        """A code names the unit in file names and in the TTE certificate file, where 18
        digits name a pejabat penilai (performance.signing.NIP_KEY)."""
        code: str = self.cleaned_data["code"].strip()
        if not UNIT_CODE.fullmatch(code):
            raise forms.ValidationError(
                "Kode unit hanya boleh berisi huruf, angka, titik, garis bawah dan tanda "
                "hubung, tanpa spasi, dan diawali huruf atau angka."
            )
        if len(code) == 18 and code.isdigit():
            raise forms.ValidationError("Kode unit tidak boleh 18 angka: bentuk itu dipakai NIP.")
        return code


class UnitCreateForm(UnitForm):
    parent = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(),
        label="Unit induk",
        error_messages={"invalid_choice": "Unit induk tidak dikenal atau di luar lingkup Anda."},
    )

    class Meta(UnitForm.Meta):
        fields = ["parent", "code", "name", "kind"]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = writable_units(user).order_by("path")


class UnitMoveForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(),
        label="Pindahkan ke bawah unit",
        error_messages={"invalid_choice": "Unit tujuan tidak dikenal atau di luar lingkup Anda."},
    )

    def __init__(self, *args: Any, unit: OrgUnit, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Not into itself or its own subtree.
        self.fields["target"].queryset = (
            writable_units(user).exclude(path__startswith=unit.path).order_by("path")
        )


class UnitCloseForm(forms.Form):
    closed_at = forms.DateField(label="Tanggal penutupan", widget=DATE)


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = [
            "unit",
            "code",
            "name",
            "jenis",
            "jenjang",
            "kelas",
            "parent",
            "kebutuhan",
            "ikhtisar",
            "uraian_tugas",
            "min_education_level",
            "accepted_fields",
            "min_golongan",
            "is_active",
        ]
        widgets = {
            "ikhtisar": forms.Textarea(attrs={"rows": 3}),
            "uraian_tugas": forms.Textarea(attrs={"rows": 5}),
            "accepted_fields": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "kebutuhan": "Untuk jabatan fungsional/pelaksana diisi dari ABK; struktural selalu 1.",
            "jenjang": "Hanya untuk jabatan fungsional.",
            "accepted_fields": "Kosongkan bila semua bidang pendidikan dapat diterima.",
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = writable_units(user)
        self.fields["unit"].queryset = units.order_by("path")
        self.fields["unit"].error_messages["invalid_choice"] = (
            "Unit tidak dikenal atau di luar lingkup Anda."
        )
        parents = placeable_positions(user).order_by("unit__path", "name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].label_from_instance = position_label
        self.fields["parent"].widget = AutocompleteSelect(
            reverse_lazy("positions:position_choices"),
            placeholder="Cari jabatan atasan: nama, unit, atau perangkat daerah",
        )
        self.fields["parent"].widget.choices = self.fields["parent"].choices
        self.fields["accepted_fields"].queryset = EducationField.objects.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("jenis") in STRUCTURAL_JENIS:
            data["kebutuhan"] = 1
        parent = data.get("parent")
        # Refuse a cycle in the position tree (the parent chain may not reach this post).
        seen = {self.instance.pk} if self.instance.pk else set()
        while parent is not None:
            if parent.pk in seen:
                self.add_error("parent", "Jabatan atasan membentuk lingkaran dengan jabatan ini.")
                break
            seen.add(parent.pk)
            parent = parent.parent
        return data


PositionCompetencyFormSet = forms.inlineformset_factory(
    Position,
    PositionCompetency,
    fields=["competency", "level"],
    extra=3,
    can_delete=True,
)


class WorkloadTaskForm(forms.ModelForm):
    class Meta:
        model = WorkloadTask
        fields = ["description", "satuan_hasil", "volume", "norma_waktu"]
        small = "form-control form-control-sm"
        widgets = {
            "description": forms.TextInput(attrs={"class": small}),
            "satuan_hasil": forms.TextInput(attrs={"class": small}),
            "volume": forms.NumberInput(attrs={"step": "any", "min": 0, "class": small}),
            "norma_waktu": forms.NumberInput(attrs={"step": "any", "min": 0, "class": small}),
        }


WorkloadTaskFormSet = forms.inlineformset_factory(
    Position, WorkloadTask, form=WorkloadTaskForm, extra=3, can_delete=True
)


class FunctionalBupForm(forms.ModelForm):
    class Meta:
        model = FunctionalBup
        fields = ["name", "jenjang", "bup_age", "legal_basis"]
        help_texts = {
            "legal_basis": "Peraturan dan pasal, mis. UU 14/2005 Pasal 30 ayat (4).",
        }

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())
