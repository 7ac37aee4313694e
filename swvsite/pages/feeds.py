"""News feeds: Atom and JSON Feed 1.1, built from the nieuws records.

Feeds need absolute addresses, so they are written only when mkdocs.yml has a
`site_url`. Every value from content is XML-escaped (Atom) or JSON-encoded.
"""

from __future__ import annotations

import json

from swvsite.content import model as m
from swvsite.pages.nieuws import nieuws_sorted


# xml.sax.saxutils' escape and quoteattr, here because that module imports
# urllib and ssl (10 ms at every start of swvsite) for these two small functions.
def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace('"', "&quot;") + '"'


ATOM_PATH = "nieuws/atom.xml"
JSON_PATH = "nieuws/feed.json"
MAX_ITEMS = 50


def _url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def _item_url(site_url: str, record: m.Record) -> str:
    return _url(site_url, f"{record.type.folder}/{record.id}/")


def _timestamp(record: m.Record) -> str:
    return f"{record['datum'].isoformat()}T00:00:00Z"


def atom(site: m.Site, site_url: str) -> str:
    items = nieuws_sorted(site)[:MAX_ITEMS]
    name = site.organisatie["naam"]
    updated = _timestamp(items[0]) if items else "1970-01-01T00:00:00Z"
    entries = "".join(f"""
  <entry>
    <id>{escape(_item_url(site_url, n))}</id>
    <title>{escape(n.title)}</title>
    <link rel="alternate" type="text/html" href={quoteattr(_item_url(site_url, n))}/>
    <updated>{_timestamp(n)}</updated>
    <published>{_timestamp(n)}</published>
    <summary>{escape(n['samenvatting'])}</summary>
  </entry>""" for n in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
  <id>{escape(_url(site_url, "nieuws/"))}</id>
  <title>{escape(f"Nieuws van {name}")}</title>
  <link rel="self" type="application/atom+xml" href={quoteattr(_url(site_url, ATOM_PATH))}/>
  <link rel="alternate" type="text/html" href={quoteattr(_url(site_url, "nieuws/"))}/>
  <updated>{updated}</updated>
  <author><name>{escape(name)}</name></author>{entries}
</feed>
"""


def json_feed(site: m.Site, site_url: str) -> str:
    items = nieuws_sorted(site)[:MAX_ITEMS]
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"Nieuws van {site.organisatie['naam']}",
        "home_page_url": _url(site_url, "nieuws/"),
        "feed_url": _url(site_url, JSON_PATH),
        "language": "nl",
        "authors": [{"name": site.organisatie["naam"]}],
        "items": [
            {
                "id": _item_url(site_url, n),
                "url": _item_url(site_url, n),
                "title": n.title,
                "summary": n["samenvatting"],
                "content_text": "\n\n".join(x for x in (n["samenvatting"], n["tekst"]) if x),
                "date_published": _timestamp(n),
            }
            for n in items
        ],
    }
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
