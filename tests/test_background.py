"""Work in a second process: the same result as doing it here, errors shown as usual."""

from __future__ import annotations

import os
import time

import pytest

from swvsite.background import InBackground


def where_and_what(value):
    return [os.getpid(), value * 2]


def test_result_comes_from_another_process():
    job = InBackground(where_and_what, 21)
    pid, value = job.result()
    assert value == 42 and pid != os.getpid()


def failing(_):
    raise ValueError("kapot")


def test_a_failure_is_raised_here_as_if_there_was_no_second_process():
    job = InBackground(failing, 1)
    with pytest.raises(ValueError, match="kapot"):
        job.result()


def slow(seconds):
    time.sleep(seconds)
    return "klaar"


def test_cancel_stops_the_process():
    job = InBackground(slow, 30)
    pid = job.pid
    started = time.monotonic()
    job.cancel()
    assert time.monotonic() - started < 5
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
