# Placeholder while this module is being written (replaced by the real one).
from django.http import Http404


def _missing(request, *a, **k):
    raise Http404


program_list = program_create = program_detail = program_edit = event_create = _missing
event_detail = event_edit = event_sessions = event_enrol = event_attendance = _missing
event_results = certificate_download = _missing
