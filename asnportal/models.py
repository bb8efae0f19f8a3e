from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """Login account. What a user may do comes from the data (Employee.user, placements,
    HR scope records), not from flags here; `is_superuser` is for operators only."""

    class Meta(AbstractUser.Meta):
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        swappable = "AUTH_USER_MODEL"
