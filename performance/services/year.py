"""The year of a unit: predikat kinerja organisasi, the distribution curve, closing the year and
reminding who has not submitted an SKP."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import figures
from positions.models import Employee, OrgUnit

from ..models import (
    SKP,
    CurveRule,
    OrganisationPerformance,
)
from .skp import absolute_url

if TYPE_CHECKING:
    from asnportal.models import User


def _require_unit_writer(user: User, unit: OrgUnit) -> None:
    from positions.access import can_write_path

    if not can_write_path(user, unit.path):
        raise PermissionDenied


@transaction.atomic
def set_org_predikat(
    unit: OrgUnit, *, year: int, predikat: str, user: User
) -> OrganisationPerformance:
    """HR (pengelola of the unit) sets the predikat kinerja organisasi for a year, unless the
    year is closed for the unit or for a unit above it (close_year closes a subtree)."""
    _require_unit_writer(user, unit)
    closed = (
        OrganisationPerformance.objects.select_for_update()
        .filter(year=year, unit__path__in=OrgUnit.lineage_paths(unit.path))
        .exclude(closed_at=None)
        .select_related("unit")
        .first()
    )
    if closed is not None:
        raise ValidationError(f"Tahun {year} untuk {closed.unit.name} sudah ditutup.")
    org, _ = OrganisationPerformance.objects.update_or_create(
        unit=unit, year=year, defaults={"predikat": predikat, "set_by": user}
    )
    figures.invalidate()  # the dashboards' curve verdicts read the organisation's predikat
    return org


@transaction.atomic
def close_year(unit: OrgUnit, *, year: int, user: User) -> OrganisationPerformance:
    """Close the year for a unit subtree: annual predikat are locked afterwards."""
    _require_unit_writer(user, unit)
    org = OrganisationPerformance.objects.select_for_update().filter(unit=unit, year=year).first()
    if org is None:
        raise ValidationError(
            "Tetapkan predikat kinerja organisasi terlebih dahulu sebelum menutup tahun."
        )
    if org.closed_at:
        raise ValidationError(f"Tahun {year} untuk {unit.name} sudah ditutup.")
    org.closed_at = timezone.now()
    org.save(update_fields=["closed_at"])
    figures.invalidate()
    return org


def annual_distribution(unit: OrgUnit, year: int) -> Counter[str]:
    """Annual predikat per person in the unit subtree (a moved employee counts once: the
    SKP covering most of the year decides, see performance.annual)."""
    from ..annual import annual_distribution as per_person  # annual imports this package

    return per_person(unit, year)


def curve_violations(org_predikat: str, counts: dict[str, int]) -> list[str]:
    rules = CurveRule.objects.filter(org_predikat=org_predikat)
    return [v for rule in rules if (v := rule.violation(counts))]


def employees_to_remind(unit: OrgUnit, year: int) -> Any:
    """Active employees of the subtree without a current SKP for the year or with a draft."""
    started = (
        SKP.objects.current()
        .filter(year=year)
        .exclude(status__in=[SKP.Status.DRAFT, SKP.Status.DIKEMBALIKAN])
        .values("employee_id")
    )
    return (
        Employee.objects.filter(unit__path__startswith=unit.path, status=Employee.Status.AKTIF)
        .exclude(pk__in=started)
        .order_by("name")
    )


@transaction.atomic
def send_skp_reminders(unit: OrgUnit, *, year: int, user: User) -> int:
    """Email every employee of the subtree who has no SKP yet or only a draft; returns how
    many were reminded (those with an email address)."""
    _require_unit_writer(user, unit)
    recipients = list(employees_to_remind(unit, year).exclude(email="").values("name", "email"))
    subject = f"Pengingat: SKP {year} Anda belum diajukan"
    url = absolute_url(reverse("performance:skp_create"))

    def send() -> None:
        for person in recipients:
            body = (
                f"Yth. {person['name']},\n\nSKP tahun {year} Anda belum dibuat atau masih "
                f"berupa draf. Lengkapi dan ajukan kepada pejabat penilai melalui:\n{url}\n"
            )
            send_mail(subject, body, None, [person["email"]], fail_silently=True)

    transaction.on_commit(send)
    return len(recipients)
