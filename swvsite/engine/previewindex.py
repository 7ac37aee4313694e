"""The preview's search index, written after each rebuild instead of in it.

Building the index reads every finished page (about 2 s at 10x, several times
the rest of an edit's rebuild), so `swvsite serve` shows an edit first and a
separate process (its own core, not the server's) replaces the index a moment
later; the previous index is searched meanwhile. The next rebuild stops a
process that is still at work: only the newest site's index is written.

    python -m swvsite.engine.previewindex SITE_DIR CONTENT_DIR
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.swvsite")


class LaterIndex:
    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def schedule(self, site_dir: Path, content_dir: Path) -> None:
        """Write the index of the site just built, in a process of its own."""
        self.stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "swvsite.engine.previewindex", str(site_dir),
             str(content_dir)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def stop(self) -> None:
        """Stop the index of an earlier build (a rebuild starts); say why it failed."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            process.wait()
            return
        errors = (process.stderr.read() if process.stderr else "").strip().splitlines()
        if process.returncode:
            log.warning("De zoekindex van de voorvertoning is niet bijgewerkt: "
                        f"{errors[-1] if errors else process.returncode}")

    def wait(self, timeout: float | None = None) -> None:
        """Until the index being written is there (tests)."""
        if self.process is not None:
            self.process.wait(timeout)


def main(site_dir: str, content_dir: str) -> int:
    from swvsite.content.load import load_site
    from swvsite.pages import zoekindex

    site = Path(site_dir)
    zoekindex.replace(site, zoekindex.index_files(site, load_site(content_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
