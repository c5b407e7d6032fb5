"""Debian's Chromium as the tests, the bench and the screenshots drive it (never a downloaded browser).

The background-networking flags keep Chromium from calling out: this machine has no network.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
