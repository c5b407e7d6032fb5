"""Screenshots of the site (desktop, phone, dark) in Debian's Chromium, for docs/screenshots/.

`python -m tools.screenshots` builds the seed content (tests/cases/seeds) into a temporary folder and shoots it, so the pictures
show the current code; `--site site` shoots a site already built. The pictures are the same bytes on
every run of the same code on the same machine (animations finished, caret hidden, fonts loaded,
the scroll settled before the shot), and a picture is written only when it changed, so refreshing
leaves `git status` clean unless the pages really look different.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from tools import SEEDS
from tools.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent

SHOTS = [  # name, page, width, height, colour scheme, mobile
    ("report-desktop", "reports/2024-guangzhou/index.html#s2-3", 1280, 900, "light", False),
    ("report-phone", "reports/2023-guangzhou-summary/index.html", 375, 812, "light", True),
    ("report-dark", "reports/2024-yuexiu/index.html#s2-6", 1280, 900, "dark", False),
    ("home-desktop", "index.html", 1280, 900, "light", False),
    ("home-phone", "index.html", 375, 812, "light", True),
]

# Wait until the page is still: fonts loaded, two animation frames without a change of scroll.
SETTLED = """() => document.fonts.ready.then(() => new Promise(done => {
    let last = -1;
    const check = () => {
        const now = window.scrollY;
        if (now === last) done(); else { last = now; requestAnimationFrame(check); }
    };
    requestAnimationFrame(check);
}))"""


def build_site(target: Path) -> Path:
    """The seed content built by build.py into target; exits with build.py's message when it fails."""
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--content", str(SEEDS), "--site", str(target)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(result.stderr.strip() or "build.py failed")
    return target


def shoot(site: Path, out: Path) -> list[Path]:
    """Every picture of SHOTS taken of site into out; returns the pictures that changed."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    changed = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path, width, height, scheme, mobile in SHOTS:
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                          is_mobile=mobile, has_touch=mobile, device_scale_factor=1,
                                          reduced_motion="reduce")
            tab = context.new_page()
            file, _, anchor = path.partition("#")
            tab.goto((site / file).resolve().as_uri() + (f"#{anchor}" if anchor else ""))
            tab.wait_for_load_state("networkidle")
            tab.evaluate(SETTLED)
            picture = tab.screenshot(animations="disabled", caret="hide")
            context.close()
            target = out / f"{name}.png"
            if not target.exists() or target.read_bytes() != picture:
                target.write_bytes(picture)
                changed.append(target)
        browser.close()
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site to shoot (default: build the seeds afresh)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if args.site is not None:
        changed = shoot(args.site, args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="zhengbao-shots-") as folder:
            changed = shoot(build_site(Path(folder) / "site"), args.out)
    for picture in changed:
        print(f"updated {picture}")
    print(f"{len(SHOTS)} screenshots in {args.out}, {len(changed)} changed")


if __name__ == "__main__":
    main()
