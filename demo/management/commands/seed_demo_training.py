"""`manage.py seed_demo_training` (run by seed_demo): the command lives in demo.training."""

from demo.training import Command

__all__ = ["Command"]
