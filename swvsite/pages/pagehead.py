"""What a page's <head> gets from the content: the meta description, Open Graph
and Twitter card meta, and the page's JSON-LD in one <script> element.

`json_script` makes sure nothing in the data can end the <script> element it
sits in; every meta value is HTML-escaped.
"""

from __future__ import annotations

import json
from html import escape

from swvsite.content import model as m
from swvsite.pages.addresses import CONTACT_PAGE, HOME_PAGE, absolute_url
from swvsite.pages.jsonld import jsonld, structured_record
from swvsite.pages.plaintext import plain


def json_script(data: dict | list) -> str:
    """A <script type="application/ld+json"> element. `</` becomes `<\\/` and
    `<!--` becomes `<\\u0021--` (both the same JSON), so no text in the data can
    close the element or switch the HTML parser into a state where it would not
    see the closing tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("<!--", "<\\u0021--")
    return f'<script type="application/ld+json">{text}</script>'


def description(site: m.Site, page_path: str) -> str | None:
    """The samenvatting of the page's record (the steunpunt's on the home and
    contact pages) for <meta name="description">; None for other pages."""
    return _description(site, page_path)


def _description(site: m.Site, page_path: str) -> str | None:
    if page_path in (HOME_PAGE, CONTACT_PAGE):
        return plain(site.organisatie["samenvatting"])
    record = structured_record(site, page_path)
    return plain(record["samenvatting"]) if record is not None else None


def opengraph(site: m.Site, page_path: str, site_url: str | None, title: str | None,
              description: str | None = None) -> dict[str, str]:
    """Open Graph and Twitter card meta, name -> content (not escaped yet).
    Record pages use their own title and samenvatting, the home page the
    steunpunt's name; other pages `title` and `description` (say, the page's
    meta description or the site's)."""
    record = structured_record(site, page_path)
    if record is not None:
        page_title = plain(record.title)
    elif page_path == HOME_PAGE:  # its nav title is "Home"
        page_title = plain(site.organisatie["naam"])
    else:
        page_title = plain(title)
    text = _description(site, page_path) or plain(description)
    tags = {
        "og:title": page_title or plain(site.organisatie["naam"]),
        "og:description": text,
        "og:type": "website" if page_path == HOME_PAGE else "article",
        "og:url": absolute_url(site_url, page_path),
        "og:locale": "nl_NL",
        "og:site_name": plain(site.organisatie["naam"]),
        "twitter:card": "summary",
    }
    return {k: v for k, v in tags.items() if v}


def meta_tags(tags: dict[str, str]) -> str:
    """<meta> elements for `opengraph`'s result: og:* as property=, the rest as
    name=; every value HTML-escaped."""
    lines = []
    for key, value in tags.items():
        attribute = "property" if key.startswith("og:") else "name"
        lines.append(f'<meta {attribute}="{escape(key, quote=True)}" '
                     f'content="{escape(value, quote=True)}">')
    return "\n".join(lines)


def head_html(site: m.Site, page_path: str, site_url: str | None, title: str | None,
              description: str | None = None) -> str:
    """Everything this module adds to a page's <head>: Open Graph meta and one
    JSON-LD script (if the page has structured data)."""
    parts = [meta_tags(opengraph(site, page_path, site_url, title, description))]
    nodes = jsonld(site, page_path, site_url)
    if nodes:
        parts.append(json_script(nodes if len(nodes) > 1 else nodes[0]))
    return "\n".join(parts) + "\n"
