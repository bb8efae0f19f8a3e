"""axe-core inside the Playwright tests: the WCAG 2.1 A/AA audit of every page a journey visits.

axe-core comes from npm (tests/e2e/axe/package.json, pinned by its lock file; `make test` runs
`scripts/system_deps.sh --test`, which runs `npm ci` there when node_modules is missing). It is
never fetched from a CDN.

`audit(page, name)` injects axe.min.js into the page, runs the WCAG 2.1 A and AA rules at
1366 px and at 390 px (the viewport is resized and put back), and records every critical or
serious violation against the running test. The conftest fails that test at its end with the
full list, and prints the number of pages audited in the terminal summary.

`track(page)` records every document the page loads; `unaudited()` lists the URLs loaded in
this test that no audit covered, so a journey cannot skip a page by accident.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

AXE_JS = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (1366, 390)
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"critical", "serious"}

RUN_AXE = """
async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(" "),
      summary: (n.failureSummary || "").split("\\n").slice(0, 2).join(" "),
      html: n.html.slice(0, 160),
    })),
  }));
}
"""


@functools.cache
def axe_source() -> str:
    if not AXE_JS.exists():
        raise RuntimeError(
            f"axe-core is not installed ({AXE_JS} is missing): run "
            "`scripts/system_deps.sh --test` or `npm ci` in tests/e2e/axe/."
        )
    return AXE_JS.read_text(encoding="utf-8")


@dataclass
class Violation:
    page: str
    width: int
    rule: str
    impact: str
    help: str
    nodes: list[dict]

    def __str__(self) -> str:
        shown = "; ".join(f"{n['target']} ({n['summary']})" for n in self.nodes[:4])
        more = f" … +{len(self.nodes) - 4}" if len(self.nodes) > 4 else ""
        return (
            f"{self.page} @{self.width}px: [{self.impact}] {self.rule}: {self.help} "
            f"({len(self.nodes)}×) {shown}{more}"
        )


@dataclass
class Session:
    """Counts over the whole pytest session (printed in the terminal summary)."""

    pages: int = 0  # page states audited (each at every width)
    audits: int = 0  # axe runs
    violations: list[Violation] = field(default_factory=list)
    current: list[Violation] = field(default_factory=list)  # the running test's
    loaded: dict[int, list[str]] = field(default_factory=dict)  # id(page) -> URLs loaded
    audited: set[str] = field(default_factory=set)  # paths audited in the running test

    def start_test(self) -> None:
        self.current = []
        self.loaded = {}
        self.audited = set()


SESSION = Session()


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def track(page) -> None:
    """Record each document `page` loads, to check later that every one was audited."""
    loads = SESSION.loaded.setdefault(id(page), [])
    page.on("load", lambda p: loads.append(_path(p.url)))


def unaudited() -> list[str]:
    seen = {url for urls in SESSION.loaded.values() for url in urls}
    return sorted(seen - SESSION.audited)


def audit(page, name: str = "") -> list[Violation]:
    """Run axe on the page as it is now, at both widths; returns the failing violations."""
    page.wait_for_load_state("networkidle")
    label = f"{name} {_path(page.url)}".strip()
    original = page.viewport_size
    found: list[Violation] = []
    for width in WIDTHS:
        if page.viewport_size["width"] != width:
            page.set_viewport_size({"width": width, "height": original["height"]})
            page.wait_for_timeout(300)  # portal.js re-marks scrollable tables 150 ms after a resize
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated through the DevTools protocol: the page's CSP (no inline scripts)
            # does not apply, and the page itself is not changed to allow it.
            page.evaluate(axe_source())
        for v in page.evaluate(RUN_AXE, TAGS):
            if v["impact"] in FAILING_IMPACTS:
                found.append(Violation(label, width, v["id"], v["impact"], v["help"], v["nodes"]))
        SESSION.audits += 1
    if page.viewport_size != original:
        page.set_viewport_size(original)
    SESSION.pages += 1
    SESSION.audited.add(_path(page.url))
    SESSION.current.extend(found)
    SESSION.violations.extend(found)
    return found


def summary_line() -> str:
    return (
        f"axe-core: {SESSION.pages} halaman diaudit ({SESSION.audits} audit pada "
        f"{' dan '.join(f'{w} px' for w in WIDTHS)}), {len(SESSION.violations)} pelanggaran "
        "kritis/serius (WCAG 2.1 A/AA)"
    )
