"""Forms of the JPT selection pages (positions/selection.py does the checks that matter)."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from .forms import DATE
from .models import JptSelection, SelectionCommitteeMember, today


class SelectionOpenForm(forms.Form):
    method = forms.ChoiceField(
        label="Cara pengisian",
        choices=JptSelection.Method.choices,
        initial=JptSelection.Method.TERBUKA,
    )
    announcement_number = forms.CharField(
        label="Nomor pengumuman seleksi", max_length=100, required=False
    )
    opened_on = forms.DateField(label="Tanggal dibuka", widget=DATE, initial=today)

    def __init__(self, *args: Any, succession: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not succession:  # the instansi's rencana suksesi does not cover this post
            method = cast(forms.ChoiceField, self.fields["method"])
            method.choices = [JptSelection.Method.choices[0]]


class CommitteeMemberForm(forms.Form):
    name = forms.CharField(label="Nama", max_length=150)
    role = forms.ChoiceField(label="Kedudukan", choices=SelectionCommitteeMember.Role.choices)
    unsur = forms.ChoiceField(label="Unsur", choices=SelectionCommitteeMember.Unsur.choices)
    origin = forms.CharField(label="Jabatan/instansi asal", max_length=200, required=False)


class _CandidateChoiceForm(forms.Form):
    def _set_choices(self, name: str, candidates: list[Any]) -> None:
        field = cast(forms.ChoiceField, self.fields[name])
        field.choices = [("", "— pilih —")] + [
            (str(c.employee_id), f"{c.employee.full_name} ({c.employee.nip})") for c in candidates
        ]


class ProposeForm(_CandidateChoiceForm):
    first = forms.TypedChoiceField(label="Nama pertama", coerce=int)
    second = forms.TypedChoiceField(label="Nama kedua", coerce=int)
    third = forms.TypedChoiceField(label="Nama ketiga", coerce=int)
    report_number = forms.CharField(label="Nomor berita acara panitia", max_length=100)
    proposed_on = forms.DateField(label="Tanggal usulan kepada PPK", widget=DATE, initial=today)

    def __init__(self, *args: Any, candidates: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first", "second", "third"):
            self._set_choices(name, candidates)

    def employee_ids(self) -> list[int]:
        return [self.cleaned_data[name] for name in ("first", "second", "third")]


class DecideForm(_CandidateChoiceForm):
    chosen = forms.TypedChoiceField(label="Calon yang dipilih PPK", coerce=int)
    sk_number = forms.CharField(label="Nomor SK pengangkatan", max_length=100)
    sk_date = forms.DateField(label="Tanggal SK", widget=DATE)
    tmt = forms.DateField(label="TMT pelantikan", widget=DATE)

    def __init__(self, *args: Any, proposed: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._set_choices("chosen", proposed)


class CancelForm(forms.Form):
    cancel_reason = forms.CharField(label="Alasan pembatalan", max_length=300)
