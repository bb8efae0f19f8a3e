"""Models of manajemen talenta (docs/domain.md §6)."""
