# Placeholder while peta jabatan is being written (replaced by the real module).
from django.http import Http404


def peta_jabatan(request, *a, **k): raise Http404
def peta_jabatan_xlsx(request, *a, **k): raise Http404
def peta_jabatan_pdf(request, *a, **k): raise Http404
def mismatch_report(request, *a, **k): raise Http404
