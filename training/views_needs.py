# Placeholder while this module is being written (replaced by the real one).
from django.http import Http404


def _missing(request, *a, **k):
    raise Http404


assessment_create = assessment_import = needs = employee_needs = plan_create = _missing
plan_detail = plan_export = _missing
