"""Editing an SKP's plan while it is a draft or returned: RHK, IKI (indicators), the Lampiran SKP,
and the penilai's ekspektasi khusus pimpinan per BerAKHLAK value."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from ..models import (
    RHK,
    SKP,
)
from .skp import cascade_choices, is_penilai_of

if TYPE_CHECKING:
    from asnportal.models import User


def _lock_editable_skp(skp: SKP, user: User) -> SKP:
    """Lock the SKP row (a concurrent submit waits) and check the pegawai may still edit it."""
    skp = SKP.objects.select_for_update().select_related("employee", "position").get(pk=skp.pk)
    if skp.employee.user_id != user.pk:
        raise PermissionDenied
    if not skp.is_editable:
        raise ValidationError("SKP yang sudah diajukan atau disetujui tidak dapat diubah.")
    return skp


def _check_parent(skp: SKP, parent_rhk: RHK | None) -> None:
    if parent_rhk is not None and parent_rhk.pk not in {r.pk for r in cascade_choices(skp)}:
        raise ValidationError(
            {"parent_rhk": "RHK pimpinan harus dipilih dari SKP pejabat penilai yang disetujui."}
        )


def _check_perspektif(skp: SKP, perspektif: str) -> None:
    """A JPT's RHK carries one of the four perspektif of its form (docs/domain.md §1.10a)."""
    if skp.is_jpt and perspektif and perspektif not in RHK.Perspektif.values:
        labels = ", ".join(str(label) for label in RHK.Perspektif.labels)
        raise ValidationError(
            {"perspektif": f"Perspektif tidak dikenal; pilih salah satu: {labels}."}
        )


@transaction.atomic
def add_rhk(
    skp: SKP,
    *,
    user: User,
    jenis: str,
    text: str,
    parent_rhk: RHK | None = None,
    perspektif: str = "",
    order: int | None = None,
) -> RHK:
    """Add an RHK; without an explicit `order` it goes after the SKP's other RHK."""
    skp = _lock_editable_skp(skp, user)
    _check_parent(skp, parent_rhk)
    _check_perspektif(skp, perspektif)
    if order is None:
        last = skp.rhks.aggregate(last=Max("order"))["last"]
        order = 0 if last is None else last + 1
    return RHK.objects.create(
        skp=skp,
        jenis=jenis,
        text=text,
        parent_rhk=parent_rhk,
        perspektif=perspektif if skp.is_jpt else "",
        order=order,
    )


@transaction.atomic
def update_rhk(
    rhk: RHK,
    *,
    user: User,
    jenis: str,
    text: str,
    parent_rhk: RHK | None = None,
    perspektif: str = "",
    order: int | None = None,
) -> RHK:
    """Change an RHK; its place in the list stays unless `order` is given."""
    skp = _lock_editable_skp(rhk.skp, user)
    _check_parent(skp, parent_rhk)
    _check_perspektif(skp, perspektif)
    rhk.jenis, rhk.text, rhk.parent_rhk = jenis, text, parent_rhk
    if order is not None:
        rhk.order = order
    rhk.perspektif = perspektif if skp.is_jpt else ""
    rhk.save(update_fields=["jenis", "text", "parent_rhk", "perspektif", "order"])
    return rhk


@transaction.atomic
def delete_rhk(rhk: RHK, *, user: User) -> None:
    _lock_editable_skp(rhk.skp, user)
    rhk.delete()


def _check_aspek(rhk: RHK, aspek: str, exclude_pk: int | None = None) -> None:
    taken = rhk.indicators.filter(aspek=aspek).exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError({"aspek": "RHK ini sudah memiliki IKI untuk aspek tersebut."})


def _check_target(skp: SKP, target_value: Any, target_satuan: str, target_text: str) -> None:
    if target_value is not None and target_value < 0:
        raise ValidationError({"target_value": "Target IKI tidak boleh negatif."})
    if skp.pendekatan == SKP.Pendekatan.KUANTITATIF:
        if target_value is None or not target_satuan.strip():
            raise ValidationError(
                {"target_value": "SKP kuantitatif: isi nilai target beserta satuannya."}
            )
    elif not target_text.strip():
        raise ValidationError({"target_text": "SKP kualitatif: tuliskan target secara uraian."})


@transaction.atomic
def add_indicator(
    rhk: RHK,
    *,
    user: User,
    aspek: str,
    text: str,
    target_value: Any = None,
    target_satuan: str = "",
    target_text: str = "",
) -> Any:
    skp = _lock_editable_skp(rhk.skp, user)
    _check_aspek(rhk, aspek)
    _check_target(skp, target_value, target_satuan, target_text)
    return rhk.indicators.create(
        aspek=aspek,
        text=text,
        target_value=target_value,
        target_satuan=target_satuan,
        target_text=target_text,
    )


@transaction.atomic
def update_indicator(
    indicator: Any,
    *,
    user: User,
    aspek: str,
    text: str,
    target_value: Any = None,
    target_satuan: str = "",
    target_text: str = "",
) -> Any:
    skp = _lock_editable_skp(indicator.rhk.skp, user)
    _check_aspek(indicator.rhk, aspek, exclude_pk=indicator.pk)
    _check_target(skp, target_value, target_satuan, target_text)
    indicator.aspek, indicator.text = aspek, text
    indicator.target_value, indicator.target_satuan = target_value, target_satuan
    indicator.target_text = target_text
    indicator.save(update_fields=["aspek", "text", "target_value", "target_satuan", "target_text"])
    return indicator


@transaction.atomic
def delete_indicator(indicator: Any, *, user: User) -> None:
    _lock_editable_skp(indicator.rhk.skp, user)
    indicator.delete()


@transaction.atomic
def set_lampiran(
    skp: SKP,
    *,
    user: User,
    dukungan_sumber_daya: str,
    skema_pertanggungjawaban: str,
    konsekuensi: str,
) -> SKP:
    """Lampiran SKP, written by the pegawai while the SKP can still be edited."""
    skp = _lock_editable_skp(skp, user)
    skp.dukungan_sumber_daya = dukungan_sumber_daya.strip()
    skp.skema_pertanggungjawaban = skema_pertanggungjawaban.strip()
    skp.konsekuensi = konsekuensi.strip()
    skp.save(update_fields=["dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"])
    return skp


def can_set_expectations(user: User, skp: SKP) -> bool:
    """Ekspektasi khusus pimpinan: written by the penilai until the SKP is approved."""
    return (
        skp.superseded_at is None
        and skp.status != SKP.Status.DISETUJUI
        and is_penilai_of(user, skp)
    )


@transaction.atomic
def set_expectations(skp: SKP, *, user: User, values: dict[str, str]) -> SKP:
    skp = SKP.objects.select_for_update().get(pk=skp.pk)
    if not can_set_expectations(user, skp):
        raise PermissionDenied
    for expectation in skp.expectations.all():
        text = values.get(expectation.value, "").strip()
        if text != expectation.ekspektasi:
            expectation.ekspektasi = text
            expectation.save(update_fields=["ekspektasi"])
    return skp
