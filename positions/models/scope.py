"""HR scopes and what a user may see (`Scopes`, `scopes_for`, `own_employee`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q

from .employee import Employee
from .org import OrgUnit
from .placement import Placement
from .reference import STRUCTURAL_JENIS, today

if TYPE_CHECKING:
    from asnportal.models import User


class HRScope(models.Model):
    """Grants a user a role over a unit subtree: pengelola (read/write) or pimpinan (read)."""

    class Role(models.TextChoices):
        PENGELOLA = "pengelola", "Pengelola kepegawaian"
        PIMPINAN = "pimpinan", "Pimpinan (baca saja)"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="hr_scopes", verbose_name="pengguna"
    )
    unit = models.ForeignKey(
        OrgUnit, models.CASCADE, related_name="hr_scopes", verbose_name="unit (beserta bawahannya)"
    )
    role = models.CharField("peran", max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = "lingkup kepegawaian"
        verbose_name_plural = "lingkup kepegawaian"
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="hrscope_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


# --- Scopes of a user ---------------------------------------------------------


@dataclass
class Scopes:
    """What a user may see, derived from data: HR scope records and the units they head. A
    superuser may write everywhere (`can_write_path`), without scope records."""

    write_paths: list[str] = field(default_factory=list)  # pengelola
    read_paths: list[str] = field(default_factory=list)  # pimpinan
    headed_paths: list[str] = field(default_factory=list)  # structural posts held today
    headed_position_ids: list[int] = field(default_factory=list)

    @property
    def all_paths(self) -> list[str]:
        return self.write_paths + self.read_paths + self.headed_paths

    def path_q(self, lookup: str) -> Q:
        """Q matching rows whose unit path lies in any scope; matches nothing when empty.

        Kept as a join on the unit with `LIKE 'prefix%'` (served by the `varchar_pattern_ops`
        index on the path). Measured on PostgreSQL (tests/perf/README.md, "Scoping queries"):
        `<fk>_id IN (SELECT id FROM orgunit WHERE path LIKE …)` scans a whole scope ~30%
        faster, but next to `user = …` in an OR PostgreSQL guesses it keeps half the rows, so a
        register filter on one perangkat daerah became a sequential scan (3× slower) and a
        one-row lookup seq-scanned the unit table (0.06 → 0.3 ms)."""
        q = Q(pk__in=[])
        for path in _outermost(self.all_paths):
            q |= Q(**{f"{lookup}__startswith": path})
        return q

    superuser: bool = False

    def can_write_path(self, path: str) -> bool:
        return self.superuser or any(path.startswith(p) for p in self.write_paths)

    @property
    def is_hr(self) -> bool:
        return bool(self.write_paths)

    @property
    def is_pimpinan(self) -> bool:
        return bool(self.read_paths)

    @property
    def is_manager(self) -> bool:
        return bool(self.headed_paths)


def _outermost(paths: list[str]) -> list[str]:
    """Drop paths nested in another: fewer OR branches, same rows."""
    result: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(path.startswith(p) for p in result):
            result.append(path)
    return result


def scopes_for(user: User) -> Scopes:
    """Scopes of a user, computed once per user object (two queries) and cached on it."""
    cached = getattr(user, "_asn_scopes", None)
    if cached is not None:
        return cached
    scopes = Scopes(superuser=bool(getattr(user, "is_superuser", False)))
    if user.is_authenticated:
        for path, role in HRScope.objects.filter(user=user).values_list("unit__path", "role"):
            if role == HRScope.Role.PENGELOLA:
                scopes.write_paths.append(path)
            else:
                scopes.read_paths.append(path)
        headed = (
            Placement.objects.on(today())
            .filter(employee__user=user, position__jenis__in=STRUCTURAL_JENIS)
            .values_list("position__unit__path", "position_id")
        )
        for path, position_id in headed:
            scopes.headed_paths.append(path)
            scopes.headed_position_ids.append(position_id)
    user._asn_scopes = scopes  # type: ignore[attr-defined]  # a cache on the user object
    return scopes


def own_employee(user: User) -> Employee | None:
    """The employee record of a logged-in user (with its unit), or None: looked up once per
    user object and cached on it, like `scopes_for`."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_asn_employee"):
        user._asn_employee = (  # type: ignore[attr-defined]  # a cache on the user object
            Employee.objects.filter(user=user).select_related("unit").first()
        )
    return user._asn_employee  # type: ignore[attr-defined]  # a cache on the user object
