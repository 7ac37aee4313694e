"""Which MkDocs engine builds the site: MkDocs 1.6 itself or ProperDocs 1.6.

MkDocs 1.x is no longer maintained; ProperDocs (`pip install properdocs`) is
its community continuation, with the same configuration, plugin events and
themes. Its package is `properdocs`; once `properdocs.replacement` is imported,
every `import mkdocs...` in the process (swvsite's engine code, Material,
mkdocs-macros) gets the `properdocs...` module of the same name. Both packages
can be installed side by side: nothing is redirected until a process asks for
ProperDocs.

The engine is chosen by the environment variable `SWVSITE_ENGINE` (`mkdocs`,
the default, or `properdocs`), read when swvsite is imported and before
anything imports MkDocs. A process that an engine's own command started
(`mkdocs build`, `properdocs build`) keeps that engine: `active()` says which
one really runs.

This module does not import MkDocs itself, so it can be imported first.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys

VARIABLE = "SWVSITE_ENGINE"
ENGINES = ("mkdocs", "properdocs")
DEFAULT = "mkdocs"


class UnknownEngine(ValueError):
    pass


def chosen() -> str:
    """The engine SWVSITE_ENGINE asks for (the default when it is not set)."""
    value = os.environ.get(VARIABLE, "").strip().lower() or DEFAULT
    if value not in ENGINES:
        raise UnknownEngine(f"{VARIABLE}={value!r} is geen bekende bouwer; "
                            f"kies uit {', '.join(ENGINES)}")
    return value


def activate() -> str:
    """Make `import mkdocs` give the chosen engine, unless an engine is already
    loaded in this process (then that one stays). Returns the active engine."""
    if "mkdocs" not in sys.modules and chosen() == "properdocs":
        importlib.import_module("properdocs.replacement")
    if active() == "properdocs":
        # As ProperDocs' own command does: plugins log on `mkdocs.*`.
        logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")
    return active()


def active() -> str:
    """The engine `import mkdocs` gives in this process (without importing it
    when nothing did yet: then the one `activate` would choose)."""
    module = sys.modules.get("mkdocs")
    if module is None:
        return chosen()
    return "properdocs" if module.__name__ == "properdocs" else "mkdocs"


def root_logger() -> str:
    """The name of the logger every message of a build arrives at.

    MkDocs logs on `mkdocs.*`. ProperDocs logs on `properdocs.*`, while plugins
    (swvsite's own engine code, Material, mkdocs-macros) keep logging on
    `mkdocs.*`: `activate` makes `mkdocs` a child of `properdocs`, as ProperDocs'
    own command does, so `properdocs` hears both."""
    return active()


def version() -> str:
    """`name version` of the active engine."""
    from importlib import metadata

    name = active()
    return f"{name} {metadata.version(name)}"


def command(name: str | None = None) -> list[str]:
    """The engine's own command line (`python -m mkdocs` or `python -m properdocs`)."""
    return [sys.executable, "-m", name or active()]


def engine_logger() -> logging.Logger:
    """The logger all of the engine's messages arrive at: `mkdocs`, or `properdocs`
    under ProperDocs. Strict mode counts its warnings; staff read it in Dutch."""
    return logging.getLogger(root_logger())
