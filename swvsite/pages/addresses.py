"""Where pages are: the source paths of the well-known pages and the public
address of any page.

A source path is relative to docs/, as `Record.page` (`procedures/tlv-aanvragen.md`);
its public address follows MkDocs' directory URLs (`procedures/tlv-aanvragen/`).
Without a `site_url` there is no absolute address.
"""

from __future__ import annotations

HOME_PAGE = "index.md"
CONTACT_PAGE = "contact.md"
BEGRIPPEN_PAGE = "begrippen.md"


def url_path(page_path: str) -> str:
    """The site-relative address of a source page (directory URLs, no leading /):
    `index.md` -> ``, `contact.md` -> `contact/`, `scholen/index.md` -> `scholen/`."""
    stem = page_path[:-3] if page_path.endswith(".md") else page_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def absolute_url(site_url: str | None, page_path: str, anchor: str | None = None) -> str | None:
    """The absolute address of a page (and anchor), or None without a site_url."""
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + url_path(page_path) + (f"#{anchor}" if anchor else "")


def file_url(site_url: str | None, path: str) -> str:
    """A file's address (`data/index.json`): absolute with a site_url, else from the root."""
    if not site_url:
        return "/" + path
    return (site_url if site_url.endswith("/") else site_url + "/") + path


def export_url(site_url: str | None, page_path: str, anchor: str | None = None) -> str:
    """For the exports: absolute with a site_url, else a path from the site root."""
    return absolute_url(site_url, page_path, anchor) or (
        "/" + url_path(page_path) + (f"#{anchor}" if anchor else ""))
