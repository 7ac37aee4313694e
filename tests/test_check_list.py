"""Every check across the site is in one list, and that list is what runs.

A check is a function that judges the whole site and returns Problems: it takes
a Site or a checks.CheckInput and returns list[Problem]. One that a module
defines but that SITE_CHECKS does not name would be tested alone and never run
by `swvsite check` (it happened: the contrast check)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import swvsite
from swvsite.content import checks

from conftest import run_swvsite


def site_checks_defined() -> dict[str, object]:
    found = {}
    for info in pkgutil.walk_packages(swvsite.__path__, "swvsite."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__:
                continue
            hints = inspect.get_annotations(function)
            params = [p for p in inspect.signature(function).parameters.values()
                      if p.default is inspect.Parameter.empty]
            if str(hints.get("return")) != "list[Problem]" or len(params) != 1:
                continue
            if str(hints.get(params[0].name)) in ("m.Site", "Site", "CheckInput"):
                found[f"{module.__name__}.{name}"] = function
    return found


def test_every_check_across_the_site_is_in_the_one_list():
    listed = {getattr(c, "__wrapped__", c) for c in checks.SITE_CHECKS}
    defined = site_checks_defined()
    del defined["swvsite.content.checks.run"]  # the one that runs the list
    assert len(defined) >= 8, defined  # the search itself finds the checks
    missing = [name for name, function in defined.items() if function not in listed]
    assert missing == [], f"checks not in checks.SITE_CHECKS: {missing}"


def test_the_list_is_what_check_runs(tmp_path, minimal_content):
    """Each check in the list reaches `swvsite check`: a check that reports one
    problem, added to the list in a subprocess, shows up in its output."""
    script = (
        "import sys\n"
        "from swvsite.content import checks\n"
        "from swvsite.content.problems import Problem\n"
        "def planted(given):\n"
        "    return [Problem('content/organisatie.yml', 3, 'naam', 'geplant probleem')]\n"
        "checks.SITE_CHECKS = checks.SITE_CHECKS + (planted,)\n"
        "from swvsite.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n")
    import subprocess
    import sys

    from conftest import ENV
    result = subprocess.run([sys.executable, "-c", script, "check", "--content",
                             str(minimal_content)], cwd=tmp_path, env=ENV, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1
    assert "- content/organisatie.yml, regel 3, veld 'naam': geplant probleem" in result.stderr
    assert run_swvsite("check", "--content", str(minimal_content), cwd=tmp_path).returncode == 0
