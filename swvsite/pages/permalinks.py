"""The link after each heading (the Markdown toc extension's permalink, ¶).

It stays for those who copy a link to a section (it shows on hover and when
the heading is the target), but it is no stop on the Tab key: a keyboard user
would otherwise pass one ¶ after every heading on the way to the content. The
heading ids stay as the toc extension makes them.
"""

from __future__ import annotations

import re

_PERMALINK = re.compile(r'<a class="headerlink"(?![^>]*\btabindex=)')


def quiet_permalinks(html: str) -> str:
    """`html` with every heading permalink taken out of the tab order."""
    return _PERMALINK.sub('<a class="headerlink" tabindex="-1"', html)
