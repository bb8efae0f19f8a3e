import os

import redis as redis_lib
from celery import Celery
from kombu.transport import redis as kombu_redis

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asnportal.settings")

app = Celery("asnportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="asnportal.ping")
def ping() -> str:
    """Round-trip check used by the tests and /healthz-style probes of a real worker."""
    return "pong"


# --- the Redis broker transport --------------------------------------------------------------
# kombu 5.7's Redis channel, closed after a *second* lost connection with tasks still
# unacknowledged, tries to restore them through a transport that has already been released
# and raises AttributeError ("'NoneType' object has no attribute 'hostname'"), which Celery
# treats as unrecoverable: the worker dies on the second Redis restart (upstream reports:
# celery/kombu#582, #970). Raising the connection error the close expects instead lets the
# worker reconnect; those tasks come back to the queue after the visibility timeout, as for
# a killed worker, and the report tasks are idempotent.
class _RedisChannel(kombu_redis.Channel):
    def _connparams(self, asynchronous: bool = False) -> dict:
        if self.connection.client is None:
            raise redis_lib.exceptions.ConnectionError("broker connection already released")
        # kombu's Channel._connparams has no annotations.
        return super()._connparams(asynchronous=asynchronous)  # type: ignore[no-untyped-call]


class RedisTransport(kombu_redis.Transport):
    Channel = _RedisChannel
