"""axe-core (WCAG 2.0/2.1/2.2 A and AA) in Debian's Chromium, for `swvsite
check-site --browser` and the browser tests.

Needs playwright and axe-playwright-python (the `sitecheck` extra, installed by
`make sitecheck`; the test extra has them too) and Chromium at /usr/bin/chromium
(or SWVSITE_CHROMIUM). No browser is downloaded.
"""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass, field
from functools import cache
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path

# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no wcag22a tag).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


class BrowserMissing(Exception):
    """Playwright, axe or Chromium is not installed; the message says what to do (Dutch)."""


def chromium_path() -> Path:
    return Path(os.environ.get("SWVSITE_CHROMIUM", "/usr/bin/chromium"))


@cache
def axe_source() -> str:
    """axe.min.js as bundled with axe-playwright-python (no network)."""
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


@dataclass
class Violation:
    page: str
    rule: str
    impact: str | None
    help: str
    targets: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{self.page}  [{self.rule}, {self.impact}] {self.help}"]
        for target, summary in zip(self.targets, self.summaries, strict=False):
            detail = summary.replace("\n", " ").strip()
            lines.append(f"    {target}" + (f"  -- {detail[:200]}" if detail else ""))
        return "\n".join(lines)


def run_axe(page, label: str | None = None, tags: list[str] = WCAG_TAGS) -> list[Violation]:
    """Inject axe into the loaded page (once per navigation) and run the WCAG rules.
    Returns one Violation per failing rule, with the CSS selectors of its nodes."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations'],
            });
            return r.violations.map(v => ({
                rule: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.map(t => [].concat(t).join(' >>> '))
                                          .join(' | ')),
                summaries: v.nodes.map(n => n.failureSummary || ''),
            }));
        }""",
        tags,
    )
    label = label or page.url
    return [Violation(page=label, **v) for v in result]


def report(violations: list[Violation]) -> str:
    """A failure message: counts per rule, then every violation with its targets."""
    if not violations:
        return "no violations"
    per_rule: dict[str, int] = {}
    for v in violations:
        per_rule[v.rule] = per_rule.get(v.rule, 0) + 1
    pages = len({v.page for v in violations})
    head = f"{len(violations)} axe violations on {pages} pages; per rule: " + ", ".join(
        f"{rule} ({n} pages)" for rule, n in sorted(per_rule.items()))
    return head + "\n\n" + "\n\n".join(str(v) for v in violations)


# --- a built site in the browser --------------------------------------------------

class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        import sys
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def check_site(site_dir: Path, paths: list[str]) -> list[Violation]:
    """axe on every page in `paths` ('/' and '/scholen/x/'), served from `site_dir` on
    127.0.0.1. Raises BrowserMissing when the browser cannot be started."""
    try:
        from playwright.sync_api import sync_playwright
        axe_source()
    except (ImportError, FileNotFoundError, ModuleNotFoundError) as error:
        raise BrowserMissing(
            f"de browsercontrole heeft playwright en axe-playwright-python nodig ({error}); "
            "installeer ze met 'make sitecheck' of pip install -e '.[sitecheck]'") from None
    chromium = chromium_path()
    if not chromium.is_file() or not os.access(chromium, os.X_OK):
        raise BrowserMissing(f"Chromium staat niet op {chromium}; installeer Debians chromium "
                             "('sudo apt-get install chromium', 'make sitecheck' doet dat) of "
                             "zet SWVSITE_CHROMIUM op een ander Chromium-programma")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="sitecheck http", daemon=True)
    thread.start()
    host, port = "127.0.0.1", server.server_address[1]
    violations: list[Violation] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium), headless=True,
                                                 args=CHROMIUM_ARGS)
            try:
                page = browser.new_context(locale="nl-NL").new_page()
                page.set_default_timeout(30_000)
                for path in paths:
                    response = page.goto(f"http://{host}:{port}{path}", wait_until="load")
                    if response is None or not response.ok:
                        status = response.status if response else "geen antwoord"
                        violations.append(Violation(path, "http", "critical",
                                                    f"de pagina laadt niet (HTTP {status})"))
                        continue
                    violations += run_axe(page, label=path)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    return violations
