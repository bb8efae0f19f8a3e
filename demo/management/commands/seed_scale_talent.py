"""`manage.py seed_scale_talent` (run by seed_demo --scale lampung): the same talent data as
the demo (demo.talent) for every scale instansi."""

from demo.talent import Command

__all__ = ["Command"]
