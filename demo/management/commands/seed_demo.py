"""`manage.py seed_demo [--scale lampung]`: the command lives in demo.org."""

from demo.org import Command

__all__ = ["Command"]
