"""Staff tool for translations: which are out of date, and stamping one once checked.

`status` lists every translation with its state; `stempel` writes the current
stamp of the Dutch text into a translation (`vertaald_van`), which staff do
after they have checked or updated the translation against the Dutch text.
The file is edited in place line by line, so comments and layout stay.
"""

from __future__ import annotations

import re
from pathlib import Path

from swvsite.content import vertalingen
from swvsite.content.site import Site

ACTUEEL = "actueel"
VEROUDERD = "verouderd: de Nederlandse tekst is veranderd"
GEEN_STEMPEL = "geen stempel"


def all_translations(site: Site, docs_dir: Path | None) -> list[vertalingen.Vertaling]:
    """Every translation of a record and of a hand-written page."""
    found = site.vertalingen or vertalingen.Vertalingen()
    pages = vertalingen.page_translations(docs_dir, found.talen) if docs_dir else []
    return found.all() + [p for p in pages if p.source_stamp]


def state(vertaling: vertalingen.Vertaling) -> str:
    if not vertaling.stamped:
        return GEEN_STEMPEL
    return ACTUEEL if vertaling.current else VEROUDERD


def status_report(translations: list[vertalingen.Vertaling]) -> str:
    if not translations:
        return "Er zijn geen vertalingen."
    lines = [f"{v.path}: {state(v)}" for v in sorted(translations, key=lambda v: v.path)]
    stale = sum(1 for v in translations if state(v) != ACTUEEL)
    lines.append(f"{len(translations)} vertalingen, waarvan {stale} niet actueel.")
    return "\n".join(lines)


def stamp(vertaling: vertalingen.Vertaling) -> bool:
    """Write the Dutch text's current stamp into the translation; False if it already had it."""
    assert vertaling.file is not None
    if vertaling.vertaald_van == vertaling.source_stamp:
        return False
    text = vertaling.file.read_text(encoding="utf-8")
    line = f'vertaald_van: "{vertaling.source_stamp}"'
    if vertaling.kind == "pagina":
        text = _stamp_front_matter(text, line)
    elif re.search(r"(?m)^vertaald_van:.*$", text):
        text = re.sub(r"(?m)^vertaald_van:.*$", line, text, count=1)
    else:
        text = f"{line}\n{text}"
    vertaling.file.write_text(text, encoding="utf-8")
    return True


def _stamp_front_matter(text: str, line: str) -> str:
    match = re.match(r"\A---\s*\n(.*?\n)?---\s*\n", text, re.S)
    if match is None:
        return f"---\n{line}\n---\n{text}"
    head = match.group(0)
    if re.search(r"(?m)^vertaald_van:.*$", head):
        new_head = re.sub(r"(?m)^vertaald_van:.*$", line, head, count=1)
    else:
        new_head = head[:match.start(0) + 4] + f"{line}\n" + head[4:]
    return new_head + text[match.end():]


def find(translations: list[vertalingen.Vertaling], given: Path) -> vertalingen.Vertaling | None:
    wanted = given.resolve()
    return next((v for v in translations if v.file and v.file.resolve() == wanted), None)
