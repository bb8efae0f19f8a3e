"""`manage.py seed_demo_talent` (run by seed_demo): the command lives in demo.talent."""

from demo.talent import Command

__all__ = ["Command"]
