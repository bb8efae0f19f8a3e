"""Shared helpers of the SKP and evaluation tests (a helper module: test modules import from
here or from tests.factories, never from one another)."""

import pytest
from django.urls import reverse

from performance import services
from performance.models import RHK, Evaluation, Indicator, Realisation
from tests.factories import SKPFactory, approve  # noqa: F401  (approve: re-exported)

YEAR = 2026


ASPEK = ["kuantitas", "kualitas", "waktu", "biaya"]


def add_indicators(rhk, texts: dict[str, str], target: int = 10) -> None:
    """IKI rows written directly, {aspek: text} (one per aspek: a database constraint), each
    with a target of `target` Dokumen."""
    for aspek, text in texts.items():
        Indicator.objects.create(
            rhk=rhk, aspek=aspek, text=text, target_value=target, target_satuan="Dokumen"
        )


def add_rhk(skp, text, n_indicators=1):
    """RHK rows written directly, with one IKI per aspek. For tests that grow an SKP whatever
    its status (a query budget over a bigger plan); a plan that must pass the services is
    built by SKPFactory."""
    rhk = RHK.objects.create(skp=skp, text=text)
    add_indicators(rhk, {a: f"Jumlah {text} {i}" for i, a in enumerate(ASPEK[:n_indicators])})
    return rhk


def rhk(skp, text, parent=None, jenis="utama", indicators=1):
    """An RHK written directly, linked to `parent`, with IKI named "<aspek> <text>" and a
    target of 12 Dokumen: the plan rows of a draft the test then takes through the services
    (or grows for a query budget)."""
    row = RHK.objects.create(skp=skp, text=text, parent_rhk=parent, jenis=jenis)
    add_indicators(row, {a: f"{a} {text}" for a in ASPEK[:3][:indicators]}, target=12)
    return row


@pytest.fixture
def manager_skp(world, manager):
    """The penilai's (kabid's) SKP with two RHK utama, approved by the kepala dinas; the kabid
    has an email, so the notifications of the pegawai's workflow reach someone."""
    world.manager_emp.email = "kabid@example.go.id"
    world.manager_emp.save(update_fields=["email"])
    return SKPFactory(
        employee=world.manager_emp,
        year=YEAR,
        approved=True,
        rhk_texts=(
            "Meningkatnya mutu pelayanan rumah sakit rujukan",
            "Tersusunnya standar pelayanan keperawatan",
        ),
    )


@pytest.fixture
def employee_skp(world, employee):
    """The perawat's draft SKP (kuantitatif) through the service, the perawat with an email."""
    world.employee_emp.email = "perawat@example.go.id"
    world.employee_emp.save(update_fields=["email"])
    return services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")


@pytest.fixture
def approved_skp(world, employee):
    """The perawat's SKP, one RHK utama with one IKI, approved by the kabid in the portal
    (the kabid's and the kadis's SKP are approved first: the perawat's RHK cascades)."""
    return SKPFactory(
        employee=world.employee_emp, year=YEAR, approved=True, rhk_texts=("Asuhan keperawatan",)
    )


def url(skp, period="tw1"):
    return reverse("performance:evaluation", args=[skp.pk, period])


def indicator_of(skp):
    return Indicator.objects.filter(rhk__skp=skp).first()


def realise_all(skp, period):
    """Every IKI gets a realisasi: finalising needs them (or a written reason)."""
    evaluation, _ = Evaluation.objects.get_or_create(skp=skp, period=period)
    for ind in Indicator.objects.filter(rhk__skp=skp):
        Realisation.objects.create(evaluation=evaluation, indicator=ind, value=8)
    return evaluation
