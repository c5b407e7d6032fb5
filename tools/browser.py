"""Debian's Chromium as the tests, the bench and the screenshots drive it (never a downloaded browser).

The background-networking flags keep Chromium from calling out: this machine has no network.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch(playwright, extra_args: list[str] | None = None):
    """Debian's Chromium with our flags (plus `extra_args`), from a running sync_playwright()."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + (extra_args or []))


def offline(target) -> None:
    """Abort every request of a page or context that is not file://, as a reader without network."""
    target.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
