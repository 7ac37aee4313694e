"""Profile one `swvsite build` with cProfile and group the time by cost centre.

    .venv/bin/python benchmarks/profile_build.py            # 10x content
    .venv/bin/python benchmarks/profile_build.py --scale 1x --top 40 --stats /tmp/b.prof

The whole `swvsite build` command runs in this process (`swvsite.cli.main`,
strict build into staging, then whatever the command does after the build)
with imports done beforehand, so interpreter start-up is not in the profile. It runs twice:

1. with a sampling profiler (a profiling-timer signal every millisecond of
   CPU time; the sample goes to the innermost function on the stack that owns
   a stage: YAML parsing, validation, rendering, macros, Markdown conversion,
   search indexing, theme templates, HTML post-processing, file writing, what
   the command does after the build). Its seconds are real CPU seconds:
   sampling does not slow some code more than other code.
2. under cProfile (skip with --top 0), for the same cost centres from
   cumulative times and the list of the most expensive functions. cProfile
   slows pure-Python code much more than C code, so its shares lean towards
   code with many small calls; use it to find the function, the sampled table
   for the share.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

import generate  # noqa: E402
from run import make_project  # noqa: E402

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _match(func: tuple[str, int, str], path_part: str, name: str) -> bool:
    filename, _, funcname = func
    return funcname == name and path_part in filename.replace(os.sep, "/")


def cumulative(stats: pstats.Stats, path_part: str, name: str,
               caller: tuple[str, str] | None = None) -> float:
    """Cumulative seconds of a function (optionally only when called from `caller`).

    Recursive calls are counted once: cProfile's cumulative time of a function
    already covers its nested calls."""
    total = 0.0
    for func, (_cc, _nc, _tt, ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if not _match(func, path_part, name):
            continue
        if caller is None:
            total += ct
        else:
            total += sum(c[3] for f, c in callers.items() if _match(f, *caller))
    return total


CENTRES = [
    # (label, [(path part, function, optional caller)], subtract labels)
    ("YAML parsing (swvsite.content.load, C loader)",
     [("swvsite/content/load.py", "_parse", None)]),
    ("Validation and site checks (swvsite.content.load/validate)",
     [("swvsite/content/load.py", "load_site", None)],
     ["YAML parsing (swvsite.content.load, C loader)"]),
    ("Rendering record pages to Markdown (swvsite.pages.records)",
     [("swvsite/pages/records.py", "record_pages", None)]),
    ("Facet pages, exports, feeds (swvsite plugin on_files)",
     [("swvsite/engine/plugin.py", "on_files", None)],
     ["Rendering record pages to Markdown (swvsite.pages.records)"]),
    ("Macros: Jinja + overview blocks (mkdocs-macros)",
     [("mkdocs_macros/plugin.py", "on_page_markdown", None)]),
    ("swvsite plugin on_page_markdown (meta description)",
     [("swvsite/engine/plugin.py", "on_page_markdown", None)]),
    ("Markdown conversion (Python-Markdown + extensions)",
     [("swvsite/engine/pagesteps.py", "render", None),
      ("mkdocs/structure/pages.py", "render", None)]),
    ("Search indexing (Material search with swvsite's section parser)",
     [("material/plugins/search/plugin.py", "on_page_context", None),
      ("material/plugins/search/plugin.py", "on_post_build", None)]),
    ("Theme rendering (Jinja templates of Material)",
     [("jinja2/environment.py", "render", ("swvsite/engine/pagesteps.py", "build_page")),
      ("jinja2/environment.py", "render", ("mkdocs/commands/build.py", "_build_template"))]),
    ("HTML post-processing (swvsite plugin: head tags, CSP, headers)",
     [("swvsite/engine/plugin.py", "on_post_page", None),
      ("swvsite/engine/plugin.py", "on_post_template", None),
      ("swvsite/engine/plugin.py", "on_post_build", None)]),
    ("Writing pages and copying theme files",
     [("mkdocs/utils/__init__.py", "write_file", None),
      ("mkdocs/structure/files.py", "copy_static_files", None)]),
    ("Link and anchor validation (MkDocs)",
     [("mkdocs/structure/pages.py", "validate_anchor_links", None)]),
    ("After the build (swvsite build command: B1 summary, review report)",
     [("swvsite/cli.py", "_build", None)], ["_build_site"]),
]


def centres(stats: pstats.Stats, total: float) -> list[tuple[str, float]]:
    values: dict[str, float] = {"_build_site": cumulative(stats, "swvsite/engine/publish.py",
                                                          "build_site")}
    for entry in CENTRES:
        label, parts = entry[0], entry[1]
        value = sum(cumulative(stats, *p) for p in parts)
        for other in entry[2] if len(entry) > 2 else []:
            value -= values[other]
        values[label] = value
    del values["_build_site"]
    values["Other (nav, files, plugin glue, config, sitemap, ...)"] = total - sum(values.values())
    return sorted(values.items(), key=lambda kv: -kv[1])


# Sampling: the innermost frame that matches one of these owns the sample.
SAMPLED = [
    ("YAML parsing (swvsite.content.load, C loader)", [("swvsite/content/load.py", "_parse")]),
    ("Validation and site checks (swvsite.content.load/validate)",
     [("swvsite/content/load.py", "load_site")]),
    ("Rendering record pages to Markdown (swvsite.pages.records)",
     [("swvsite/pages/records.py", "record_pages")]),
    ("Facet pages, exports, feeds (swvsite plugin on_files)",
     [("swvsite/engine/plugin.py", "on_files")]),
    ("Macros: Jinja + overview blocks (mkdocs-macros)",
     [("mkdocs_macros/plugin.py", "on_page_markdown")]),
    ("swvsite plugin on_page_markdown (meta description)",
     [("swvsite/engine/plugin.py", "on_page_markdown")]),
    ("Markdown conversion (Python-Markdown + extensions; the same work plain MkDocs does)",
     [("swvsite/engine/pagesteps.py", "render"), ("mkdocs/structure/pages.py", "render")]),
    ("Search indexing (Material search with swvsite's section parser and search words)",
     [("material/plugins/search/plugin.py", "on_page_context"),
      ("material/plugins/search/plugin.py", "on_post_build")]),
    ("HTML post-processing (swvsite plugin: head tags, CSP, headers)",
     [("swvsite/engine/plugin.py", "on_post_page"),
      ("swvsite/engine/plugin.py", "on_post_template"),
      ("swvsite/engine/plugin.py", "on_post_build")]),
    ("Theme rendering (Jinja templates of Material)",
     [("swvsite/engine/pagesteps.py", "build_page"),
      ("mkdocs/commands/build.py", "_build_template")]),
    ("Writing pages and copying theme files",
     [("mkdocs/utils/__init__.py", "write_file"),
      ("mkdocs/structure/files.py", "copy_static_files")]),
    ("Other parts of the build (nav, files, plugin glue, sitemap, ...)",
     [("swvsite/engine/build.py", "run")]),
    ("Loading mkdocs.yml, staging and swap (swvsite.engine.publish)",
     [("swvsite/engine/publish.py", "build_site")]),
    ("After the build (swvsite build command: B1 summary, review report)",
     [("swvsite/cli.py", "_build")]),
]


class Sampler:
    """CPU-time sampling of the main thread: a profiling timer signal every
    `interval` CPU seconds; the handler gets the interrupted frame. Unlike a
    sampling thread this is not biased towards code that releases the GIL."""

    def __init__(self, interval: float = 0.001):
        self.interval = interval
        self.counts: Counter[str] = Counter()
        self.owners: dict = {}

    def owner(self, code) -> str | None:
        key = (code.co_filename, code.co_name)
        if key not in self.owners:
            path = code.co_filename.replace(os.sep, "/")
            self.owners[key] = next((label for label, funcs in SAMPLED
                                     for part, name in funcs
                                     if name == code.co_name and part in path), None)
        return self.owners[key]

    def _sample(self, signum, frame):
        label = None
        while frame is not None and label is None:
            label = self.owner(frame.f_code)
            frame = frame.f_back
        self.counts[label or "Other (start-up of the command, config)"] += 1

    def __enter__(self):
        self._previous = signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, self._previous)


# A clean build in this one process (no page cache; the B1 summary is worked out
# here too, as no second process is started while the profiling timer runs).
CLEAN = ["--zonder-cache", "--processen", "1"]


def sampled_build(config: Path, site_dir: Path) -> tuple[float, float, Counter]:
    """Wall and CPU seconds of one build, and the samples per cost centre."""
    from swvsite import cli

    start, cpu = time.perf_counter(), time.process_time()
    with Sampler() as sampler:
        cli.main(["build", "-f", str(config), "--site-dir", str(site_dir), *CLEAN])
    return time.perf_counter() - start, time.process_time() - cpu, sampler.counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(generate.SCALES), default="10x")
    parser.add_argument("--content", type=Path, help="use this content folder instead")
    parser.add_argument("--top", type=int, default=25,
                        help="also profile with cProfile and list the top N functions "
                             "(0: sampling only)")
    parser.add_argument("--stats", type=Path, help="save the raw profile (pstats) here")
    parser.add_argument("--root", type=Path,
                        help="profile this copy of the project (a snapshot made by run.py "
                             "--keep: swvsite/, macros/, docs/, overrides/, mkdocs.yml, content/)")
    args = parser.parse_args(argv)
    root = (args.root or BENCH.parent).resolve()
    if args.root:
        sys.path.insert(0, str(root))

    from mkdocs.commands import build as _build  # noqa: F401  (import before profiling)

    from swvsite import cli
    from swvsite.engine import background, publish  # noqa: F401  (import before profiling)

    background.ENABLED = False  # the B1 summary in this process, where the profiler sees it

    print(f"swvsite from {Path(cli.__file__).parent}")

    with tempfile.TemporaryDirectory(prefix="swvsite-profile-") as tmp:
        work = Path(tmp)
        content = args.content
        if content is None:
            content = work / "content"
            generate.generate(content, *generate.SCALES[args.scale], demo_dir=root / "content")
        config = make_project(work / "project", content.resolve(), root)
        old = Path.cwd()
        os.chdir(work)
        try:
            sampled_wall, sampled_cpu, counts = sampled_build(config, work / "site")
            pages = sum(1 for _ in (work / "site").rglob("*.html"))
            if args.top:
                profiler = cProfile.Profile()
                start = time.perf_counter()
                profiler.enable()
                cli.main(["build", "-f", str(config), "--site-dir", str(work / "site"), *CLEAN])
                profiler.disable()
                wall = time.perf_counter() - start
        finally:
            os.chdir(old)

    samples = sum(counts.values())
    print(f"\nSampled build: {sampled_wall:.1f} s wall, {sampled_cpu:.1f} s CPU, {pages} HTML "
          f"pages ({args.content or args.scale}), {samples} samples of 1 ms CPU\n")
    print("| Cost centre | CPU s (sampled) | share |")
    print("| --- | ---: | ---: |")
    for label, n in counts.most_common():
        print(f"| {label} | {sampled_cpu * n / samples:.1f} | {100 * n / samples:.0f} % |")
    print(f"| **Total `swvsite build`** | {sampled_cpu:.1f} | 100 % |\n")
    if not args.top:
        return 0

    stats = pstats.Stats(profiler)
    if args.stats:
        stats.dump_stats(str(args.stats))
    total = cumulative(stats, "swvsite/cli.py", "main")
    print(f"Under cProfile: {wall:.1f} s wall\n")
    print("| Cost centre | s (cProfile) | share |")
    print("| --- | ---: | ---: |")
    for label, value in centres(stats, total):
        print(f"| {label} | {value:.2f} | {100 * value / total:.0f} % |")
    print(f"| **Total `swvsite build`** | {total:.2f} | 100 % |\n")
    if args.top:
        print(f"Top {args.top} functions by own time:")
        stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
