"""swvsite: the static site generator for an ouder- en jeugdsteunpunt passend onderwijs."""

from swvsite.engine import choice

__version__ = "0.1.0"

# Before anything imports MkDocs: SWVSITE_ENGINE=properdocs makes `mkdocs` ProperDocs.
try:
    choice.activate()
except choice.UnknownEngine as exc:
    raise SystemExit(str(exc)) from None
