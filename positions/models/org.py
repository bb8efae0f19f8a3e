"""The organisation tree: units of the instansi (treebeard materialised path).

`scopes_for` are imported inside the methods that use them: their modules import
this one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import functions
from django.urls import reverse
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

if TYPE_CHECKING:
    from asnportal.models import User


def opd_name_of(path_lookup: str) -> models.Subquery:
    """The name of the perangkat daerah (the unit two levels from the root: root = instansi)
    above the outer row's unit, as an annotation; the root itself for the root's own rows."""
    return models.Subquery(
        OrgUnit.objects.filter(
            path=functions.Substr(models.OuterRef(path_lookup), 1, 2 * OrgUnit.steplen)
        ).values("name")[:1]
    )


class OrgUnitQuerySet(MP_NodeQuerySet):
    def active(self) -> OrgUnitQuerySet:
        return self.filter(closed_at__isnull=True)

    def with_opd(self) -> OrgUnitQuerySet:
        """Annotate `opd_name`: units of ~40 OPD share names (Sekretariat, Bidang Umum)."""
        return self.annotate(opd_name=opd_name_of("path"))

    def subtree_of(self, unit: OrgUnit) -> OrgUnitQuerySet:
        """The unit and all its descendants: one indexed prefix query on the path."""
        return self.filter(path__startswith=unit.path)

    def visible_to(self, user: User) -> OrgUnitQuerySet:
        from .scope import scopes_for

        if user.is_superuser:
            return self
        return self.filter(scopes_for(user).path_q("path"))


class OrgUnitManager(MP_NodeManager.from_queryset(OrgUnitQuerySet)):  # type: ignore[misc]
    def get_queryset(self) -> OrgUnitQuerySet:
        return OrgUnitQuerySet(self.model, using=self._db).order_by("path")


class OrgUnit(MP_Node):
    class Kind(models.TextChoices):
        INSTANSI = "instansi", "Instansi"
        PERANGKAT_DAERAH = "perangkat_daerah", "Perangkat daerah"
        UNIT = "unit", "Unit (bidang/bagian)"
        SUB_UNIT = "sub_unit", "Sub-unit (subbidang/seksi/subbagian)"
        UPTD = "uptd", "UPTD"

    code = models.CharField("kode", max_length=40, unique=True)
    name = models.CharField("nama", max_length=200)
    kind = models.CharField("jenis", max_length=20, choices=Kind.choices)
    closed_at = models.DateField("ditutup pada", null=True, blank=True)

    node_order_by = ["code"]
    objects = OrgUnitManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "unit organisasi"
        verbose_name_plural = "unit organisasi"
        indexes = [
            # LIKE 'prefix%' on the path must use an index under any collation.
            models.Index(
                fields=["path"], name="orgunit_path_prefix", opclasses=["varchar_pattern_ops"]
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("positions:unit_detail", args=[self.pk])

    @classmethod
    def lineage_paths(cls, path: str) -> list[str]:
        """The paths of the unit at `path` and of every unit above it, the root first
        (treebeard: every steplen-long prefix), for one `path__in` query."""
        return [path[:end] for end in range(cls.steplen, len(path) + 1, cls.steplen)]
