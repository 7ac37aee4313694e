"""What the build, the preview and publish ask of the swvsite plugin.

They talk to it through this small protocol, never by writing into its
attributes: the plugin (swvsite.engine.plugin.SwvsitePlugin) is one
implementation, a test double or another engine's adapter could be another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol, cast

from swvsite.content import model as m

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class SwvsiteHooks(Protocol):
    @property
    def loaded_site(self) -> m.Site | None:
        """The content the last build loaded (None before one)."""

    def prepare_build(self, *, streng: bool = False,
                      when_loaded: Callable[[m.Site], None] | None = None) -> None:
        """Settings for the next build: `streng` refuses overdue records;
        `when_loaded(site)` is called once, as soon as the content is loaded."""

    def add_script_hashes(self, hashes: Iterable[str]) -> None:
        """Hashes of inline scripts on a page that did not pass the plugin's
        on_post_page (a page from the cache) for the site's headers."""

    def script_hashes_of(self, src_uri: str) -> list[str]:
        """The hashes of the inline scripts of the page made from `src_uri`."""

    def page_dependencies(self, src_uri: str) -> str:
        """What a page is made of besides its Markdown, as a digest (page cache)."""


def swvsite_plugin(config: MkDocsConfig) -> SwvsiteHooks | None:
    """The swvsite plugin of a loaded configuration (None when it is not used)."""
    plugin = config.plugins.get("swvsite")
    return cast("SwvsiteHooks", plugin) if plugin is not None else None
