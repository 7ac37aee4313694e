"""Links in hand-written pages (docs/*.md) to records of the site.

Staff write `[TLV aanvragen](procedure:tlv-aanvragen#stap-2)` (the same form as
in content text) or an ordinary link to a record's page
(`procedures/tlv-aanvragen.md`). Both keep working when the record is renamed
(its old id in `oude_ids`): `rewrite` turns them into links to the record's
current page, and `problems` reports a link that leads nowhere, with file and
line, before anything is built.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from swvsite.config import markdown_files
from swvsite.content import model as m
from swvsite.content.problems import Problem
from swvsite.pages.markup import rel, site_link, site_link_page

# An inline link's target, `](target)`, or a reference definition, `[naam]: target`.
_LINK = re.compile(r"(\]\(\s*<?|^ {0,3}\[[^\]\n]+\]:[ \t]*<?)([^)\s>]+)", re.M)
_DIRECT = re.compile(r"^([a-z0-9/.-]*?)([^/]+)\.md(#[^\s]*)?$")


def rewrite(markdown: str, here: str, site: m.Site) -> str:
    """The page's Markdown with every link to the site itself (`soort:id`) and
    every link to a renamed record's old page pointing at the current page."""
    if "](" not in markdown and "]:" not in markdown:
        return markdown

    address = site_link(site, here)

    def replace(match: re.Match) -> str:
        target = match.group(2)
        current = address(target) if m.SITE_LINK.match(target) else _renamed_page(
            target, here, site)
        return match.group(1) + (current if current is not None else target)
    return _LINK.sub(replace, markdown)


def _renamed_page(target: str, here: str, site: m.Site) -> str | None:
    """For a link to `<folder>/<old id>.md`: the link to the current page."""
    direct = _DIRECT.match(target)
    if direct is None or "://" in target:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(here), target.split("#")[0]))
    folder, _, name = path.rpartition("/")
    kind = m.FOLDERS.get(folder)
    if kind is None:
        return None
    current = site.aliases.get(kind, {}).get(name.removesuffix(".md"))
    if current is None:
        return None
    return rel(here, f"{folder}/{current}.md") + (direct.group(3) or "")


def problems(site: m.Site, docs_dir: Path | None) -> list[Problem]:
    """Every `soort:id` link in a hand-written page that leads nowhere, and every
    link to a record's old page (a notice: it works, but can be written anew)."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    found = []
    for path in markdown_files(docs_dir):
        here = path.relative_to(docs_dir).as_posix()
        display = f"{docs_dir.name}/{here}"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports an unreadable page itself
        for match in _LINK.finditer(text):
            found += _link_problems(site, text, match, here, display)
    return found


def _link_problems(site: m.Site, text: str, match: re.Match, here: str, display: str,
                   ) -> list[Problem]:
    target = match.group(2)
    line = text.count("\n", 0, match.start(2)) + 1
    site_link = m.SITE_LINK.match(target)
    if site_link:
        kind, value, anchor = site_link.groups()
        if site_link_page(site, kind, value) is None or (
                kind == "pagina" and site.pages.has_page(value) is False):
            what = m.SITE_LINK_KINDS[kind]
            return [Problem(display, line, None, (
                f"de link '{target}' wijst naar een {what} die niet bestaat; controleer de id "
                f"(de bestandsnaam in content/)"))]
        if value != site.current_id(kind, value):
            return [Problem(display, line, None, (
                f"'{value}' is een oude id van '{site.current_id(kind, value)}'. De link werkt, "
                f"maar schrijf liever '{kind}:{site.current_id(kind, value)}'"), notice=True)]
        return []
    current = _renamed_page(target, here, site)
    if current is not None:
        return [Problem(display, line, None, (
            f"de link '{target}' gaat naar het oude adres van een record dat een nieuwe naam "
            f"heeft. De link werkt, maar schrijf liever '{current}'"), notice=True)]
    if _is_missing_page(target, here, site):
        return [Problem(display, line, None, (
            f"de link '{target}' wijst naar een pagina die niet bestaat. Een link naar een "
            "record schrijft u als soort:id, zoals procedure:tlv-aanvragen"))]
    return []


def _is_missing_page(target: str, here: str, site: m.Site) -> bool:
    """A relative link to a .md page that neither docs/ nor the content makes."""
    direct = _DIRECT.match(target)
    if direct is None or "://" in target or target.startswith("/"):
        return False
    path = posixpath.normpath(posixpath.join(posixpath.dirname(here), target.split("#")[0]))
    if path.startswith("../") or site.pages.pages is None:
        return False
    folder, _, name = path.rpartition("/")
    if path in site.pages.pages or path in m.GENERATED_PAGES or folder.endswith("/filter"):
        return False
    removed = {f"{e['pad']}.md" for e in (site.verwijderd["paginas"] if site.verwijderd else [])
               if e}
    if path in removed:
        return False
    translated = _translated_record_page(path, site)
    if translated is not None:
        return not translated
    kind = m.FOLDERS.get(folder)
    if kind is not None:
        return name.removesuffix(".md") not in site.records(kind)
    return True


def _translated_record_page(path: str, site: m.Site) -> bool | None:
    """For a path like `en/procedures/x.md`: whether that translated page is made
    (None: not a path of a translated record page)."""
    taal, _, rest = path.partition("/")
    found = site.vertalingen
    if found is None or found.taal(taal) is None:
        return None
    folder, _, name = rest.rpartition("/")
    kind = m.FOLDERS.get(folder)
    if kind is None:
        return None
    return found.of(taal, kind, name.removesuffix(".md")) is not None
