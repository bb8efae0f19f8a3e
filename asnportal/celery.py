import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")

app = Celery("asnportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="asnportal.ping")
def ping() -> str:
    """Round-trip check used by the tests and /healthz-style probes of a real worker."""
    return "pong"
