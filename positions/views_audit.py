"""Jejak audit page: HR (and pimpinan, read-only by nature) see who changed what and when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from asnportal.http import AuthedRequest

from . import audit

if TYPE_CHECKING:
    from django.http import HttpResponse

PAGE_SIZE = 25


class AuditFilterForm(forms.Form):
    # Lives next to its only view; it only parses the query string into an AuditFilter.
    jenis = forms.ChoiceField(
        choices=[("", "Semua jenis"), *audit.SOURCE_CHOICES],
        required=False,
        label="Jenis objek",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    pengguna = forms.CharField(
        required=False,
        max_length=150,
        label="Pengguna",
        widget=forms.TextInput(attrs={"class": "form-control", "placeholder": "nama pengguna"}),
    )
    dari = forms.DateField(
        required=False,
        label="Dari tanggal",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )
    sampai = forms.DateField(
        required=False,
        label="Sampai tanggal",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )
    q = forms.CharField(
        required=False,
        max_length=150,
        label="Cari NIP atau nama pegawai",
        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}),
    )

    def to_filter(self) -> audit.AuditFilter:
        """Valid fields filter; an invalid one (a bad date) is ignored and shown as an error."""
        data = self.cleaned_data if self.is_valid() else getattr(self, "cleaned_data", {})
        return audit.AuditFilter(
            kind=data.get("jenis") or "",
            user=data.get("pengguna") or "",
            date_from=data.get("dari"),
            date_to=data.get("sampai"),
            query=data.get("q") or "",
        )


@require_GET
def audit_list(request: AuthedRequest) -> HttpResponse:
    if not audit.can_read_audit(request.user):
        raise PermissionDenied
    filters = AuditFilterForm(request.GET)
    entries = audit.audit_entries(request.user, filters.to_filter())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = audit.build_rows(list(page.object_list))
    return render(
        request, "positions/audit_list.html", {"filters": filters, "page": page, "rows": rows}
    )
