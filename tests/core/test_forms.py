"""core.forms: a service ValidationError shown one way, on the form or as messages."""

from __future__ import annotations

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from core.forms import add_service_errors, message_service_error


class _Form(forms.Form):
    end_date = forms.DateField(required=False)
    file = forms.FileField(required=False)


def _bound() -> _Form:
    form = _Form({})
    assert form.is_valid()
    return form


def test_a_dict_error_goes_under_its_fields_and_unknown_keys_above_the_form():
    form = _bound()
    exc = ValidationError({"end_date": "Tanggal berakhir sebelum TMT.", "position": "Penuh."})
    add_service_errors(form, exc)
    assert form.errors["end_date"] == ["Tanggal berakhir sebelum TMT."]
    assert form.non_field_errors() == ["Penuh."]


def test_a_plain_error_goes_above_the_form_or_under_the_named_field():
    form = _bound()
    add_service_errors(form, ValidationError(["Tahun sudah ditutup.", "Hubungi BKD."]))
    assert form.non_field_errors() == ["Tahun sudah ditutup.", "Hubungi BKD."]
    form = _bound()
    add_service_errors(form, ValidationError("Berkas rusak."), field="file")
    assert form.errors["file"] == ["Berkas rusak."]
    assert not form.non_field_errors()


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_message_service_error_gives_one_message_per_text_with_the_prefix():
    request = _request()
    exc = ValidationError({"nip": ["NIP sudah terdaftar."], "unit": ["Unit ditutup."]})
    message_service_error(request, exc, prefix="Perawat Satu: ")
    texts = sorted(str(m) for m in get_messages(request))
    assert texts == ["Perawat Satu: NIP sudah terdaftar.", "Perawat Satu: Unit ditutup."]
    assert all(m.level_tag == "error" for m in get_messages(request))
