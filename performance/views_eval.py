# Placeholder while the evaluation pages are being written (replaced by the real module).
from django.http import Http404


def _missing(request, *a, **k):
    raise Http404


evaluation_detail = evidence_download = curve = monitoring = history_import = _missing
