"""What swvsite knows of Material for MkDocs' theme. Another theme replaces this module.

- its colour variables: the organisation's palette
  (swvsite.content.huisstijl.kleuren) as the CSS variables of Material's palette
  `custom`;
- what its built output holds (for `swvsite check-site`): which features make
  a page fetch from another website, and which addresses its script bundle
  names only for such a feature.
"""

from __future__ import annotations

from typing import Any

from swvsite.content import model as m
from swvsite.content.huisstijl import kleuren


def css(site: m.Site) -> str:
    """Material for MkDocs colour variables for the palette `custom`."""
    p = kleuren(site)
    return f""":root, [data-md-color-primary=custom], [data-md-color-accent=custom] {{
  --md-primary-fg-color: {p['primair']};
  --md-primary-fg-color--light: {p['primair']};
  --md-primary-fg-color--dark: {p['primair']};
  --md-primary-bg-color: {p['tekst_op_primair']};
  --md-primary-bg-color--light: {p['tekst_op_primair']}b3;
  --md-accent-fg-color: {p['accent']};
  --md-accent-fg-color--transparent: {p['accent']}1a;
  --md-typeset-a-color: {p['primair']};
}}
"""


def palette_css(site: m.Site) -> list[str]:
    """The stylesheet parts for the organisation's colours (none without a huisstijl)."""
    return [css(site)] if site.organisatie["huisstijl"] else []


def use_custom_palette(theme: Any) -> None:
    """Tell Material to take its colours from the variables of `css`."""
    theme["palette"] = {"primary": "custom", "accent": "custom"}


# A marker in a page's HTML -> what the feature makes the browser fetch elsewhere.
FEATURES = {
    'data-md-component="source"': "de link naar de broncode (repo_url) laat Material "
                                  "gegevens ophalen bij GitHub of GitLab",
    'class="mermaid"': "een Mermaid-diagram laat Material mermaid.min.js ophalen bij unpkg.com",
}

# Material's bundle fetches from these only for a feature, which the pages then show
# (checked there, see FEATURES); older browsers without ResizeObserver (none that
# Material supports today) load a polyfill.
_FEATURE_URLS = ("https://api.github.com/", "https://${", "https://unpkg.com/mermaid@",
                 "https://unpkg.com/resize-observer-polyfill")


def fetched_only_for_a_feature(file_name: str, url: str) -> bool:
    """Whether `url` in the theme's script or style `file_name` is one it fetches
    only for a feature a page must use (found on that page instead)."""
    return file_name.startswith("bundle.") and url.startswith(_FEATURE_URLS)
