"""The generator's tests do not depend on the demo content: staff may change
content/ and docs/ in any valid way and the suite stays green.

Two checks:
- static: no test module (except the demo's own checks) refers to the repo's
  content/ or docs/, or to a build of them;
- real: in a copy of the repo whose content/ got a set of valid staff edits
  (optional fields removed, a school added, an unreferenced record deleted, a
  thema added), a representative set of build-based tests runs green.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
import yaml

from swvsite.content import model as m

from conftest import ENV, ROOT

TESTS = ROOT / "tests"
# Checks of the demo content itself (properties that hold for any valid content),
# and the search-quality measure of the demo's search (tests/zoekvragen.yml).
# test_valid_staff_edits.py edits a copy of whatever content/ holds and asserts only
# that valid edits publish; test_schema_agrees.py asserts only that every file that
# passes swvsite check also passes the editors' schema.
DEMO_CHECKS = {"test_demo_site.py", "browser/test_search_quality.py",
               "test_valid_staff_edits.py", "test_schema_agrees.py"}
REPO_FOLDERS = {"content", "docs"}
# A fast, representative set of tests that build and read the test site.
SUBSET = ["tests/test_filters.py", "tests/test_first_load.py", "tests/test_redirects.py",
          "tests/test_nieuws.py", "tests/test_render.py"]


# --------------------------------------------------------------------------
# Static check
# --------------------------------------------------------------------------


def _is_repo_root(node: ast.expr) -> bool:
    """ROOT, or Path(__file__)...parent.parent (tests/ -> the repo)."""
    if isinstance(node, ast.Name):
        return node.id == "ROOT"
    source = ast.unparse(node)
    return "__file__" in source and source.count(".parent") >= 2


def _repo_folder(value: object) -> bool:
    if not isinstance(value, str) or not value:
        return False
    parts = PurePosixPath(value).parts
    return bool(parts) and parts[0] in REPO_FOLDERS and not value.startswith("/")


def references_to_repo_content(source: str) -> list[str]:
    """Where a test module's source refers to the repo's content/ or docs/:
    `ROOT / "content"`, a relative "content/..." or "docs" path opened or loaded
    from the working directory, or the old session build of the demo (demo_site)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            right = node.right
            if (_is_repo_root(node.left) and isinstance(right, ast.Constant)
                    and _repo_folder(right.value)):
                found.append(f"regel {line}: {ast.unparse(node)}")
        elif isinstance(node, ast.Call):
            name = ast.unparse(node.func).split(".")[-1]
            if name in ("load_site", "open", "Path", "read_record", "copy_content", "copytree"):
                for arg in node.args[:1]:
                    if isinstance(arg, ast.Constant) and _repo_folder(arg.value):
                        found.append(f"regel {line}: {ast.unparse(node)}")
        elif isinstance(node, (ast.Name, ast.arg)):
            if (node.id if isinstance(node, ast.Name) else node.arg) == "demo_site":
                found.append(f"regel {line}: demo_site")
        elif isinstance(node, ast.FunctionDef) and node.name == "demo_site":
            found.append(f"regel {line}: def demo_site")
    return found


def test_the_check_finds_each_way_of_reading_the_repos_content():
    samples = {
        'load_site(ROOT / "content")': 1,
        'x = (ROOT / "docs" / "data.md").read_text()': 1,
        'copy_content(Path(__file__).parent.parent / "content", tmp)': 1,
        'yaml.safe_load(open("content/organisatie.yml"))': 1,
        'load_site("content")': 1,
        'def test_x(demo_site):\n    pass': 1,
        'site = build(tmp, ROOT / "content/")': 1,
        # Not the repo's content: a test's own folders and file names in messages.
        'content = tmp_path / "content"': 0,
        'assert "content/scholen/bs-test.yml, regel 4" in out': 0,
        'load_site(FIXTURE_CONTENT)': 0,
        'p = ROOT / "schemas" / "school.schema.json"': 0,
    }
    for source, expected in samples.items():
        assert len(references_to_repo_content(source)) == expected, source


def test_no_generator_test_reads_the_repos_content_or_docs():
    modules = sorted(p for p in TESTS.rglob("*.py")
                     if p.relative_to(TESTS).as_posix() not in DEMO_CHECKS
                     and "fixtures" not in p.relative_to(TESTS).parts)
    assert len(modules) > 30
    problems = {p.relative_to(ROOT).as_posix(): found for p in modules
                if p != Path(__file__).resolve()
                for found in [references_to_repo_content(p.read_text(encoding="utf-8"))]
                if found}
    assert problems == {}


# --------------------------------------------------------------------------
# A real run on edited demo content
# --------------------------------------------------------------------------


def copy_repo(target: Path) -> Path:
    """The repo's working tree (tracked and untracked files, not ignored ones)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name, follow_symlinks=False)
    return target


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")


def _only_required(rtype: m.RecordType, data: dict) -> dict:
    required = {f.name for f in rtype.all_fields if f.required}
    return {key: value for key, value in data.items() if key in required}


def _mentioned_elsewhere(record: Path, content: Path, docs: Path) -> bool:
    sources = [p for p in [*content.rglob("*.yml"), *docs.rglob("*.md")] if p != record]
    return any(record.stem in p.read_text(encoding="utf-8") for p in sources)


def edit_like_staff(repo: Path) -> list[str]:
    """Valid edits a staff member might make to content/. Returns what was done."""
    content, docs = repo / "content", repo / "docs"
    done = []
    scholen = sorted((content / "scholen").glob("*.yml"))
    voorzieningen = sorted((content / "voorzieningen").glob("*.yml"))
    today = max(_load(p)["gecontroleerd_op"] for p in scholen)

    school = next(p for p in scholen if "website" in _load(p))
    _dump(school, _only_required(m.RECORD_TYPES["school"], _load(school)))
    done.append(f"{school.name}: alle optionele velden weg")
    voorziening = next(p for p in voorzieningen if "leeftijd" in _load(p))
    _dump(voorziening, _only_required(m.RECORD_TYPES["voorziening"], _load(voorziening)))
    done.append(f"{voorziening.name}: alle optionele velden weg")

    new = dict(_load(scholen[0]), naam="Basisschool De Nieuwe Weg", brin="99ZY", vestiging="07")
    _dump(content / "scholen" / "bs-de-nieuwe-weg-testdorp.yml",
          _only_required(m.RECORD_TYPES["school"], new))
    done.append("nieuwe school bs-de-nieuwe-weg-testdorp")

    unreferenced = next(p for p in reversed(scholen) if p != school
                        and not _mentioned_elsewhere(p, content, docs))
    unreferenced.unlink()
    done.append(f"{unreferenced.name} verwijderd")

    _dump(content / "vragen" / "nieuw-thema.yml", {
        "titel": "Een nieuw thema",
        "samenvatting": "Vragen over iets nieuws.",
        "vragen": [{"id": "wat-is-er-nieuw", "vraag": "Wat is er nieuw?",
                    "antwoord": "Dat leest u hier."}],
        "gecontroleerd_op": today,
    })
    done.append("nieuw thema nieuw-thema")
    return done


@pytest.fixture(scope="module")
def edited_repo(tmp_path_factory) -> tuple[Path, list[str]]:
    repo = copy_repo(tmp_path_factory.mktemp("repo") / "swvsite")
    done = edit_like_staff(repo)
    check = subprocess.run([sys.executable, "-m", "swvsite", "check"], cwd=repo, env=ENV,
                           capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, (done, check.stdout + check.stderr)
    return repo, done


def test_the_edits_really_changed_the_demo_content(edited_repo):
    repo, done = edited_repo
    changed = subprocess.run(["git", "diff", "--no-index", "--stat", str(ROOT / "content"),
                              str(repo / "content")], capture_output=True, text=True)
    assert changed.returncode == 1, changed.stderr  # 1: the folders differ
    assert len(done) == 5
    assert (repo / "content/scholen/bs-de-nieuwe-weg-testdorp.yml").is_file()


def test_generator_tests_stay_green_after_valid_content_edits(edited_repo):
    repo, done = edited_repo
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             *SUBSET], cwd=repo, env=ENV, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, "\n".join(done) + "\n" + result.stdout[-4000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
