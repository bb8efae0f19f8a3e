import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")
application = get_wsgi_application()

# A page that loads a thousand rows (peta jabatan: 1,173 posts of a province dinas) allocates
# enough objects to run Python's cyclic garbage collector many times per request, each pass
# walking everything Django imported. The objects of start-up are frozen out of those passes,
# and a collection starts after 50,000 new objects instead of 700: 3-6 ms less per peta page
# (tests/perf/README.md, "Garbage collection"). Cycles are still collected, only less often.
gc.freeze()
gc.set_threshold(50_000, 20, 20)
