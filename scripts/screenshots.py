"""Log in as each demo user against a running portal and save screenshots of their pages.

Usage: python scripts/screenshots.py [BASE_URL] [OUT_DIR]   (default http://127.0.0.1:8000)
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.e2e.chromium import CHROMIUM, CHROMIUM_ARGS, sign_in

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(sys.argv[2] if len(sys.argv) > 2 else "test-artifacts/screens")
DEMO_PASSWORD = "Lampung#2026"  # nosec B105  # the published demo login (README)
PAGES = {
    "hr.bkd": ["/", "/pegawai/", "/unit/", "/jabatan/?lowong=1"],
    "hr.dinkes": ["/"],
    "kabid.yankes": ["/"],
    "staf.yankes": ["/"],
    "sekda": ["/"],
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for username, paths in PAGES.items():
            for width, suffix in [(1280, ""), (390, "-phone")]:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                sign_in(page, BASE, username, DEMO_PASSWORD)
                for path in paths if not suffix else paths[:1]:
                    page.goto(f"{BASE}{path}")
                    name = path.strip("/").replace("/", "_").replace("?", "_") or "dashboard"
                    page.screenshot(
                        path=str(OUT / f"{username}-{name}{suffix}.png"), full_page=True
                    )
                context.close()
        browser.close()
    print(f"Screenshots in {OUT}")


if __name__ == "__main__":
    main()
