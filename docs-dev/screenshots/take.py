"""Screenshots of the key pages of the built test site, for review (issue 14):
each at phone size (390x844) and as printed (print media), both full page.

    export PYTHONPATH=$PWD
    .venv/bin/python -m swvsite build -f tests/fixtures/site/mkdocs.yml --site-dir /tmp/site
    .venv/bin/python docs-dev/screenshots/take.py /tmp/site docs-dev/screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "browser"))
from conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, serve  # noqa: E402

PAGES = {
    "home": "/",
    "contact": "/contact/",
    "jongeren": "/jongeren/",
    "procedure-tlv": "/procedures/tlv-aanvragen/",
    # A choice no school matches: the broader choices and the steunpunt.
    "scholen-geen-resultaat": "/scholen/?gemeente=hilvarenbeek&soort=autisme",
}


def take(site_dir: Path, out: Path) -> list[Path]:
    server, thread = serve(site_dir)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport=PHONE, reduced_motion="reduce")
            for name, path in PAGES.items():
                page.emulate_media(media="screen")
                page.goto(base + path, wait_until="load")
                written.append(out / f"{name}-390.png")
                page.screenshot(path=str(written[-1]), full_page=True)
                page.emulate_media(media="print")
                written.append(out / f"{name}-print.png")
                page.screenshot(path=str(written[-1]), full_page=True)
            browser.close()
    finally:
        server.shutdown()
        thread.join(timeout=10)
    return written


if __name__ == "__main__":
    for file in take(Path(sys.argv[1]), Path(sys.argv[2])):
        print(file)
