"""Peta jabatan as a box organigram (docs/domain.md §3.4): layout only, no HTTP, no PDF.

The chart follows the org tree. The unit's head (its structural post) stands on top; below
it, one column per sub-unit, headed by the sub-unit's head box, with the sub-unit's jabatan
fungsional and pelaksana stacked under it and its own sub-units (seksi, subbagian) indented
beneath, each again a head with its posts. The unit's own JF/pelaksana form a first column.
A sub-unit too large to fit in a column (more boxes than one sheet holds) gets sheets of its
own: its column then shows its head, its subtree totals and the number of its first sheet.

Each box shows the jabatan, kelas, kebutuhan (K), bezetting (B) and ± (B − K, as the table).

Printing is planned here, not left to the browser engine: every box has a fixed height, so
the number of boxes that fit on a sheet is known in advance. A sheet with more than five
columns, or a column longer than an A4 sheet holds, is printed on A3 landscape (up to eight
columns a row; more go on a further row of the same sheet while it has room, else on the
next sheet); a column longer than an A3 sheet continues on the next
sheet, where its heading is repeated with "(lanjutan)". So a box is never cut in half and
every sheet is exactly one page, which lets a sheet say "lembar n dari N" and point to the
sheet of a sub-unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import STRUCTURAL_JENIS, OrgUnit, Position
from .peta import PetaJabatan, PetaRow, PetaTotals, Selisih


@dataclass(frozen=True)
class PaperSize:
    name: str  # the @page name in the print stylesheet
    label: str
    max_columns: int
    rows: int  # boxes under a column's head on one sheet
    column_mm: float  # width of a column in the print stylesheet


# Sizes in the print stylesheet (templates/positions/pdf/peta_chart.html): landscape, 10 mm
# margins (14 mm at the foot), a box of 10.5 mm plus a 1.5 mm gap. The rows are what is left
# under the sheet title, the head box and the column heads, above the approval block:
# A4 185 mm − 59 mm − 27 mm ≥ 8 × 12 mm; A3 272 mm − 59 mm − 27 mm ≥ 15 × 12 mm.
A4 = PaperSize("chart-a4", "A4", max_columns=5, rows=8, column_mm=54)  # 5 × 54 + 1 ≤ 277
A3 = PaperSize("chart-a3", "A3", max_columns=8, rows=15, column_mm=49.5)  # 8 × 49.5 + 1 ≤ 400
# A band below the first repeats the bar, the column labels and heads: 3 rows (36 mm) hold
# its 28 mm.
BAND_ROWS = 3
TITLE_CHARS = 60  # two lines of a box at 7 pt; the print stylesheet also clips at two lines


@dataclass
class Box(Selisih):
    """One jabatan: what the organigram prints in its box."""

    position_id: int
    title: str
    jenis: str  # struktural | fungsional | pelaksana (drives the box colour)
    kelas: int
    kebutuhan: int
    bezetting: int


@dataclass
class UnitNode:
    unit: OrgUnit
    head: Box | None = None
    posts: list[Box] = field(default_factory=list)
    children: list[UnitNode] = field(default_factory=list)
    totals: PetaTotals = field(default_factory=PetaTotals)  # the unit and its subtree
    sheet: int | None = None  # the first sheet of a unit printed on sheets of its own
    own_sheet: bool = False  # set by plan: too large to stand as a column of its parent

    def stack(self, level: int = 0) -> list[Item]:
        """The unit's posts, then each sub-unit (head, then its stack) one level deeper."""
        items = [Item(box, level) for box in self.posts]
        for child in self.children:
            items.append(Item(child.head, level + 1, head=True, unit_name=child.unit.name))
            items.extend(child.stack(level + 1))
        return items


@dataclass
class Item:
    """One box of a column: a post at an indent level, or a nested sub-unit's head (when the
    sub-unit has no structural post, `box` is None and the unit's name stands alone)."""

    box: Box | None
    level: int
    head: bool = False
    unit_name: str = ""


@dataclass
class Column:
    node: UnitNode
    title: str  # the unit's name, or "Langsung di bawah …" for the unit's own posts
    head: Box | None
    items: list[Item]
    continued: bool = False  # the column began on an earlier sheet
    summary: bool = False  # a sub-unit printed on its own sheets: totals and a reference

    @property
    def node_sheet(self) -> int | None:
        return self.node.sheet


@dataclass
class Band:
    """A row of columns joined by one bar. A sheet holds several bands when its columns are
    short (a province's perangkat daerah, a bidang's UPTD): fewer, fuller sheets."""

    columns: list[Column]
    paper: PaperSize

    @property
    def width_mm(self) -> float:
        # 1 mm to spare: at exactly the columns' sum, rounding wraps the last float under
        # the first (seen with eight A3 columns).
        return len(self.columns) * self.paper.column_mm + 1

    @property
    def bar_margin_mm(self) -> float:
        """The bar joining the columns runs from the middle of the first to the last."""
        return self.paper.column_mm / 2


@dataclass
class Sheet:
    node: UnitNode
    paper: PaperSize
    bands: list[Band]
    trail: list[str]  # the units above this sheet's unit, outermost first
    part: int = 1  # a unit printed over several sheets: which of them
    number: int = 0
    count: int = 0

    @property
    def head(self) -> Box | None:
        return self.node.head

    @property
    def continued(self) -> bool:
        return self.part > 1

    @property
    def columns(self) -> list[Column]:
        return [column for band in self.bands for column in band.columns]


def box_for(row: PetaRow) -> Box:
    position = row.position
    return Box(
        position_id=position.pk,
        title=_clip(position.title),
        jenis=_jenis_group(position),
        kelas=position.kelas,
        kebutuhan=row.kebutuhan,
        bezetting=row.bezetting,
    )


def _clip(text: str, limit: int = TITLE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _jenis_group(position: Position) -> str:
    if position.jenis in STRUCTURAL_JENIS:
        return "struktural"
    return "fungsional" if position.jenis == Position.Jenis.FUNGSIONAL else "pelaksana"


def build_tree(peta: PetaJabatan, units: Iterable[OrgUnit]) -> UnitNode:
    """The unit tree of the peta, each unit with its head and other posts. `units` are the
    active units of the subtree (one query by the caller: units without posts still show)."""
    nodes: dict[int, UnitNode] = {}
    for unit in sorted(units, key=lambda u: u.path):
        if unit.path.startswith(peta.unit.path):
            nodes[unit.pk] = UnitNode(unit)
    nodes.setdefault(peta.unit.pk, UnitNode(peta.unit))
    for row in peta.rows:  # already ordered: unit path, kelas descending, name
        node = nodes.get(row.position.unit_id)
        if node is None:  # a post in a closed unit: shown under the nearest open ancestor
            node = _nearest(nodes, row.position.unit)
        box = box_for(row)
        if node.head is None and box.jenis == "struktural" and node.unit.pk == row.position.unit_id:
            node.head = box
        else:
            node.posts.append(box)
        node.totals.add(row)
    by_path = {node.unit.path: node for node in nodes.values()}
    root = nodes[peta.unit.pk]
    for node in sorted(nodes.values(), key=lambda n: n.unit.path):
        if node is root:
            continue
        parent = _parent_node(by_path, node.unit.path, node.unit.steplen)
        if parent is not None:
            parent.children.append(node)
    _roll_up(root)
    return root


def _nearest(nodes: dict[int, UnitNode], unit: OrgUnit) -> UnitNode:
    best: UnitNode | None = None
    for node in nodes.values():
        if unit.path.startswith(node.unit.path) and (
            best is None or len(node.unit.path) > len(best.unit.path)
        ):
            best = node
    if best is None:  # the root's path prefixes every post of the peta: a broken tree
        raise ValueError(f"Unit {unit.path} lies outside the peta's tree.")
    return best


def _parent_node(by_path: dict[str, UnitNode], path: str, steplen: int) -> UnitNode | None:
    prefix = path[:-steplen]
    while prefix:  # a closed unit in between is skipped: its children hang on its parent
        if prefix in by_path:
            return by_path[prefix]
        prefix = prefix[:-steplen]
    return None


def _roll_up(node: UnitNode) -> PetaTotals:
    for child in node.children:
        sub = _roll_up(child)
        node.totals.positions += sub.positions
        node.totals.kebutuhan += sub.kebutuhan
        node.totals.bezetting += sub.bezetting
        node.totals.kurang += sub.kurang
        node.totals.lebih += sub.lebih
    return node.totals


def _mark_own_sheets(node: UnitNode) -> int:
    """A sub-unit whose stack would not fit in one A3 column gets sheets of its own.

    Returns `len(node.stack())`, counted bottom-up (its posts, and a head plus the stack of each
    sub-unit) instead of building every sub-unit's stack again at each level above it."""
    size = len(node.posts)
    for child in node.children:
        child_size = _mark_own_sheets(child)
        child.own_sheet = child_size > A3.rows
        size += 1 + child_size
    return size


def columns_of(node: UnitNode) -> list[Column]:
    """The columns under a unit's head: its own JF/pelaksana first, then each sub-unit."""
    columns: list[Column] = []
    if node.posts or not node.children:
        head_name = node.head.title if node.head else node.unit.name
        title = f"Langsung di bawah {head_name}" if node.children else node.unit.name
        columns.append(Column(node, title, None, [Item(box, 0) for box in node.posts]))
    for child in node.children:
        if child.own_sheet:
            columns.append(Column(child, child.unit.name, child.head, [], summary=True))
        else:
            columns.append(Column(child, child.unit.name, child.head, child.stack()))
    return columns


def plan_sheets(root: UnitNode) -> list[Sheet]:
    """Every sheet of the printed chart, numbered; sub-units' sheets follow depth first."""
    _mark_own_sheets(root)
    sheets: list[Sheet] = []
    _plan(root, [], sheets)
    for number, sheet in enumerate(sheets, start=1):
        sheet.number = number
        sheet.count = len(sheets)
        if sheet.part == 1:
            sheet.node.sheet = number
    return sheets


def _paper(columns: list[Column]) -> PaperSize:
    longest = max((len(c.items) for c in columns), default=0)
    return A4 if len(columns) <= A4.max_columns and longest <= A4.rows else A3


def _plan(node: UnitNode, trail: list[str], sheets: list[Sheet]) -> None:
    columns = columns_of(node)
    paper = _paper(columns)
    part = 0
    bands: list[Band] = []  # the sheet being filled
    used = 0  # its rows taken, a band after the first costing BAND_ROWS more

    def close_sheet() -> None:
        nonlocal part, bands, used
        if bands:
            part += 1
            sheets.append(Sheet(node, paper, bands, trail, part=part))
        bands, used = [], 0

    for start in range(0, max(len(columns), 1), paper.max_columns):
        group = columns[start : start + paper.max_columns]
        longest = max((len(c.items) for c in group), default=0)
        if longest <= paper.rows:  # short columns: a band, on this sheet if it still fits
            need = longest + (BAND_ROWS if bands else 0)
            if bands and used + need > paper.rows:
                close_sheet()
                need = longest
            bands.append(Band(group, paper))
            used += need
            continue
        close_sheet()  # long columns: sheets of their own, continued from one to the next
        for offset in range(0, longest, paper.rows):
            sliced = [
                Column(
                    c.node,
                    c.title,
                    c.head,
                    c.items[offset : offset + paper.rows],
                    continued=offset > 0,
                    summary=c.summary,
                )
                for c in group
                if offset == 0 or len(c.items) > offset
            ]
            part += 1
            sheets.append(Sheet(node, paper, [Band(sliced, paper)], trail, part=part))
    close_sheet()
    for child in node.children:
        if child.own_sheet:
            _plan(child, [*trail, node.unit.name], sheets)


def web_chart(root: UnitNode) -> list[Column]:
    """The page shows the unit with every post of the sub-units that fit in a column; a
    larger sub-unit links to its own peta."""
    _mark_own_sheets(root)
    return columns_of(root)


# --- Approval block ------------------------------------------------------------------


@dataclass
class Approval:
    """ "Ditetapkan di <tempat>, <tanggal>" and the signing official: the head of the
    instansi's kepegawaian agency (BKD/BKPSDM) when the register knows them, else a blank
    line to sign by hand."""

    place: str
    date: dt.date
    office: str  # "Kepala Badan Kepegawaian Daerah" or a generic title
    name: str = ""
    nip: str = ""
    acting: str = ""  # "Plt." / "Plh." when only an acting holder is in place
    instansi: str = ""  # the name of the unit's instansi (a kabupaten prints its own)


AGENCY_WORDS = ("kepegawaian",)  # BKD, BKPSDM, "Badan Kepegawaian dan Pengembangan SDM"


def approval_for(unit: OrgUnit, on: dt.date, *, place: str) -> Approval:
    """Four small queries: the unit's instansi, its kepegawaian agency, the agency's head post,
    who holds it on the date (definitive first, then Plt, then Plh)."""
    from .models import Placement

    instansi_path = unit.path[: unit.steplen]
    instansi = OrgUnit.objects.filter(path=instansi_path).values_list("name", flat=True).first()
    agency = (
        OrgUnit.objects.active()
        .filter(
            path__startswith=instansi_path,
            kind=OrgUnit.Kind.PERANGKAT_DAERAH,
            name__icontains=AGENCY_WORDS[0],
        )
        .order_by("path")
        .first()
    )
    if agency is None:
        return Approval(place, on, "Kepala Badan Kepegawaian Daerah", instansi=instansi or "")
    head = (
        Position.objects.active()
        .filter(unit=agency, jenis__in=STRUCTURAL_JENIS)
        .order_by("-kelas", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    approval = Approval(place, on, f"Kepala {agency.name}", instansi=instansi or "")
    holder = Placement.objects.holder_of(head, on) if head else None
    if holder is not None:
        approval.name = holder.employee.full_name
        approval.nip = holder.employee.nip
        if holder.kind != Placement.Kind.DEFINITIF:
            approval.acting = "Plt." if holder.kind == Placement.Kind.PLT else "Plh."
    return approval
