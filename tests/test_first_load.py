"""First load: what a phone fetches before it can show the home page stays
within budget at every content scale, with no request to another host.

Counted exactly as the benchmark counts it, by the same function
(benchmarks/run.py `first_load`): the home page `index.html` plus every
stylesheet and script it references and every font those stylesheets
reference, each gzipped at level 6 as a web server sends them.

Only the home page grows with the content: its JSON-LD names every gemeente and
samenwerkingsverband the steunpunt serves (the rest of the home page and every
stylesheet and script are the same bytes at 1x, 10x and national scale). So the
test site must stay below the budget minus the room that national scale needs,
and a second test measures that national scale needs no more than that room.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import sys

from swvsite.content.load import load_site
from swvsite.pages import jsonld, pagehead
from swvsite.pages.addresses import HOME_PAGE

from conftest import FIXTURE_CONTENT, ROOT

BUDGET = 70 * 1024  # bytes gzip, at every scale (the benchmark's first-load target)
NATIONAL_ROOM = 3 * 1024  # what the national home page may add over a region's
JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)


def _benchmark_module(name: str):
    path = ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_benchmarks_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def test_first_load_of_the_home_page_is_within_budget_with_room_for_national_scale(fixture_site):
    result = _benchmark_module("run").first_load(fixture_site.root)
    breakdown = "\n".join(
        f"  {gz((fixture_site.root / name).read_bytes()) / 1024:6.2f} KiB  {name}"
        for name in result["files"])
    limit = BUDGET - NATIONAL_ROOM
    assert result["third_party"] == [], result["third_party"]
    assert result["gzip"] <= limit, (
        f"first load {result['gzip'] / 1024:.2f} KiB gzip, more than {limit / 1024:.0f} KiB "
        f"(budget {BUDGET / 1024:.0f} KiB less {NATIONAL_ROOM / 1024:.0f} KiB for national "
        f"scale):\n{breakdown}")


def test_national_scale_adds_no_more_to_the_home_page_than_the_room_kept(fixture_site, tmp_path):
    generate = _benchmark_module("generate")
    regions = generate.SCALES["national"][0]  # 76 regions: some 340 gemeenten, 152 SWVs
    content = tmp_path / "national"
    # The number of schools does not change the home page; a few keep this quick.
    counts = generate.generate(content, regions, 20, demo_dir=FIXTURE_CONTENT)
    assert counts["gemeenten"] > 300 and counts["swvs"] == 2 * regions
    national = load_site(content)
    home = (fixture_site.root / "index.html").read_text(encoding="utf-8")
    site_url = re.search(r'<link rel="canonical" href="([^"]+)"', home).group(1)  # site_url
    assert len(JSON_LD.findall(home)) == 1
    national_data = pagehead.json_script(jsonld.jsonld(national, HOME_PAGE, site_url))
    national_home = JSON_LD.sub(lambda _: national_data, home)
    growth = gz(national_home.encode()) - gz(home.encode())
    assert growth > 1024, "the national data should be larger than the test site's"
    assert growth <= NATIONAL_ROOM, (
        f"at national scale the home page grows by {growth / 1024:.2f} KiB gzip, more than "
        f"the {NATIONAL_ROOM / 1024:.0f} KiB kept for it")
