"""core.forms.done_through: an action button's service call ends in one success message or
in the service's errors as messages."""

from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from core.forms import done_through


def test_done_through_gives_the_success_message_or_the_service_errors():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    assert done_through(request, lambda: None, success="Anggota panitia dihapus.")

    def refuse() -> None:
        raise ValidationError(["Seleksi sudah ditutup.", "Hubungi BKD."])

    assert not done_through(request, refuse, success="Tidak tampil.")
    shown = [(m.level_tag, str(m)) for m in get_messages(request)]
    assert shown == [
        ("success", "Anggota panitia dihapus."),
        ("error", "Seleksi sudah ditutup."),
        ("error", "Hubungi BKD."),
    ]
