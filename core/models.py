"""Abstract models every app may build on (core imports no app: docs/architecture.md)."""

from __future__ import annotations

from django.db import models

from .limits import SYSTEM_ERROR, max_length_check


class BackgroundJob(models.Model):
    """A request that a Celery task carries out: the printed peta jabatan, the yearly report
    bundle. `run` counts (re)starts: the task carries the run it was sent for, so a
    re-delivered or stale task never overwrites a newer result. `error` is what the person who
    asked is told when it fails. Subclasses add `state`, what is asked and what comes out."""

    run = models.PositiveIntegerField(default=1)
    error = models.TextField(blank=True, max_length=SYSTEM_ERROR)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        # "%(class)s" is the model's name in lower case: petajob_error_length, ...
        constraints = [max_length_check("%(class)s_error_length", "error", SYSTEM_ERROR)]
