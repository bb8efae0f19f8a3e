"""The report-worker fixtures (a job of rated employees, the media directory the worker
shares), defined in report_worker_helpers.py so tests/outages can use them too."""

from tests.asnportal.report_worker_helpers import (  # noqa: F401  (fixtures)
    shared_media,
    unit_job,
)
