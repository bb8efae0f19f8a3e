# Placeholder while candidate matching is being written (replaced by the real module).
from django.http import Http404


def position_candidates(request, *a, **k): raise Http404
