"""A Python-Markdown extension: the last line of defence at HTML level.

Any link or image whose address is not http(s), mailto:, tel: or relative
loses it (`swvsite.pages.safe.is_safe_url`). The swvsite plugin adds this module
to every site's `markdown_extensions` (swvsite.engine.plugin.SAFE_LINKS).
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from swvsite.pages.safe import is_safe_url


class _SafeLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_url(value):
                    del element.attrib[attribute]


class SafeLinksExtension(Extension):
    """Python-Markdown extension: strip unsafe link and image addresses."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.treeprocessors.register(_SafeLinks(md), "swvsite_safe_links", -100)


def makeExtension(**kwargs: Any) -> SafeLinksExtension:  # noqa: N802 - Markdown's API name
    return SafeLinksExtension(**kwargs)
