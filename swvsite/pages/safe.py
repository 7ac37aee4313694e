"""Content text is data: turn it into Markdown that shows exactly that text.

`text` is for plain text fields: every character that means something to
Markdown, HTML, its extensions or Jinja is escaped, so the text shows as typed.
`markdown` is for the few fields that allow a small Markdown subset: HTML,
attribute lists, images, headings and block extensions are neutralised, the
rest (paragraphs, lists, emphasis, links) is kept.

The Markdown extension that drops unsafe addresses from the HTML is
swvsite.engine.safelinks.SafeLinksExtension.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import quote

from swvsite.content import model as m

# ASCII punctuation with a meaning in Markdown or one of the enabled extensions.
# Escaped with a backslash; pymdownx.escapeall makes that work for every one.
_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|~^=:$"
# Markdown specials get a backslash; &, < and > become HTML entities.
_TEXT_ESCAPES = {**{c: "\\" + c for c in _MARKDOWN_SPECIALS},
                 "&": "&amp;", "<": "&lt;", ">": "&gt;"}
_TEXT_SPECIALS = re.compile("[" + re.escape(_MARKDOWN_SPECIALS) + "&<>]")


def text(value: str | None) -> str:
    """Plain text as one inline Markdown run (white space folded)."""
    if not value:
        return ""
    folded = " ".join(str(value).split())
    return _TEXT_SPECIALS.sub(lambda special: _TEXT_ESCAPES[special.group()], folded)


def paragraphs(value: str | None) -> str:
    """Plain text as Markdown paragraphs: blank lines in the text are kept."""
    if not value:
        return ""
    blocks = re.split(r"\n\s*\n", str(value).strip())
    return "\n\n".join(text(block) for block in blocks if block.strip())


_BLOCK_TRIGGERS = re.compile(r"^(\s*)(#|!!!|\?\?\?|\*\[|\[\^|:::|\+\+\+|---\s*$|===)", re.M)
_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)>?([^)]*)\)")


# Turns a link to the site itself (`procedure:tlv-aanvragen#stap-2`) into the
# address of that page relative to the page being made; None if there is none.
SiteLink = Callable[[str], "str | None"]


def markdown(value: str | None, site_link: SiteLink | None = None) -> str:
    """A Markdown field, restricted to paragraphs, lists, emphasis and safe links.
    Links to the site itself (`soort:id`) become relative links with `site_link`;
    without it they lose their address and keep their text."""
    if not value:
        return ""
    result = str(value).strip().replace("\t", "    ")
    result = re.sub(r"&(?=#|[A-Za-z][A-Za-z0-9]*;)", "&amp;", result)
    result = result.replace("<", "&lt;").replace(">", "&gt;")
    result = result.replace("{", "\\{").replace("}", "\\}")
    result = result.replace("![", "!\\[")
    result = _BLOCK_TRIGGERS.sub(lambda m: m.group(1) + "\\" + m.group(2), result)
    result = lists_apart(result)
    return _LINK.sub(lambda match: _safe_link(match, site_link), result)


# A line that starts a list item: "- ", "* ", "+ ", "1. " or "1) ".
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]+\S")


def lists_apart(value: str) -> str:
    """A list that staff type directly under a line of text ("Zet deze stappen:"
    and then "- neem contact op") is a list, as it looks in the editor: Markdown
    would make it part of the paragraph, so a blank line is put before it. Lines
    indented under a list item (its continuation) are left as they are."""
    lines = value.split("\n")
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        if (_LIST_ITEM.match(line) and previous.strip()
                and not _LIST_ITEM.match(previous) and not previous.startswith((" ", "\t"))):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _safe_link(match: re.Match, site_link: SiteLink | None = None) -> str:
    target, rest = match.group(1), match.group(2)
    if site_link is not None and SITE_LINK.match(target):
        address = site_link(target)
        return f"]({address}{rest})" if address else "]()"
    if not is_safe_url(target):
        return "]()"
    return f"]({target}{rest})"


# `soort:id` or `soort:id#anker`: a link to a record or page of the site (the
# checks make sure it exists).
SITE_LINK = m.SITE_LINK


_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def is_safe_url(url: str) -> bool:
    """http(s), mailto:, tel:, or a relative address (no scheme at all)."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url or ""))
    scheme = _SCHEME.match(cleaned)
    return not scheme or scheme.group(0).lower() in _SAFE_SCHEMES


def link(label: str, url: str) -> str:
    """A Markdown link with escaped label; the address is percent-encoded."""
    return f"[{text(label)}]({quote(url, safe=':/?#[]@!$&*+,;=%~.-_')})"


def tel_url(number: str) -> str:
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("0") and not digits.startswith(("0800", "0900")):
        digits = "+31" + digits[1:]
    return f"tel:{digits}"
