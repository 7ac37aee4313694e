"""What swvsite knows of Material for MkDocs' theme: its colour variables.

The organisation's palette (swvsite.content.huisstijl.kleuren) as the CSS
variables of Material's palette `custom`. Another theme replaces this module.
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
