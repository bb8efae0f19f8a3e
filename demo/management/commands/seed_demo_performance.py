"""`manage.py seed_demo_performance` (run by seed_demo): the command lives in demo.performance."""

from demo.performance import Command

__all__ = ["Command"]
