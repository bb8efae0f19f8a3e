# Placeholder while the import feature is being written (replaced by the real module).
from django.http import Http404


def employee_export(request, *a, **k): raise Http404
def import_upload(request, *a, **k): raise Http404
def import_template(request, *a, **k): raise Http404
def import_preview(request, *a, **k): raise Http404
def import_commit(request, *a, **k): raise Http404
