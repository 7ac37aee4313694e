"""Security headers: a strict Content-Security-Policy and friends.

The site loads nothing from other hosts and sets no cookies, so the policy can
be strict: everything from the site itself, inline scripts only by hash. The
same policy is written three ways: a <meta> tag in every page (works on any
host, including GitHub Pages), `_headers` (Netlify, Cloudflare Pages) and an
nginx snippet.
"""

from __future__ import annotations

import base64
import hashlib
import re

# <script> elements without src whose content a browser would execute.
_INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s+(?!src\b)[\w-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>"
    r"(?P<body>.*?)</script>", re.S | re.I)
_NON_JS_TYPE = re.compile(r"\btype=[\"']?(?!text/javascript|module|application/javascript)"
                          r"[\w/+.-]+", re.I)


# The theme's own inline scripts (Material for MkDocs). Only these are allowed
# by hash; any other inline script on a page is an error, never whitelisted.
THEME_SCRIPT_PREFIXES = (
    "__md_scope=new URL(",
    "var target=document.getElementById(location.hash.slice(1))",
    'var palette=__md_get("__palette")',
)


class UnexpectedScript(Exception):
    """A page holds an inline script that is not the theme's own."""


_SCRIPT_START = re.compile(r"<script", re.I)


def inline_scripts(html: str) -> list[str]:
    """The bodies of the executable inline scripts of a page."""
    bodies = []
    end = 0
    for start in _SCRIPT_START.finditer(html):  # cheap: finds the few candidates
        if start.start() < end:
            continue  # inside a script already found
        match = _INLINE_SCRIPT.match(html, start.start())
        if match is None:
            continue  # a script with src, or not a script element at all
        end = match.end()
        if not _NON_JS_TYPE.search(match.group("attrs") or ""):
            bodies.append(match.group("body"))
    return bodies


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-...') for the executable inline scripts."""
    return _hashes(inline_scripts(html))


def _hashes(bodies: list[str]) -> list[str]:
    hashes = []
    for body in bodies:
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def check_inline_scripts(html: str) -> None:
    """Raise UnexpectedScript when a page has an inline script the theme did not write."""
    _check(inline_scripts(html))


def _check(bodies: list[str]) -> None:
    for body in bodies:
        if not body.startswith(THEME_SCRIPT_PREFIXES):
            raise UnexpectedScript(body[:80])


def content_security_policy(script_hashes: list[str], *, for_meta: bool = False) -> str:
    directives = [
        "default-src 'none'",
        "script-src 'self' " + " ".join(script_hashes) if script_hashes else "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
    ]
    if not for_meta:  # not allowed in a <meta> policy
        directives.append("frame-ancestors 'none'")
    return "; ".join(d.strip() for d in directives)


def security_headers(script_hashes: list[str]) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                              "interest-cohort=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Strict-Transport-Security": "max-age=31536000",
    }


_HEAD = re.compile(r"<head[^>]*>", re.I)


def meta_tag(script_hashes: list[str]) -> str:
    policy = content_security_policy(script_hashes, for_meta=True)
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def add_meta_policy(html: str) -> tuple[str, list[str]]:
    """The page with its policy as the first element of <head>, and the hashes used.
    Raises UnexpectedScript for an inline script that is not the theme's."""
    bodies = inline_scripts(html)
    _check(bodies)
    hashes = _hashes(bodies)
    head = _HEAD.search(html)
    if not head:
        return html, hashes
    return html[: head.end()] + "\n" + meta_tag(hashes) + html[head.end():], hashes


def netlify_headers(script_hashes: list[str]) -> str:
    """`_headers` for Netlify and Cloudflare Pages."""
    lines = ["/*"] + [f"  {k}: {v}" for k, v in security_headers(script_hashes).items()]
    return "\n".join(lines) + "\n"


def nginx_snippet(script_hashes: list[str]) -> str:
    """An nginx include with the same headers (`include .../security-headers.conf;`)."""
    lines = ["# Security headers for the steunpunt site; generated by swvsite build."]
    lines += [f'add_header {k} "{v}" always;' for k, v in security_headers(script_hashes).items()]
    return "\n".join(lines) + "\n"
