"""Links that never break: redirects from old ids to a record's current page.

A record keeps its previous ids in `oude_ids`; every old address gets a small
page that sends the visitor on to the new one, keeping the #anchor (so
`/procedures/oude-naam/#stap-2` lands on step 2 of the renamed procedure).
An address that is gone for good (`verwijderd.yml`) gets a page that says so and
where to go instead.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass

from swvsite.content import model as m
from swvsite.content.problems import Problem
from swvsite.pages import safe
from swvsite.pages.addresses import CONTACT_PAGE
from swvsite.pages.markup import FRONT_MATTER, GeneratedPage, heading, join, page_link, titled

REDIRECT_SCRIPT = "assets/javascripts/swvsite-redirect.js"

# Kept in a file, not inline, so the strict Content-Security-Policy allows it.
REDIRECT_JS = """// Sends the visitor from an old address to the new page, keeping the #anchor.
(function () {
  var link = document.getElementById("swvsite-doel");
  if (link) location.replace(link.href + location.hash);
})();
"""


@dataclass(frozen=True)
class Redirect:
    old: str  # output folder of the old address, e.g. "procedures/oude-naam/"
    new: str  # output folder of the current page, e.g. "procedures/tlv-aanvragen/"
    title: str


def redirects(site: m.Site) -> list[Redirect]:
    found = []
    for type_name in m.RENAMEABLE:
        for record in site.records(type_name).values():
            title = record.title
            for old in record["oude_ids"]:
                found.append(Redirect(f"{record.type.folder}/{old}/",
                                      f"{record.type.folder}/{record.id}/", title))
    return found


def problems(site: m.Site) -> list[Problem]:
    """An old id may not be in use by another record, nor claimed twice."""
    found = []
    claimed: dict[tuple[str, str], m.Record] = {}
    for type_name in m.RENAMEABLE:
        records = site.records(type_name)
        for record in records.values():
            for index, old in enumerate(record["oude_ids"], start=1):
                field = f"oude_ids[{index}]"
                line = record.line_of(field)
                if old in records:
                    found.append(Problem(record.path, line, field,
                                         f"'{old}' is de id van een bestaand record "
                                         f"({records[old].path}); een oude id moet vrij zijn"))
                elif (record.type.name, old) in claimed:
                    other = claimed[(record.type.name, old)]
                    found.append(Problem(record.path, line, field,
                                         f"'{old}' staat ook bij {other.path} als oude id"))
                claimed[(record.type.name, old)] = record
    seen: dict[str, str] = {}
    for thema, vraag in site.vragen():
        for old in vraag["oude_ids"]:
            if old in seen:
                found.append(Problem(thema.path, None, "oude_ids",
                                     f"de oude vraag-id '{old}' wordt al gebruikt in {seen[old]}"))
            seen[old] = thema.path
    return found


def redirect_page(redirect: Redirect, site_url: str | None, csp_meta: str) -> str:
    """A tiny HTML page at the old address (output folder `redirect.old`)."""
    target = posixpath.relpath(redirect.new, redirect.old) + "/"
    script = posixpath.relpath(REDIRECT_SCRIPT, redirect.old)
    canonical = (site_url.rstrip("/") + "/" + redirect.new) if site_url else target
    title = html.escape(redirect.title)
    return f"""<!doctype html>
<html lang="nl">
<head>
{csp_meta}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Deze pagina is verhuisd: {title}</title>
<link rel="canonical" href="{html.escape(canonical)}">
<meta http-equiv="refresh" content="0; url={html.escape(target)}">
</head>
<body>
<p>Deze pagina is verhuisd. U vindt haar nu hier:
<a id="swvsite-doel" href="{html.escape(target)}">{title}</a>.</p>
<script src="{html.escape(script)}"></script>
</body>
</html>
"""


# --------------------------------------------------------------------------
# Removed pages (verwijderd.yml): "deze pagina bestaat niet meer"
# --------------------------------------------------------------------------


def removed_pages(site: m.Site, resolve) -> list[GeneratedPage]:
    """A page at every removed address, pointing to `naar`. `resolve` turns a site
    path such as `procedures` into the source page (`procedures/index.md`) or None."""
    if not site.verwijderd:
        return []
    pages = []
    for entry in site.verwijderd["paginas"]:
        if not entry:
            continue
        path = f"{entry['pad']}.md"
        pages.append(GeneratedPage(path, _removed_page(path, entry["uitleg"],
                                                       resolve(entry["naar"]))))
    return pages


def _removed_page(path: str, uitleg: str, target: str) -> str:
    title = "Deze pagina bestaat niet meer"
    contact = page_link(path, "Neem contact op met het steunpunt", CONTACT_PAGE)
    return titled(FRONT_MATTER, title) + join(
        heading(1, title),
        safe.paragraphs(uitleg),
        f"Verder lezen: {page_link(path, 'ga naar deze pagina', target)}.",
        f"Komt u er niet uit? {contact}.",
    )
