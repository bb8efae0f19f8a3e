# Placeholder while this module is being written (replaced by the real one).
from django.http import Http404


def _missing(request, *a, **k):
    raise Http404


selfreport_list = selfreport_create = verification_list = verification_decide = ledger = _missing
compliance = compliance_xlsx = leadership_compliance = employee_summary = _missing
