"""Settings of the web server and the worker that the PostgreSQL-outage test runs against its
private cluster: the production settings (DEBUG off, real sessions, persistent connections
with health checks, the 503 middleware), with two test conveniences only."""

from asnportal.settings import *  # noqa: F403

# Static files from the finders: no collectstatic (and its manifest) for a throwaway server.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True


class _NoMigrations(dict):
    """`migrate --run-syncdb` creates the tables straight from the models: 8 s instead of the
    30 s the migration history takes, which the 90 s budget of the test cannot afford."""

    def __contains__(self, item: object) -> bool:
        return True

    def __getitem__(self, item: str) -> None:
        return None


MIGRATION_MODULES = _NoMigrations()
