"""Debian's Chromium as the browser tests and scripts/screenshots.py drive it, and the login
form as a person fills it. No pytest here: the screenshot script imports this module too."""

import os

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The password of every user the test factories and tests/world.py make.
TEST_PASSWORD = "x-unused-x"


def sign_in(page, base: str, username: str, password: str = TEST_PASSWORD) -> None:
    """Fill the login form as a person does; it lands on the home page `/`."""
    page.goto(f"{base}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")
