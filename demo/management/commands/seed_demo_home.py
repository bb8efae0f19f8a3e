"""`manage.py seed_demo_home` (run by seed_demo): the command lives in demo.home."""

from demo.home import Command

__all__ = ["Command"]
