# Placeholder while the SKP pages are being written (replaced by the real module).
from django.http import Http404


def _missing(request, *a, **k):
    raise Http404


skp_list = skp_create = skp_detail = rhk_create = rhk_edit = rhk_delete = _missing
indicator_create = indicator_edit = indicator_delete = skp_expectations = _missing
skp_submit = skp_return = skp_approve = skp_revise = approval_inbox = role_matrix = _missing
