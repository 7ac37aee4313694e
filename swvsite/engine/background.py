"""Work done by a second process while this one goes on building.

`swvsite build` prints a B1 language summary of all content (swvsite.content.taal). It
needs only the loaded content, not the built site, so it is worked out in a
forked process from the moment the content is loaded, on a core the build
leaves free much of the time, and collected when the build is done. Where a
process cannot be forked (no os.fork, or threads running, as in the preview
server) the work is done when its result is asked for.
"""

from __future__ import annotations

import marshal
import os
import signal
import threading
from collections.abc import Callable
from typing import Any


def can_fork() -> bool:
    """Whether this process may fork: the system can, and no other thread runs
    (a forked copy of a process with threads, such as the preview server, can
    hang on a lock another thread held)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def fork_with_pipe(work: Callable[[], bytes]) -> tuple[int, int]:
    """Fork; the new process runs `work`, writes the bytes it returns (nothing if
    it raised) to a pipe and leaves at once. Returns the new process's id and the
    pipe's end to read from."""
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)
    status = 0
    try:
        data = work()
    except BaseException:  # noqa: BLE001 - nothing may escape a forked process
        data, status = b"", 1
    try:
        with os.fdopen(write, "wb") as stream:
            stream.write(data)
    finally:
        os._exit(status)


# Tools that measure this process (benchmarks/profile_build.py) switch it off.
ENABLED = True


class InBackground:
    """`function(*args)` in a forked process; `result()` waits for its value,
    which must be plain data (marshal). If the process fails, `result()` does the
    work itself, so an error shows as it would have without the second process."""

    def __init__(self, function: Callable[..., Any], *args: Any):
        self.function = function
        self.args = args
        self.pid: int | None = None
        self.pipe: int | None = None
        if not ENABLED or not can_fork():
            return
        self.pid, self.pipe = fork_with_pipe(lambda: marshal.dumps(function(*args)))

    def result(self) -> Any:
        if self.pid is None or self.pipe is None:
            return self.function(*self.args)
        with os.fdopen(self.pipe, "rb") as stream:
            data = stream.read()
        os.waitpid(self.pid, 0)
        self.pid = None
        if not data:
            return self.function(*self.args)
        return marshal.loads(data)

    def cancel(self) -> None:
        """Stop the work (the build failed; nobody will ask for the result)."""
        if self.pid is None or self.pipe is None:
            return
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:  # pragma: no cover - it had just finished
            pass
        os.close(self.pipe)
        os.waitpid(self.pid, 0)
        self.pid = None
