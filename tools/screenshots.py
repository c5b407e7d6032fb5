"""Screenshots of a report page (desktop, phone, dark) in Debian's Chromium, for docs/.

`python -m tools.screenshots [--site site] [--out docs/screenshots]` after `make site`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tools.browser import CHROMIUM, CHROMIUM_ARGS

SHOTS = [  # name, page, width, height, colour scheme, mobile
    ("report-desktop", "reports/2024-guangzhou/index.html#s2-3", 1280, 900, "light", False),
    ("report-phone", "reports/2023-guangzhou-summary/index.html", 375, 812, "light", True),
    ("report-dark", "reports/2024-yuexiu/index.html#s2-6", 1280, 900, "dark", False),
    ("home-desktop", "index.html", 1280, 900, "light", False),
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path, width, height, scheme, mobile in SHOTS:
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                          is_mobile=mobile, has_touch=mobile, device_scale_factor=1)
            tab = context.new_page()
            file, _, anchor = path.partition("#")
            tab.goto((args.site / file).resolve().as_uri() + (f"#{anchor}" if anchor else ""))
            tab.wait_for_timeout(400)
            target = args.out / f"{name}.png"
            tab.screenshot(path=str(target))
            print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
