"""Benchmark swvsite at several content scales and write benchmarks/RESULTS.md.

For every scale (1x and 10x by default, national with --national) this script
generates synthetic content (benchmarks/generate.py), renders the same site
once to plain Markdown (benchmarks/plain.py) and measures, in one run:

- clean `swvsite build` (strict) and plain `mkdocs build --strict` of the same
  pages, interleaved, N repetitions each (medians; the ratio is our overhead);
- `swvsite check`;
- edit-to-preview in `swvsite serve`: edit one school's YAML, poll the page
  over HTTP until the new text shows;
- peak memory (max RSS) of both builds, as reported by the kernel for the child;
- output size, HTML size per page, first-load bytes of the home page and the
  search index size (raw and gzip).

Results are merged into benchmarks/results.json (one entry per scale, so a
later `--scales national --repeat 1` run adds a column without discarding the
1x/10x medians) and benchmarks/RESULTS.md is rewritten from it.

    .venv/bin/python benchmarks/run.py                 # 1x and 10x, 3 repetitions
    .venv/bin/python benchmarks/run.py --national --repeat 1
    .venv/bin/python benchmarks/run.py --scales 1x --repeat 5 --edits 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import plain  # noqa: E402
import zoekindex_sizes  # noqa: E402

RESULTS_JSON = BENCH / "results.json"
RESULTS_MD = BENCH / "RESULTS.md"
# The questions whose downloads the search rows measure (and, on 1x, their hit rates).
SEARCH_QUESTIONS = [ROOT / "tests" / name for name in
                    ("zoekvragen.yml", "zoekvragen-vers.yml", "zoekvragen-toets.yml")]
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SNAPSHOT_PARTS = ("swvsite", "macros", "overrides", "docs", "mkdocs.yml", "content")
GZIP_LEVEL = 6
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown",
            "pymdown-extensions", "PyYAML", "Jinja2", "watchdog")


def command(name: str) -> list[str]:
    """A console script of this virtualenv (swvsite, mkdocs)."""
    script = BIN / name
    return [str(script)] if script.exists() else [sys.executable, "-m", name]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Running and measuring a child process
# --------------------------------------------------------------------------


class ChildFailed(Exception):
    pass


def measure(cmd: list[str], cwd: Path, log_file: Path) -> dict:
    """Run a command to completion: wall and CPU seconds, peak RSS of the child.

    os.wait4 returns the rusage of exactly this child (what RUSAGE_CHILDREN
    would report in a process that ran only this command)."""
    with open(log_file, "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=err, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise ChildFailed(f"{' '.join(cmd)} failed ({process.returncode}); see {log_file}:\n"
                          + log_file.read_text(errors="replace")[-3000:])
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "maxrss_mb": usage.ru_maxrss / 1024}


def clean_dir(path: Path) -> None:
    for p in (path, path.with_name(f".{path.name}.previous"), path.with_name(f".{path.name}.new")):
        shutil.rmtree(p, ignore_errors=True)


def take_snapshot(target: Path) -> Path:
    """Copy the code and pages a build uses, so edits made by others while the
    benchmark runs do not change what is measured. Children import swvsite from
    here (PYTHONPATH comes before the editable install's finder)."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in SNAPSHOT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / name)
    import compileall

    compileall.compile_dir(target, quiet=2)  # no bytecode compiling inside timed builds
    ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), os.environ.get("PYTHONPATH")]))
    sys.path.insert(0, str(target))
    return target


def make_project(where: Path, content: Path, root: Path = ROOT) -> Path:
    """Like tests/conftest.py make_project: `root`'s docs, overrides and macros."""
    where.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "overrides", "macros"):
        link = where / name
        if not link.exists():
            link.symlink_to(root / name)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("content_dir: content", f"content_dir: {content}")
    (where / "mkdocs.yml").write_text(config, encoding="utf-8")
    return where / "mkdocs.yml"


# --------------------------------------------------------------------------
# Sizes
# --------------------------------------------------------------------------


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class _Refs(HTMLParser):
    FETCHED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                    "apple-touch-icon"}

    def __init__(self):
        super().__init__()
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []
        self.fetched: list[str] = []   # everything the browser requests by itself
        self.config = ""
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rels = set((a.get("rel") or "").lower().split())
        if tag == "link" and a.get("href") and rels & self.FETCHED_RELS:
            self.fetched.append(a["href"])
            if "stylesheet" in rels:
                self.stylesheets.append(a["href"])
        elif tag == "script":
            if a.get("src"):
                self.scripts.append(a["src"])
                self.fetched.append(a["src"])
            self._in_config = a.get("id") == "__config"
        elif tag in ("img", "iframe", "source", "audio", "video") and a.get("src"):
            self.fetched.append(a["src"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False

    def handle_data(self, data):
        if self._in_config:
            self.config += data


def _local(site: Path, page_url: str, ref: str) -> Path | None:
    """The file a reference on a page points to, or None for another host."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    target = urlsplit(urljoin(page_url, ref)).path.lstrip("/")
    path = site / target
    return path / "index.html" if path.is_dir() else path


FONT_URL = re.compile(
    r"url\(\s*['\"]?([^'\")]+\.(?:woff2?|ttf|otf|eot))(?:[?#][^'\")]*)?['\"]?\s*\)", re.I)


def first_load(site: Path) -> dict:
    """Home page HTML + stylesheets + scripts + fonts they reference, raw and gzip."""
    home = site / "index.html"
    parser = _Refs()
    parser.feed(home.read_text(encoding="utf-8"))
    files = [home]
    third_party = [r for r in parser.fetched if urlsplit(r).netloc]
    for ref in parser.stylesheets + parser.scripts:
        path = _local(site, "/", ref)
        if path is None:
            continue
        files.append(path)
        if path.suffix == ".css":
            css_url = "/" + path.relative_to(site).as_posix()
            for font in FONT_URL.findall(path.read_text(encoding="utf-8", errors="replace")):
                font_path = _local(site, css_url, font)
                if font_path is None:
                    third_party.append(font)
                elif font_path.is_file():
                    files.append(font_path)
    blobs = [p.read_bytes() for p in files]
    result = {
        "files": [p.relative_to(site).as_posix() for p in files],
        "raw": sum(map(len, blobs)),
        "gzip": sum(map(gz, blobs)),
        "html_gzip": gz(blobs[0]),
        "third_party": third_party,
        "requests": len(parser.fetched) + 1,
    }
    return result


def site_sizes(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    html_sizes = sorted(p.stat().st_size for p in files if p.suffix == ".html")
    # The own search index (swvsite.pages.zoekindex): all its files; a visitor
    # loads only a question's few (see the search rows), never all of them.
    index = [p.read_bytes() for p in (site / "zoeken" / "index").rglob("*.json")]
    client = site / "assets" / "javascripts" / "zoeken.min.js"
    largest = max((p for p in files if p.suffix == ".html"), key=lambda p: p.stat().st_size)
    return {
        "total_bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "html_pages": len(html_sizes),
        "html_median": statistics.median(html_sizes),
        "html_max": html_sizes[-1],
        "html_max_page": largest.relative_to(site).as_posix(),
        "search_files": len(index),
        "search_raw": sum(map(len, index)),
        "search_gzip": sum(map(gz, index)),
        "search_client_gzip": gz(client.read_bytes()) if client.is_file() else 0,
        "first_load": first_load(site),
    }


def compare_sites(a: Path, b: Path) -> dict:
    """Compare the swvsite build `a` with the plain build `b`, file by file.

    HTML pages count as the same when everything after </head> is identical:
    the plugin adds tags to each page's head (Content-Security-Policy, structured
    data) after MkDocs rendered it; those pages are counted as `head_only`. The
    search index and sitemap list generated pages after the docs/ pages, plain
    MkDocs in file order: they count as the same when only the order differs. A
    file that is the plain file plus an appendix (the patched lunr language file)
    is reported as appended. sitemap.xml.gz has a timestamp and is skipped."""
    names_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    html_pages = sorted(n for n in names_a & names_b if n.endswith(".html"))
    html_differing, other_differing, appended, reordered, head_only = [], [], [], [], 0
    for name in sorted(names_a & names_b - {"sitemap.xml.gz"}):
        x, y = (a / name).read_bytes(), (b / name).read_bytes()
        if x == y:
            continue
        if name.endswith(".html"):
            if x.partition(b"</head>")[2] == y.partition(b"</head>")[2]:
                head_only += 1
            else:
                html_differing.append(name)
        elif x.startswith(y):
            appended.append(name)
        elif _same_but_order(name, x, y):
            reordered.append(name)
        else:
            other_differing.append(name)
    return {"files": len(names_a | names_b), "html_pages": len(html_pages),
            "html_differing": html_differing, "other_differing": other_differing,
            "only_swvsite": sorted(names_a - names_b), "only_plain": sorted(names_b - names_a),
            "appended": appended, "reordered": reordered, "head_only": head_only}


def _same_but_order(name: str, x: bytes, y: bytes) -> bool:
    if name.endswith("search_index.json"):
        a, b = json.loads(x), json.loads(y)
        key = lambda d: json.dumps(d, sort_keys=True)  # noqa: E731
        return (a.get("config") == b.get("config")
                and sorted(map(key, a.get("docs", []))) == sorted(map(key, b.get("docs", []))))
    if name.endswith("sitemap.xml"):
        url = re.compile(rb"<url>.*?</url>", re.S)
        return (sorted(url.findall(x)) == sorted(url.findall(y))
                and url.sub(b"", x) == url.sub(b"", y))
    return False


def same_output(r: dict) -> str:
    """Are the pages MkDocs made from our Markdown the same as plain MkDocs made?"""
    c = r["identical"]
    same = c["html_pages"] - len(c["html_differing"])
    text = f"{same:,} of {c['html_pages']:,} pages"
    if c.get("head_only"):
        text += f" ({c['head_only']:,} with swvsite's tags added to the head)"
    if c["html_differing"]:
        text = f"**{text}** (differ: " + ", ".join(f"`{n}`" for n in c["html_differing"][:3]) + ")"
    notes = []
    if c["only_swvsite"]:
        notes.append(f"{len(c['only_swvsite'])} files only swvsite writes")
    if c["only_plain"]:
        notes.append(f"{len(c['only_plain'])} files only plain MkDocs writes")
    notes += [f"`{n.rsplit('/', 1)[-1]}` appended to" for n in c["appended"]]
    notes += [f"`{n.rsplit('/', 1)[-1]}` differs" for n in c["other_differing"]]
    notes += [f"`{n.rsplit('/', 1)[-1]}` in another order" for n in c["reordered"]]
    return text + ("; " + ", ".join(notes) if notes else "")


# --------------------------------------------------------------------------
# Edit-to-preview in `swvsite serve`
# --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


class _ServeLog(threading.Thread):
    """Reads the server's log; counts finished builds and keeps their durations."""

    def __init__(self, stream, log_path: Path):
        super().__init__(daemon=True)
        self.stream = stream
        self.log_path = log_path
        self.serving = threading.Event()
        self.builds: list[float] = []
        self.lock = threading.Condition()

    def run(self):
        with open(self.log_path, "w", encoding="utf-8") as out:
            for line in self.stream:
                out.write(line)
                out.flush()
                found = re.search(r"Documentation built in ([0-9.]+) seconds", line)
                with self.lock:
                    if found:
                        self.builds.append(float(found.group(1)))
                    if "Serving on" in line:
                        self.serving.set()
                    self.lock.notify_all()

    def wait_builds(self, count: int, timeout: float) -> bool:
        with self.lock:
            return self.lock.wait_for(lambda: len(self.builds) >= count, timeout)


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def edit_to_preview(config: Path, content: Path, edits: int, work: Path,
                    timeout: float) -> dict:
    """Start `swvsite serve`, edit one school record `edits` times, time each preview."""
    schools = sorted((content / "scholen").glob("*.yml"))
    record = schools[len(schools) // 2]
    url_base = None
    port = free_port()
    url_base = f"http://127.0.0.1:{port}"
    page_url = f"{url_base}/scholen/{record.stem}/"
    original = record.read_text(encoding="utf-8")
    start = time.perf_counter()
    server = subprocess.Popen(
        [*command("swvsite"), "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=work, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    reader = _ServeLog(server.stderr, work / "serve.log")
    reader.start()
    times, build_times, cpu = [], [], []
    try:
        if not reader.serving.wait(timeout) or not fetch(page_url):
            raise ChildFailed(f"swvsite serve did not start; see {work / 'serve.log'}")
        startup = time.perf_counter() - start
        time.sleep(1.0)  # let the file watcher settle
        summary = generate.read_yaml(record)["samenvatting"]
        for number in range(1, edits + 1):
            marker = f"benchmarkwijziging{number}x{os.getpid()}"
            data = generate.read_yaml(record)
            data["samenvatting"] = f"{summary} Gewijzigd: {marker}."  # not longer each time
            text = generate.dump_yaml(data)
            builds_before = len(reader.builds)
            cpu_before = process_cpu(server.pid)
            t0 = time.perf_counter()
            record.write_text(text, encoding="utf-8")
            deadline = t0 + timeout
            while marker not in fetch(page_url):
                now = time.perf_counter()
                if now > deadline or server.poll() is not None:
                    raise ChildFailed(f"edit {number} never showed; see {work / 'serve.log'}")
                # Fine-grained while a fast preview is possible; coarser later, so the
                # requests do not compete with the rebuild for the server's CPU.
                time.sleep(0.025 if now - t0 < 2 else 0.1 if now - t0 < 10 else 0.25)
            times.append(time.perf_counter() - t0)
            # Wait until that rebuild (and any it queued) is over before the next edit.
            reader.wait_builds(builds_before + 1, timeout)
            time.sleep(0.5)
            cpu.append(process_cpu(server.pid) - cpu_before)
            build_times.extend(reader.builds[builds_before:])
    finally:
        record.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        reader.join(timeout=5)
    return {"startup": startup, "times": times, "median": statistics.median(times),
            "cpu": cpu, "cpu_median": statistics.median(cpu),
            "mkdocs_build_times": build_times, "record": record.name}


# --------------------------------------------------------------------------
# One scale
# --------------------------------------------------------------------------


def stats(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "values": values}


def run_scale(scale: str, repeat: int, edits: int, work: Path,  # noqa: C901 - one row per measurement
              serve_timeout: float, snapshot: Path, warm_up: bool) -> dict:
    regions, schools = generate.SCALES[scale]
    load_before = os.getloadavg()
    base = work / scale
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    content = base / "content"

    log(f"{scale}: generating content ({regions} regions, {schools} schools)")
    t0 = time.perf_counter()
    counts = generate.generate(content, regions, schools, demo_dir=snapshot / "content")
    generate_seconds = time.perf_counter() - t0
    yaml_files = list(content.rglob("*.yml"))
    config = make_project(base / "project", content, snapshot)

    log(f"{scale}: rendering the plain Markdown project")
    t0 = time.perf_counter()
    plain_config = plain.write_plain_project(content, base / "plain", snapshot)
    plain_seconds = time.perf_counter() - t0

    site, plain_site = base / "site", base / "plain-site"
    parallel_site, cached_site = base / "site-parallel", base / "site-cached"
    page_cache = config.parent / ".cache"

    def swv_cmd(target: Path, *options: str) -> list[str]:
        return [*command("swvsite"), "build", "-f", str(config), "--site-dir", str(target),
                *options]

    plain_cmd = [*command("mkdocs"), "build", "--strict", "-q", "-f", str(plain_config),
                 "--site-dir", str(plain_site)]
    check_cmd = [*command("swvsite"), "check", "--content", str(content)]

    def swv_build():
        """Clean: no site, no page cache, one process (target 1)."""
        clean_dir(site)
        shutil.rmtree(page_cache, ignore_errors=True)
        return measure(swv_cmd(site, "--zonder-cache", "--processen", "1"), base,
                       base / "swvsite-build.log")

    def swv_parallel():
        """Clean, pages rendered by one process per core (the default)."""
        clean_dir(parallel_site)
        shutil.rmtree(page_cache, ignore_errors=True)
        return measure(swv_cmd(parallel_site, "--zonder-cache"), base,
                       base / "swvsite-parallel.log")

    def plain_build():
        clean_dir(plain_site)
        return measure(plain_cmd, base, base / "plain-build.log")

    staged_site = base / "site-staged"

    def staged_build():
        """swvsite.engine.staged: stage the Markdown, a plain engine build, the post-pass."""
        clean_dir(staged_site)
        return measure([sys.executable, "-m", "swvsite.engine.staged", "-f", str(config),
                        "--site-dir", str(staged_site)], base, base / "staged-build.log")

    if warm_up:
        log(f"{scale}: warm-up builds (not timed)")
        swv_build()
        plain_build()
    runs: dict[str, list[dict]] = {"swvsite": [], "plain": [], "check": []}
    for i in range(repeat):
        order = [("swvsite", swv_build), ("plain", plain_build)]
        if i % 2:
            order.reverse()
        for name, build in order:
            log(f"{scale}: {name} build {i + 1}/{repeat}")
            runs[name].append(build())
            log(f"{scale}:   {runs[name][-1]['wall']:.2f} s")
        runs["check"].append(measure(check_cmd, base, base / "check.log"))
    runs["parallel"] = []
    for i in range(repeat):
        log(f"{scale}: swvsite build on all cores {i + 1}/{repeat}")
        runs["parallel"].append(swv_parallel())
        log(f"{scale}:   {runs['parallel'][-1]['wall']:.2f} s")
    runs["staged"] = []
    for i in range(repeat):
        log(f"{scale}: staged build {i + 1}/{repeat}")
        runs["staged"].append(staged_build())
        log(f"{scale}:   {runs['staged'][-1]['wall']:.2f} s")
    cached = cached_builds(scale, repeat, content, cached_site, page_cache,
                           lambda *o: swv_cmd(cached_site, *o), base)
    cached["same_as_clean"] = same_files(cached_site, site_after(
        scale, content, base, lambda target: swv_cmd(target, "--zonder-cache")))

    sizes = site_sizes(site)
    log(f"{scale}: search downloads of {len(SEARCH_QUESTIONS)} question sets")
    search = zoekindex_sizes.measure(site, content, [q for q in SEARCH_QUESTIONS if q.is_file()])
    plain_index = plain_site / "search" / "search_index.json"
    plain_sizes = {"search_raw": plain_index.stat().st_size,
                   "search_gzip": gz(plain_index.read_bytes())} if plain_index.is_file() else {}
    identical = compare_sites(site, plain_site)
    staged_same = staged_comparison(staged_site, site)

    serve = None
    if edits > 0:
        log(f"{scale}: edit-to-preview in swvsite serve ({edits} edits)")
        serve_work = base / "serve"
        serve_work.mkdir()
        serve = edit_to_preview(config, content, edits, serve_work, serve_timeout)
        log(f"{scale}:   {[f'{t:.2f}' for t in serve['times']]}")

    pages = sizes["html_pages"]
    swv_wall = [r["wall"] for r in runs["swvsite"]]
    plain_wall = [r["wall"] for r in runs["plain"]]
    result = {
        "scale": scale,
        "repeat": repeat,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "loadavg_before": load_before,
        "counts": counts,
        "record_pages": sum(counts[k] for k in ("voorzieningen", "scholen", "procedures",
                                                 "themas")),
        "yaml_files": len(yaml_files),
        "yaml_bytes": sum(p.stat().st_size for p in yaml_files),
        "generate_seconds": generate_seconds,
        "plain_render_seconds": plain_seconds,
        "swvsite_wall": stats(swv_wall),
        "swvsite_cpu": stats([r["cpu"] for r in runs["swvsite"]]),
        "plain_wall": stats(plain_wall),
        "plain_cpu": stats([r["cpu"] for r in runs["plain"]]),
        "ratio_wall": statistics.median(swv_wall) / statistics.median(plain_wall),
        "ratio_cpu": (statistics.median(r["cpu"] for r in runs["swvsite"])
                      / statistics.median(r["cpu"] for r in runs["plain"])),
        "ratio_per_repetition": [s / p for s, p in zip(swv_wall, plain_wall, strict=True)],
        "ratio_cpu_per_repetition": [s["cpu"] / p["cpu"] for s, p in
                                     zip(runs["swvsite"], runs["plain"], strict=True)],
        "ms_per_page": 1000 * statistics.median(swv_wall) / pages,
        "plain_ms_per_page": 1000 * statistics.median(plain_wall) / pages,
        "check": stats([r["wall"] for r in runs["check"]]),
        "maxrss_swvsite_mb": max(r["maxrss_mb"] for r in runs["swvsite"]),
        "maxrss_plain_mb": max(r["maxrss_mb"] for r in runs["plain"]),
        "maxrss_check_mb": max(r["maxrss_mb"] for r in runs["check"]),
        "serve": serve,
        "sizes": sizes,
        "search": search,
        "plain_sizes": plain_sizes,
        "identical": identical,
        "parallel_wall": stats([r["wall"] for r in runs["parallel"]]),
        "parallel_cpu": stats([r["cpu"] for r in runs["parallel"]]),
        "ratio_parallel_wall": (statistics.median(r["wall"] for r in runs["parallel"])
                                / statistics.median(plain_wall)),
        "processes": processes_used(base / "swvsite-parallel.log"),
        "staged_wall": stats([r["wall"] for r in runs["staged"]]),
        "staged_cpu": stats([r["cpu"] for r in runs["staged"]]),
        "maxrss_staged_mb": max(r["maxrss_mb"] for r in runs["staged"]),
        "staged_same": staged_same,
        "cached": cached,
    }
    return result


def same_files(a: Path, b: Path) -> dict:
    """Two builds file by file, byte by byte (gzip files by their content)."""
    def files(root: Path) -> dict[str, bytes]:
        found = {}
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found[path.relative_to(root).as_posix()] = (
                    gzip.decompress(data) if path.suffix == ".gz" else data)
        return found
    x, y = files(a), files(b)
    differing = sorted(n for n in x.keys() | y.keys() if x.get(n) != y.get(n))
    return {"files": len(x.keys() | y.keys()), "differing": differing}


def staged_comparison(staged: Path, built: Path) -> dict:
    """The staged build against the clean swvsite build, file by file. The search
    index and the sitemap list pages in file order, and the staged build's record
    pages are ordinary files: those count as the same when each page's search
    entries (in their order) and the sitemap's <url> entries are."""
    result = same_files(staged, built)
    reordered = []
    for name in list(result["differing"]):
        a, b = staged / name, built / name
        if not (a.is_file() and b.is_file()):
            continue
        x, y = a.read_bytes(), b.read_bytes()
        if name.endswith(".gz"):
            x, y = gzip.decompress(x), gzip.decompress(y)
        if name.endswith("search_index.json"):
            def by_page(data: bytes):
                index = json.loads(data)
                return index["config"], sorted(index["docs"],
                                               key=lambda e: e["location"].split("#")[0])
            same = by_page(x) == by_page(y)
        elif name.startswith("sitemap.xml"):
            def urls(data: bytes):
                return sorted(re.findall(rb"<url>.*?</url>", data, re.S))
            same = urls(x) == urls(y)
        else:
            same = False
        if same:
            result["differing"].remove(name)
            reordered.append(name)
    result["reordered"] = reordered
    return result


def processes_used(log_file: Path) -> int:
    found = re.search(r"door (\d+) processen", log_file.read_text(errors="replace"))
    return int(found.group(1)) if found else 1


def reused_pages(log_file: Path) -> tuple[int, int | None]:
    """Pages a build took from the page cache, and the pages it built (None when
    the build reused none and so did not say)."""
    found = re.search(r"(\d+) van de (\d+) pagina's waren niet veranderd",
                      log_file.read_text(errors="replace"))
    return (int(found.group(1)), int(found.group(2))) if found else (0, None)


def cached_builds(scale: str, repeat: int, content: Path, site: Path, page_cache: Path,
                  cmd, base: Path) -> dict:
    """Builds with a warm page cache (the default `swvsite build`): after editing one
    school's summary (each repetition another school), and with nothing changed."""
    shutil.rmtree(page_cache, ignore_errors=True)
    clean_dir(site)
    log(f"{scale}: filling the page cache (not timed)")
    measure(cmd(), base, base / "swvsite-cached.log")
    schools = sorted((content / "scholen").glob("*.yml"))

    def timed_build() -> dict:
        result = measure(cmd(), base, base / "swvsite-cached.log")
        result["reused"], result["pages"] = reused_pages(base / "swvsite-cached.log")
        log(f"{scale}:   {result['wall']:.2f} s, {result['reused']} pages reused")
        return result

    edits, unchanged = [], []
    for i in range(repeat):
        record = schools[(len(schools) * (2 * i + 1)) // (2 * repeat)]
        data = generate.read_yaml(record)
        data["samenvatting"] = f"{data['samenvatting']} Bijgewerkt in ronde {i + 1}."
        record.write_text(generate.dump_yaml(data), encoding="utf-8")
        log(f"{scale}: swvsite build after editing {record.name} {i + 1}/{repeat}")
        edits.append(timed_build())
    for i in range(repeat):
        log(f"{scale}: swvsite build, nothing changed {i + 1}/{repeat}")
        unchanged.append(timed_build())
    return {"edit_wall": stats([r["wall"] for r in edits]),
            "edit_cpu": stats([r["cpu"] for r in edits]),
            "edit_reused": [r["reused"] for r in edits],
            "edit_pages": [r["pages"] for r in edits],
            "unchanged_wall": stats([r["wall"] for r in unchanged]),
            "unchanged_reused": [r["reused"] for r in unchanged]}


def site_after(scale: str, content: Path, base: Path, cmd) -> Path:
    """A clean build of the content as the cached builds left it, to compare with."""
    target = base / "site-clean-after-edits"
    clean_dir(target)
    log(f"{scale}: clean build of the edited content, to compare with the cached one")
    measure(cmd(target), base, base / "swvsite-clean-after.log")
    return target


# --------------------------------------------------------------------------
# Machine and report
# --------------------------------------------------------------------------


def source_version() -> str:
    """The commit measured, and whether the working tree had changes."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        except OSError:
            return ""
    commit = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "swvsite", "macros",
                "overrides", "docs", "mkdocs.yml", "pyproject.toml")
    return f"{commit}{' with uncommitted changes' if dirty else ''}" if commit else "unknown"


def source_hash(root: Path) -> str:
    """A short hash of the code and pages measured (the snapshot). Bytecode is left
    out: compiling the same source twice does not give the same bytes."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    try:
        nproc = int(subprocess.run(["nproc"], capture_output=True, text=True).stdout)
    except (OSError, ValueError):
        nproc = os.cpu_count() or 0
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    import yaml
    return {
        "nproc": nproc,
        "cpu": cpu,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "packages": versions,
    }


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n >= 10 * 1024 else f"{n / 1024:.1f} KB"


def mb(n: float) -> str:
    return f"{n / 1024 / 1024:,.1f} MB"


def seconds(s: dict) -> str:
    if len(s["values"]) == 1:
        return f"{s['median']:.2f}"
    return f"{s['median']:.2f} ({s['min']:.2f}–{s['max']:.2f})"


ROWS = [
    ("Record pages (voorz. + scholen + procedures + thema's)",
     lambda r: (f"{r['record_pages']:,} ({r['counts']['voorzieningen']:,} + "
                f"{r['counts']['scholen']:,} + {r['counts']['procedures']:,} + "
                f"{r['counts']['themas']:,})")),
    ("HTML pages in site/", lambda r: f"{r['sizes']['html_pages']:,}"),
    ("Vragen / begrippen / gemeenten",
     lambda r: f"{r['counts']['vragen']:,} / {r['counts']['begrippen']:,} / "
               f"{r['counts']['gemeenten']:,}"),
    ("YAML input", lambda r: f"{r['yaml_files']:,} files, {mb(r['yaml_bytes'])}"),
    ("Repetitions (median of)", lambda r: str(r["repeat"])),
    ("**swvsite build**, clean (no page cache), strict, 1 process (s)",
     lambda r: seconds(r["swvsite_wall"])),
    ("swvsite build, CPU time (s)", lambda r: seconds(r["swvsite_cpu"])),
    ("**Per page** (ms, build wall / HTML pages)", lambda r: f"{r['ms_per_page']:.1f}"),
    ("Plain `mkdocs build --strict`, same pages (s)", lambda r: seconds(r["plain_wall"])),
    ("Plain MkDocs per page (ms)", lambda r: f"{r['plain_ms_per_page']:.1f}"),
    ("**Overhead** swvsite / plain, 1 process: median of back-to-back pairs (wall; CPU)",
     lambda r: (f"{statistics.median(r['ratio_per_repetition']):.2f}x "
                f"({min(r['ratio_per_repetition']):.2f}–{max(r['ratio_per_repetition']):.2f}); "
                f"{statistics.median(r['ratio_cpu_per_repetition']):.2f}x"
                if r.get("ratio_cpu_per_repetition") else
                f"{r['ratio_wall']:.2f}x; {r['ratio_cpu']:.2f}x")),
    ("  ratio of the medians (wall; CPU)",
     lambda r: f"{r['ratio_wall']:.2f}x; {r['ratio_cpu']:.2f}x"),
    ("Same HTML body as the plain build", same_output),
    ("**swvsite build**, clean, one process per core (s)",
     lambda r: (f"{seconds(r['parallel_wall'])}, {r['processes']} processes"
                if r.get("parallel_wall") else "-")),
    ("  vs plain MkDocs (wall; CPU of all processes)",
     lambda r: (f"{r['ratio_parallel_wall']:.2f}x; "
                f"{r['parallel_cpu']['median'] / r['plain_cpu']['median']:.2f}x"
                if r.get("parallel_wall") else "-")),
    ("**swvsite build** after editing one school (page cache, all cores) (s)",
     lambda r: (f"{seconds(r['cached']['edit_wall'])}; "
                f"{statistics.median(r['cached']['edit_reused']):,.0f}"
                + (f" of {max(r['cached']['edit_pages']):,}" if r['cached'].get('edit_pages')
                   else "")  # results of before the count was kept
                + " pages reused" if r.get("cached") else "-")),
    ("  vs plain MkDocs (wall)",
     lambda r: (f"{r['cached']['edit_wall']['median'] / r['plain_wall']['median']:.2f}x"
                if r.get("cached") else "-")),
    ("swvsite build, nothing changed (page cache) (s)",
     lambda r: seconds(r["cached"]["unchanged_wall"]) if r.get("cached") else "-"),
    ("Cached build is the clean build, byte for byte",
     lambda r: ((f"yes, {r['cached']['same_as_clean']['files']:,} files"
                 if not r["cached"]["same_as_clean"]["differing"]
                 else "**no**: " + ", ".join(r["cached"]["same_as_clean"]["differing"][:3]))
                if r.get("cached") else "-")),
    ("**Staged build** (swvsite.engine.staged: Markdown, plain engine build, post-pass) (s)",
     lambda r: seconds(r["staged_wall"]) if r.get("staged_wall") else "-"),
    ("  vs swvsite build, clean, 1 process (wall; CPU)",
     lambda r: (f"{r['staged_wall']['median'] / r['swvsite_wall']['median']:.2f}x; "
                f"{r['staged_cpu']['median'] / r['swvsite_cpu']['median']:.2f}x"
                if r.get("staged_wall") else "-")),
    ("Staged build is the plugin build",
     lambda r: (("yes, {:,} files{}".format(
                    r["staged_same"]["files"],
                    f" ({', '.join(r['staged_same']['reordered'])} in another page order)"
                    if r["staged_same"]["reordered"] else "")
                 if not r["staged_same"]["differing"]
                 else "**no**: " + ", ".join(r["staged_same"]["differing"][:3]))
                if r.get("staged_same") else "-")),
    ("**swvsite check** (s)", lambda r: seconds(r["check"])),
    ("**Edit-to-preview** in swvsite serve (s)",
     lambda r: "not measured" if not r["serve"] else (
                f"{r['serve']['median']:.2f}"
                + (f" ({min(r['serve']['times']):.2f}–{max(r['serve']['times']):.2f}, "
                   f"{len(r['serve']['times'])} edits)" if len(r["serve"]["times"]) > 1
                   else " (1 edit)"))),
    ("Serve: CPU time of one rebuild (s)",
     lambda r: f"{r['serve']['cpu_median']:.2f}" if r["serve"] else "-"),
    ("Serve start-up until the first page is served (s)",
     lambda r: f"{r['serve']['startup']:.2f}" if r["serve"] else "-"),
    ("**Peak memory** swvsite build / plain (max RSS)",
     lambda r: f"{r['maxrss_swvsite_mb']:,.0f} MB / {r['maxrss_plain_mb']:,.0f} MB"),
    ("Peak memory swvsite check", lambda r: f"{r['maxrss_check_mb']:,.0f} MB"),
    ("**Output size** (site/, all files)",
     lambda r: f"{mb(r['sizes']['total_bytes'])} in {r['sizes']['files']:,} files"),
    ("**HTML per page**, median / max",
     lambda r: f"{kb(r['sizes']['html_median'])} / {kb(r['sizes']['html_max'])}"),
    ("Largest page", lambda r: f"`{r['sizes']['html_max_page']}`"),
    ("**First load**, home: HTML + CSS + JS + fonts, raw / gzip",
     lambda r: (f"{kb(r['sizes']['first_load']['raw'])} / "
                f"{kb(r['sizes']['first_load']['gzip'])}")),
    ("First load: home HTML alone, gzip", lambda r: kb(r["sizes"]["first_load"]["html_gzip"])),
    ("First load: third-party requests",
     lambda r: str(len(r["sizes"]["first_load"]["third_party"]))),
    ("**Search index** (zoeken/index/, all files; a question loads a few), raw / gzip",
     lambda r: (f"{kb(r['sizes']['search_raw'])} / {kb(r['sizes']['search_gzip'])} in "
                f"{r['sizes'].get('search_files', 0):,} files")),
    ("Search client zoeken.min.js (search pages only), gzip",
     lambda r: kb(r["sizes"].get("search_client_gzip", 0))),
    ("**Search: first query** (manifest + all the client fetches), median / p90 / max gzip",
     lambda r: spread_kb(r, "first_query_gzip_kb")),
    ("**Search: each next query** (no cache counted), median / p90 / max gzip",
     lambda r: spread_kb(r, "next_query_gzip_kb")),
    ("Search: files per first query, median / max",
     lambda r: (f"{r['search']['files_per_first_query']['median']:.0f} / "
                f"{r['search']['files_per_first_query']['max']:.0f}"
                if r.get("search", {}).get("files_per_first_query") else "-")),
    ("Search index of the plain build (Material's lunr), raw / gzip",
     lambda r: (f"{kb(r['plain_sizes']['search_raw'])} / {kb(r['plain_sizes']['search_gzip'])}"
                if r.get("plain_sizes") else "-")),
]


def spread_kb(r: dict, key: str) -> str:
    found = r.get("search", {}).get(key)
    if not found:
        return "-"
    return f"{found['median']:.1f} / {found['p90']:.1f} / {found['max']:.1f} KB"


def column_title(r: dict) -> str:
    return f"{r['scale']}" + (" (single run)" if r["repeat"] == 1 else "")


def table(results: list[dict]) -> str:
    lines = ["| | " + " | ".join(column_title(r) for r in results) + " |",
             "| --- |" + " ---: |" * len(results)]
    for label, cell in ROWS:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")
    return "\n".join(lines)


def targets(results: dict[str, dict]) -> str:
    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    rows = ["| Target of issue 6 | Measured | |", "| --- | --- | --- |"]
    ratios = [(s, statistics.median(r["ratio_per_repetition"]),
               r.get("ratio_parallel_wall")) for s, r in results.items()]
    rows.append("| 1. overhead over plain MkDocs ≤ 1.05x at every scale (clean builds, wall) | "
                + ", ".join(f"{s}: {x:.2f}x on one process"
                            + (f", {p:.2f}x with `swvsite build` as it is (all cores)"
                               if p else "") for s, x, p in ratios) + " | "
                + verdict(all(x <= 1.05 for _, x, _ in ratios)) + " on one process; "
                + verdict(all(p is not None and p <= 1.05 for _, _, p in ratios))
                + " as staff run it |")
    near = results.get("10x")
    if near:
        n = near["record_pages"]
        if near["serve"]:
            t = near["serve"]["median"]
            rows.append(f"| 2. edit-to-preview < 1 s at 1,000 records | {t:.2f} s at 10x "
                        f"({n:,} records) | {verdict(t < 1)} |")
        first = near.get("search", {}).get("first_query_gzip_kb")
        if first:
            rows.append(f"| 3. search < 500 KB gzip at 1,000 records | a first query loads "
                        f"{first['max']:.0f} KB at most at 10x ({n:,} records; the index is "
                        f"split, see the search rows) | {verdict(first['max'] < 500)} |")
    national = results.get("national", {}).get("search", {})
    if national.get("first_query_gzip_kb"):
        first, following = national["first_query_gzip_kb"], national["next_query_gzip_kb"]
        rows.append(f"| Issue 15: at national scale a first query ≤ 400 KB gzip, each next ≤ "
                    f"100 KB | first {first['median']:.0f} KB median, {first['max']:.0f} KB max; "
                    f"next {following['median']:.0f} KB median, {following['max']:.0f} KB max "
                    f"({national['questions']} questions) | "
                    f"{verdict(first['max'] <= 400 and following['max'] <= 100)} |")
    loads = [(s, r["sizes"]["first_load"]) for s, r in results.items()]
    rows.append("| 4. first load < 70 KB gzip, zero third-party requests | "
                + ", ".join(f"{s}: {fl['gzip'] / 1024:.1f} KB, {len(fl['third_party'])} "
                            "third-party" for s, fl in loads)
                + " (home page; the search index follows, see above) | "
                + verdict(all(fl["gzip"] < 70 * 1024 and not fl["third_party"]
                              for _, fl in loads)) + " |")
    below = [(s, r["ratio_parallel_wall"], r["cached"]["edit_wall"]["median"]
              / r["plain_wall"]["median"], not r["cached"]["same_as_clean"]["differing"])
             for s, r in results.items() if r.get("cached")]
    if below:
        rows.append("| 5. below plain MkDocs, output byte-identical to a clean build | "
                    + ", ".join(f"{s}: all cores {p:.2f}x, page cache after an edit {c:.2f}x"
                                + ("" if same else " (**output differs**)")
                                for s, p, c, same in below)
                    + " | " + verdict(all(p < 1 and c < 1 and same for _, p, c, same in below))
                    + " |")
    return "\n".join(rows)


def write_report(data: dict) -> str:
    order = [s for s in ("1x", "10x", "national") if s in data["results"]]
    results = [data["results"][s] for s in order]
    m = data["machine"]
    pkgs = ", ".join(f"{k} {v}" for k, v in m["packages"].items())
    runs = "\n".join(
        f"- {r['scale']}: {r['date']}, swvsite {r.get('source', '?')} (snapshot "
        f"{r.get('code_hash', '?')}), {r['repeat']} repetition(s), "
        f"1-minute load average at the start "
        f"{r['loadavg_before'][0]:.2f}"
        + (f"; serve: `scholen/{r['serve']['record']}` edited {len(r['serve']['times'])}x ("
           + ", ".join(f"{t:.2f}" for t in r["serve"]["times"]) + " s)"
           if r["serve"] else "; serve not measured")
        for r in results)
    if len({r.get("code_hash") for r in results}) > 1:
        runs += ("\n\n**The columns were measured on different code** (see the snapshots): compare "
                 "numbers within a column; across columns only roughly.")
    first = results[0]["sizes"]["first_load"]
    text = f"""# Benchmark results

Written by `benchmarks/run.py` (`make bench`); see `benchmarks/README.md` for what each
number means and how it is measured. Times are medians of the repetitions with (min–max);
columns marked *single run* were measured once.

## Machine

- {m['nproc']} cores (`nproc`), {m['cpu']}, {m['memory_gb']} GB memory, Linux {m['kernel']}
- Python {m['python']} (PyYAML with libyaml: {'yes' if m['libyaml'] else 'no'})
- {pkgs}
- Shared with other developers running tests; the load average before each scale is below.

## Runs

{runs}

## Results

{table(results)}

First load counts: {', '.join('`' + f + '`' for f in first['files'])} (gzip level {GZIP_LEVEL}).

## Targets

{targets({r['scale']: r for r in results})}
"""
    if data.get("notes"):
        text += "\n## Notes\n\n" + data["notes"].strip() + "\n"
    search = BENCH / "SEARCH.md"  # the search-index measurements (zoekindex_sizes.py, issue 15)
    return text + ("\n" + search.read_text(encoding="utf-8") if search.is_file() else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark swvsite; writes benchmarks/RESULTS.md.")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions per build (default 5)")
    parser.add_argument("--edits", type=int, default=3,
                        help="edits timed in swvsite serve at 1x and 10x (default 3)")
    parser.add_argument("--national-edits", type=int, default=1,
                        help="edits timed in serve at national scale (default 1; each is a "
                             "full rebuild of ~9,300 pages; 0 skips serve)")
    parser.add_argument("--national", action="store_true", help="also run the national scale")
    parser.add_argument("--scales", help="comma-separated scales to run (default 1x,10x)")
    parser.add_argument("--workdir", type=Path,
                        help="where content and sites go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--no-write", action="store_true",
                        help="print the table only; leave results.json and RESULTS.md alone")
    parser.add_argument("--report-only", action="store_true",
                        help="measure nothing; rewrite RESULTS.md from results.json (for "
                             "example after editing its 'notes')")
    args = parser.parse_args(argv)
    if args.report_only:
        data = json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
        RESULTS_MD.write_text(write_report(data), encoding="utf-8")
        log(f"wrote {RESULTS_MD.relative_to(ROOT)}")
        return 0

    scales = args.scales.split(",") if args.scales else ["1x", "10x"]
    if args.national and "national" not in scales:
        scales.append("national")
    unknown = [s for s in scales if s not in generate.SCALES]
    if unknown:
        parser.error(f"unknown scale(s): {', '.join(unknown)}")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="swvsite-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log(f"work folder: {work}")

    started = time.perf_counter()
    new: dict[str, dict] = {}
    try:
        snapshot = take_snapshot(work / "snapshot")
        source = {"source": source_version(), "code_hash": source_hash(snapshot)}
        log(f"measuring swvsite {source['source']} (snapshot {source['code_hash']})")
        for scale in scales:
            edits = args.national_edits if scale == "national" else args.edits
            timeout = 1800 if scale == "national" else 300
            # One untimed warm-up per run (file cache, imports), when there are repetitions.
            warm_up = args.repeat > 1 and not new
            new[scale] = {**run_scale(scale, args.repeat, edits, work, timeout, snapshot,
                                      warm_up), **source}
            if not args.keep:
                shutil.rmtree(work / scale, ignore_errors=True)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    log(f"benchmark finished in {time.perf_counter() - started:.0f} s")

    data = {"machine": machine(), "results": {}}
    if RESULTS_JSON.exists() and not args.no_write:
        old = json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
        data["results"] = old.get("results", {})
        data["notes"] = old.get("notes", "")
    data["results"].update(new)
    if not args.no_write:  # the measurements first: they took long to make
        RESULTS_JSON.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                                encoding="utf-8")
    report = write_report(data)
    print(table([new[s] for s in scales]))
    if not args.no_write:
        RESULTS_MD.write_text(report, encoding="utf-8")
        log(f"wrote {RESULTS_MD.relative_to(ROOT)} and {RESULTS_JSON.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
