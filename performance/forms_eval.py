"""Forms of the evaluation, curve and history-import pages. Indicator forms are built per
SKP: one set of fields per indicator, named `<kind>-<indicator id>`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from core.limits import BoundedTextarea
from core.uploads import ALLOWED_EXTENSIONS, validate_evidence

from .models import (
    BERAKHLAK_CHOICES,
    BehaviourFeedback,
    Evaluation,
    Indicator,
    OrganisationPredikat,
    Rating,
    Realisation,
)

_INPUT = {"class": "form-control form-control-sm"}


def _limit(model: Any, name: str) -> int:
    """The model field's length limit, so form and database refuse the same text."""
    return model._meta.get_field(name).max_length


def _row_text(label: str, model: Any, name: str, current: Any) -> forms.CharField:
    """An optional short text of one row (a two-line box), as long as the model field allows,
    filled from that field of the row's saved record `current` (None: empty)."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=_limit(model, name),
        initial=getattr(current, name) if current else "",
        widget=BoundedTextarea(attrs={**_INPUT, "rows": 2}),
    )


_SELECT = {"class": "form-select"}
_RATING_CHOICES = [("", "— belum dinilai —"), *Rating.choices]


class RealisationForm(forms.Form):
    """The pegawai's realisasi and bukti dukung (file or link) per indicator."""

    action = forms.CharField(widget=forms.HiddenInput, initial="realisasi")

    def __init__(
        self, *args: Any, indicators: Iterable[Indicator], initial_rows: dict[int, Any], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.indicators = list(indicators)
        accept = ",".join(f".{e}" for e in ALLOWED_EXTENSIONS)
        for ind in self.indicators:
            current = initial_rows.get(ind.pk)
            if ind.target_value is not None:
                self.fields[f"value-{ind.pk}"] = forms.DecimalField(
                    label="Realisasi",
                    required=False,
                    max_digits=14,
                    decimal_places=2,
                    min_value=0,
                    initial=current.value if current else None,
                    widget=forms.NumberInput(attrs={**_INPUT, "step": "any"}),
                )
            self.fields[f"text-{ind.pk}"] = _row_text(
                "Uraian realisasi", Realisation, "text", current
            )
            self.fields[f"link-{ind.pk}"] = forms.URLField(
                label="Tautan bukti dukung",
                required=False,
                assume_scheme="https",
                initial=current.evidence_link if current else "",
                widget=forms.URLInput(attrs={**_INPUT, "placeholder": "https://…"}),
            )
            self.fields[f"file-{ind.pk}"] = forms.FileField(
                label="Berkas bukti dukung",
                required=False,
                validators=[validate_evidence],
                widget=forms.ClearableFileInput(attrs={**_INPUT, "accept": accept}),
            )

    def entries(self) -> dict[int, dict[str, Any]]:
        data = self.cleaned_data
        return {
            ind.pk: {
                "value": data.get(f"value-{ind.pk}"),
                "text": data.get(f"text-{ind.pk}", ""),
                "evidence_link": data.get(f"link-{ind.pk}", ""),
                "evidence": data.get(f"file-{ind.pk}"),
            }
            for ind in self.indicators
        }


class FeedbackForm(forms.Form):
    """The penilai's umpan balik per indicator and per BerAKHLAK value, and the ratings."""

    action = forms.CharField(widget=forms.HiddenInput, initial="nilai")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    umpan_balik = forms.CharField(
        label="Umpan balik umum",
        required=False,
        max_length=_limit(Evaluation, "umpan_balik"),
        widget=BoundedTextarea(attrs={"class": "form-control", "rows": 3}),
    )
    rating_hasil = forms.ChoiceField(
        label="Rating hasil kerja",
        choices=_RATING_CHOICES,
        required=False,
        widget=forms.Select(attrs=_SELECT),
    )
    rating_perilaku = forms.ChoiceField(
        label="Rating perilaku kerja",
        choices=_RATING_CHOICES,
        required=False,
        widget=forms.Select(attrs=_SELECT),
    )

    def __init__(
        self,
        *args: Any,
        indicators: Iterable[Indicator],
        initial_rows: dict[int, Any],
        initial_behaviour: dict[str, Any],
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        self.indicators = list(indicators)
        for ind in self.indicators:
            current = initial_rows.get(ind.pk)
            self.fields[f"ub-{ind.pk}"] = _row_text(
                "Umpan balik", Realisation, "umpan_balik", current
            )
        for value, label in BERAKHLAK_CHOICES:
            current = initial_behaviour.get(value)
            self.fields[f"perilaku-{value}"] = _row_text(
                f"Umpan balik {label}", BehaviourFeedback, "umpan_balik", current
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("rating_hasil")) != bool(data.get("rating_perilaku")):
            raise forms.ValidationError(
                "Isi kedua rating (hasil kerja dan perilaku kerja) atau kosongkan keduanya."
            )
        return data

    def service_kwargs(self, *, finalise: bool) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "version": data["version"],
            "indicator_feedback": {ind.pk: data[f"ub-{ind.pk}"] for ind in self.indicators},
            "behaviour_feedback": {v: data[f"perilaku-{v}"] for v, _ in BERAKHLAK_CHOICES},
            "umpan_balik": data["umpan_balik"],
            "rating_hasil": data["rating_hasil"],
            "rating_perilaku": data["rating_perilaku"],
            "finalise": finalise,
        }


class FinaliseForm(forms.Form):
    """The confirmation of "Finalkan". The reason is asked for (and required) only when
    realisasi is missing; services.rate_evaluation enforces the same rule."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    finalise_note = forms.CharField(
        label="Alasan finalisasi tanpa realisasi lengkap",
        max_length=1000,
        error_messages={
            "required": "Tuliskan alasan memfinalkan evaluasi meskipun realisasi belum lengkap."
        },
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3, "maxlength": 1000}),
        help_text="Dicetak pada dokumen evaluasi sebagai “Catatan finalisasi”. "
        "Paling banyak 1000 karakter.",
    )

    def __init__(self, *args: Any, reason_needed: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not reason_needed:
            del self.fields["finalise_note"]


class OrgPredikatForm(forms.Form):
    predikat = forms.ChoiceField(
        label="Predikat kinerja organisasi",
        choices=OrganisationPredikat.choices,
        widget=forms.Select(attrs=_SELECT),
    )


class HistoryUploadForm(forms.Form):
    file = forms.FileField(
        label="Berkas Excel (.xlsx)",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("Unggah berkas Excel berformat .xlsx.")
        return upload
