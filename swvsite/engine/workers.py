"""Rendering pages in other processes, for swvsite.engine.build.

The build shares the pages out (`share_out`); each `Worker` is a forked process
that renders and writes its share and sends back, per page, what the build
needs of it (`Outcome`) and its log records.
"""

from __future__ import annotations

import logging
import marshal
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.exceptions import BuildError
from mkdocs.structure.files import File

from swvsite.engine.background import fork_with_pipe
from swvsite.engine.choice import engine_logger

if TYPE_CHECKING:
    from swvsite.engine.build import _Build

# Below this many pages to render, starting processes costs more than it saves.
MIN_PAGES_PER_PROCESS = 40


class WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


@dataclass
class Outcome:
    """What the build needs of a page rendered here or in another process."""

    output: bytes | None
    title: str | None
    anchors: list[str]
    links: dict[str, dict[str, str]]
    entries: list[dict]
    hashes: list[str]
    clean: bool  # no warning while rendering it

    def as_tuple(self) -> tuple:
        return (self.output, self.title, self.anchors, self.links, self.entries,
                self.hashes, self.clean)




def share_out(todo: list[File], jobs: int) -> list[list[File]]:
    """At most `jobs` shares of about equal work (largest sources first, each to
    the share with the least so far); the first share is this process's."""
    count = min(jobs, max(1, len(todo) // MIN_PAGES_PER_PROCESS))
    shares: list[list[File]] = [[] for _ in range(count)]
    loads = [0] * count
    for file in sorted(todo, key=_size, reverse=True):
        least = loads.index(min(loads))
        shares[least].append(file)
        loads[least] += _size(file)
    return shares


def _size(file: File) -> int:
    page = file.page
    if page is not None and page.markdown is not None:
        return len(page.markdown)
    return len(file.content_bytes)


class _Captured(logging.Handler):
    """A worker's log records, sent back to be logged by the main process."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


@dataclass
class Worker:
    pid: int
    pipe: int

    @classmethod
    def start(cls, build: _Build, share: list[File]) -> Worker:
        pid, pipe = fork_with_pipe(lambda: _work(build, share))
        return cls(pid, pipe)

    def stop(self) -> None:
        """The build failed elsewhere: wait for this process without its results."""
        os.close(self.pipe)
        os.waitpid(self.pid, 0)

    def finish(self) -> dict[str, Outcome]:
        with os.fdopen(self.pipe, "rb") as stream:
            data = stream.read()
        os.waitpid(self.pid, 0)
        kind, records, detail = marshal.loads(data) if data else ("crash", [], "")
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        if kind == "ok":
            return {uri: Outcome(*values) for uri, values in detail.items()}
        if kind == "build-error":
            raise BuildError(detail)
        raise RuntimeError(f"a process rendering pages stopped: {detail or 'no reason given'}")


def _work(build: _Build, share: list[File]) -> bytes:
    """In a worker: render and write the share's pages; their outcomes as bytes."""
    logger = engine_logger()
    captured = _Captured()
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(captured)
    build.warnings = WarningCounter()
    logger.addHandler(build.warnings)
    try:
        outcomes = {file.src_uri: build._make(file).as_tuple() for file in share}
    except BuildError as e:
        return marshal.dumps(("build-error", captured.records, str(e)))
    except Exception as e:  # noqa: BLE001 - reported in the main process
        return marshal.dumps(("error", captured.records, f"{type(e).__name__}: {e}"))
    return marshal.dumps(("ok", captured.records, outcomes))


