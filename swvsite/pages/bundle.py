"""The site's own stylesheet and script, each served as one small file, and the
stylesheets and scripts of features only some pages have.

The sources in swvsite/assets/ stay readable, one concern per file, with their
comments. A visitor on a phone gets what every page needs as one stylesheet and
one script (one request each, compressed together, comments left out), and a
feature's own file only on a page that shows that feature (`FEATURES`: the
step-by-step, the signal charts, the language switcher and right-to-left, the
instant filters), so the first load stays small as features are added:

- the stylesheet: the organisation's colours (huisstijl), the filter form
  (swvsite.css), the accessibility fixes (toegankelijk.css) and the print styles
  (print.css, all under @media print), in that order, so the cascade is the
  same as with separate files;
- the script: the instant filters (swvsite-filter.js) and keyboard access to the
  menu drawer (toetsenbord.js). Each part runs in its own try block, so an error
  in one (reported to the console as before) does not stop the other, as with
  separate <script> elements.

The minifiers are deliberately small and only do what is safe for these files:
see `minify_css` and `minify_js`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SOURCES = Path(__file__).parent.parent / "assets"

STYLESHEET = "assets/stylesheets/swvsite.min.css"
STYLESHEET_SOURCES = (
    "swvsite.css", "toegankelijk.css", "contactblok.css", "zoeken.css", "print.css",
)

SCRIPT = "assets/javascripts/swvsite.min.js"
SCRIPT_SOURCES = ("toetsenbord.js",)
# The search client runs only on /zoeken/ (swvsite.pages.zoeken): its own small
# file, loaded by that page alone, so every other page's first load stays as it was.
SEARCH_SCRIPT = "assets/javascripts/zoeken.min.js"
SEARCH_SCRIPT_SOURCES = ("zoeken.js",)


@dataclass(frozen=True)
class Feature:
    """Styles or a script that only pages showing `markers` (classes in the finished
    page, or a right-to-left page) need."""

    name: str
    markers: tuple[str, ...]
    stylesheets: tuple[str, ...] = ()
    scripts: tuple[str, ...] = ()

    @property
    def stylesheet_path(self) -> str:
        return f"assets/stylesheets/swvsite-{self.name}.min.css"

    @property
    def script_path(self) -> str:
        return f"assets/javascripts/swvsite-{self.name}.min.js"

    def shown_on(self, page_html: str) -> bool:
        return any(re.search(marker, page_html) for marker in self.markers)


def _class(name: str) -> str:
    return rf'class="(?:[^"]* )?{name}[" ]'


FEATURES: tuple[Feature, ...] = (
    Feature("stappenplan", (_class("swv-stappen"), _class("swv-kerngegevens")),
            stylesheets=("stappenplan.css",)),
    Feature("signalen", (_class("swv-grafiek"), _class("swv-tabel"), _class("swv-rapport-kop")),
            stylesheets=("signalen.css",)),
    Feature("talen",
            (_class("swv-talen"), _class("swv-vertaling-melding"), r'<html [^>]*dir="rtl"'),
            stylesheets=("talen.css",)),
    Feature("filters", (_class("swv-filter"),), scripts=("swvsite-filter.js",)),
)


def feature_files() -> dict[str, str]:
    """Every feature's stylesheet and script: site path -> content."""
    files = {}
    for feature in FEATURES:
        if feature.stylesheets:
            files[feature.stylesheet_path] = minify_css(
                "\n".join(_source(name) for name in feature.stylesheets))
        if feature.scripts:
            files[feature.script_path] = combine_scripts(
                [_source(name) for name in feature.scripts])
    return files


def with_feature_assets(page_html: str, page_path: str) -> str:
    """The finished page of docs/`page_path` with the stylesheets and scripts of the
    features it shows (after the site's own stylesheet, so the cascade is the same as
    in one file; scripts deferred, so they run on the whole page)."""
    prefix = "../" * _page_url(page_path).count("/")
    tags = []
    for feature in FEATURES:
        if not feature.shown_on(page_html):
            continue
        if feature.stylesheets:
            tags.append(f'<link rel="stylesheet" href="{prefix}{feature.stylesheet_path}">')
        if feature.scripts:
            tags.append(f'<script src="{prefix}{feature.script_path}" defer></script>')
    if not tags:
        return page_html
    return page_html.replace("</head>", "\n".join(tags) + "\n</head>", 1)


def _page_url(page_path: str) -> str:
    """The site path of a page in docs/, with directory URLs ('en/ouders.md' -> 'en/ouders/')."""
    if page_path == "index.md" or page_path.endswith("/index.md"):
        return page_path[: -len("index.md")]
    return page_path[:-3] + "/"


def _source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def stylesheet(theme_parts: list[str]) -> str:
    """The site's stylesheet: the theme's parts (the huisstijl's colours, from the
    engine) and the sources."""
    parts = list(theme_parts) + [_source(name) for name in STYLESHEET_SOURCES]
    return minify_css("\n".join(parts))


def script() -> str:
    """The site's script: the sources, each in its own try block."""
    return combine_scripts([_source(name) for name in SCRIPT_SOURCES])


def search_script() -> str:
    """The search page's script (swvsite/assets/zoeken.js)."""
    return combine_scripts([_source(name) for name in SEARCH_SCRIPT_SOURCES])


def combine_scripts(sources: list[str]) -> str:
    """One script from several. An exception in one part is rethrown outside it
    (a timer), so it still reaches the console and the parts after it still run."""
    parts = []
    for source in sources:
        code = minify_js(source)
        if code.lstrip().startswith(('"use strict"', "'use strict'")):
            # Inside a try block it would no longer be a directive.
            raise ValueError("a script part may only use strict mode inside its function")
        parts.append(f"try{{\n{code}}}catch(e){{setTimeout(function(){{throw e}})}}\n")
    return "".join(parts)


_TIGHT = frozenset("{};,")


def minify_css(text: str) -> str:
    """Comments left out and white space folded; strings kept exactly as written.

    White space is only dropped next to `{`, `}`, `;` and `,`, never next to
    `:`, `(` or a combinator: `.a :hover` (a descendant) is not `.a:hover`, and
    `and (max-width: 30em)` needs its space. A `;` right before `}` goes."""
    out: list[str] = []
    space = False
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in "\"'":
            end = i + 1
            while end < n and text[end] != char:
                if text[end] == "\n":
                    raise ValueError(f"CSS: string without its closing {char} ({text[i:i + 40]!r})")
                end += 2 if text[end] == "\\" else 1
            if end >= n:
                raise ValueError(f"CSS: string without its closing {char} ({text[i:i + 40]!r})")
            token, i = text[i:end + 1], end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise ValueError(f"CSS: comment without its closing */ ({text[i:i + 40]!r})")
            i = end + 2
            space = True  # a comment separates what is around it, like white space
            continue
        elif char.isspace():
            space, i = True, i + 1
            continue
        elif char == "\\":
            token, i = text[i:i + 2], i + 2  # an escape: the next character as written
        else:
            token, i = char, i + 1
        if space and out and out[-1] not in _TIGHT and token not in _TIGHT:
            out.append(" ")
        space = False
        if token == "}" and out and out[-1] == ";":
            out.pop()
        out.append(token)
    return "".join(out) + "\n"


def minify_js(text: str) -> str:
    """Lines that are only a comment, blank lines and indentation left out.

    Every other line stays as written, and lines stay lines: no string, regular
    expression or automatic semicolon can change. Template literals and strings
    continued over a line end (where a line's start would be data) are refused."""
    if "`" in text:
        raise ValueError("JavaScript: template literals are not supported here")
    lines: list[str] = []
    in_comment = False
    for raw in text.splitlines():
        if raw.endswith("\\"):
            raise ValueError(f"JavaScript: a line may not end in a backslash ({raw.strip()!r})")
        line = raw.strip()
        if in_comment:
            end = line.find("*/")
            if end < 0:
                continue
            in_comment = False
            line = line[end + 2:].strip()
        if not line or line.startswith("//"):
            continue
        if line.startswith("/*"):
            end = line.find("*/", 2)
            if end < 0:
                in_comment = True
                continue
            if end == len(line) - 2:
                continue  # the whole line is one comment
        lines.append(line)
    if in_comment:
        raise ValueError("JavaScript: comment without its closing */")
    return "\n".join(lines) + "\n"
