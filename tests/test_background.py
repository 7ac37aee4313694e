"""Work in a second process: the same result as doing it here, errors shown as usual,
and no fork while other threads run (then the work is done here)."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from swvsite.engine.background import InBackground

from conftest import ENV


def double(value):
    return value * 2


def test_the_result_is_what_doing_it_here_gives():
    assert InBackground(double, 21).result() == 42


def failing(_):
    raise ValueError("kapot")


def test_a_failure_is_raised_here_as_if_there_was_no_second_process():
    with pytest.raises(ValueError, match="kapot"):
        InBackground(failing, 1).result()


def in_a_new_python(code: str) -> str:
    """Run `code` in a fresh interpreter (no threads of this test session)."""
    result = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_threads_the_work_runs_in_another_process():
    out = in_a_new_python(
        "import os\n"
        "from swvsite.engine.background import InBackground\n"
        "job = InBackground(os.getpid)\n"
        "print(job.pid is not None and job.result() != os.getpid())\n")
    assert out == "True"


def test_cancel_stops_the_process():
    out = in_a_new_python(
        "import os, time\n"
        "from swvsite.engine.background import InBackground\n"
        "job = InBackground(time.sleep, 30)\n"
        "pid, started = job.pid, time.monotonic()\n"
        "job.cancel()\n"
        "try:\n"
        "    os.kill(pid, 0)\n"
        "    print('still there')\n"
        "except ProcessLookupError:\n"
        "    print(time.monotonic() - started < 5)\n")
    assert out == "True"


def test_with_other_threads_running_the_work_is_done_here():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        job = InBackground(double, 4)
        assert job.pid is None and job.result() == 8
    finally:
        stop.set()
        thread.join()
