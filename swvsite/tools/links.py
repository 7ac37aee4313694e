"""Checking external links of a built site, for a scheduled job.

Internal links and anchors are checked by every strict build. External sites
come and go, so they are checked separately and never block a publish: a link
that answers 404 or 410 is reported as broken (exit code 1); a host that does
not answer at all is reported as unreachable, and when nothing answers (no
network) the check says so and exits 0.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

USER_AGENT = "swvsite-linkcheck/1.0"
TIMEOUT = 10.0
BROKEN_STATUSES = {404, 410}


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None
    error: str | None

    @property
    def kind(self) -> str:
        if self.status is not None and self.status < 400:
            return "ok"
        if self.status in BROKEN_STATUSES:
            return "kapot"
        if self.status is not None and self.status < 500:
            return "twijfel"  # 401/403/429 and friends: the site is there, it refuses robots
        return "onbereikbaar"


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def external_links(site_dir: Path, own_host: str | None = None) -> dict[str, list[str]]:
    """URL (without fragment) -> the pages that link to it."""
    pages: dict[str, list[str]] = defaultdict(list)
    for path in sorted(site_dir.rglob("*.html")):
        parser = _Anchors()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        page = "/" + str(path.relative_to(site_dir)).removesuffix("index.html")
        for href in parser.hrefs:
            url = urldefrag(href).url
            parsed = urlparse(url)
            if parsed.scheme in ("http", "https") and parsed.netloc and parsed.netloc != own_host:
                if page not in pages[url]:
                    pages[url].append(page)
    return dict(pages)


def check_url(url: str, timeout: float = TIMEOUT) -> LinkResult:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return LinkResult(url, response.status, None)
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue  # some servers refuse HEAD; ask again with GET
            return LinkResult(url, exc.code, None)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return LinkResult(url, None, str(reason))
    return LinkResult(url, None, "geen antwoord")


def check_site(site_dir: Path, own_host: str | None = None, workers: int = 8,
               timeout: float = TIMEOUT) -> tuple[list[LinkResult], dict[str, list[str]]]:
    links = external_links(site_dir, own_host)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda url: check_url(url, timeout), sorted(links)))
    return results, links


def report(results: list[LinkResult], pages: dict[str, list[str]]) -> tuple[str, int]:
    """Dutch report and exit code (1 only when a link is certainly broken)."""
    if not results:
        return "Er staan geen externe links op de site.", 0
    by_kind: dict[str, list[LinkResult]] = defaultdict(list)
    for result in results:
        by_kind[result.kind].append(result)
    if len(by_kind["onbereikbaar"]) == len(results):
        return (f"Geen enkele externe site gaf antwoord ({len(results)} links). Is er netwerk? "
                "De links zijn niet gecontroleerd; probeer het later opnieuw."), 0
    lines = [f"{len(results)} externe links gecontroleerd: {len(by_kind['ok'])} in orde, "
             f"{len(by_kind['kapot'])} kapot, {len(by_kind['twijfel'])} twijfelachtig, "
             f"{len(by_kind['onbereikbaar'])} onbereikbaar."]
    titles = {"kapot": "Kapot (de pagina bestaat niet meer)",
              "twijfel": "Twijfelachtig (de site weigert de controle; kijk zelf)",
              "onbereikbaar": "Onbereikbaar (de site gaf geen antwoord)"}
    for kind, title in titles.items():
        if by_kind[kind]:
            lines += ["", f"{title}:"]
            for result in by_kind[kind]:
                why = f"status {result.status}" if result.status else result.error
                lines.append(f"- {result.url} ({why}), op: {', '.join(pages[result.url])}")
    return "\n".join(lines), 1 if by_kind["kapot"] else 0
