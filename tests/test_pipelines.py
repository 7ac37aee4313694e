"""Publishing by git push: the CI pipelines, the editor settings and the pre-commit hooks.

The pipelines are checked against the CI systems' own schemas (vendored by
check-jsonschema, no network) and read as data: their `if:`/`rules:` conditions are
evaluated for a push to main, a pull/merge request, a schedule and other branches,
so the tests prove which jobs run when, in which order, with which commands.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
import yaml
from jsonschema import Draft202012Validator

from swvsite.content import model as m

from conftest import ENV, FIXTURE_CONTENT, FIXTURES, ROOT

GITHUB_PUBLISH = ROOT / ".github/workflows/publiceren.yml"
GITHUB_GENERATOR = ROOT / ".github/workflows/generator.yml"
GITHUB_LINKS = ROOT / ".github/workflows/links.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
VSCODE = ROOT / ".vscode"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"

# What gates a publish, in this order: the commands of a developer's machine. They
# check the content; the generator's tests (`make test`) run elsewhere.
PUBLISH_COMMANDS = ["swvsite check", "swvsite build", "swvsite check-site --browser"]
# Files of the generator (a change runs `make test`) and of the content (it does not).
GENERATOR_FILES = ["swvsite/cli.py", "swvsite/assets/swvsite.css", "macros/main.py",
                   "overrides/main.html", "overrides/partials/x.html", "tests/test_site.py",
                   "tests/fixtures/minimal/organisatie.yml", "schemas/school.schema.json",
                   "pyproject.toml", "Makefile", "benchmarks/run.py", ".ci/run",
                   ".github/workflows/publiceren.yml", ".gitlab-ci.yml"]
CONTENT_FILES = ["content/scholen/bs-de-klimop-tilburg.yml", "content/organisatie.yml",
                 "docs/index.md", "docs/vragen/index.md", "README.md", "mkdocs.yml"]
# Debian bookworm with Python 3.11: `make test` installs Debian's chromium there.
IMAGE = "python:3.11-bookworm"


# --- helpers -----------------------------------------------------------------------

def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def check_jsonschema(*args: str) -> subprocess.CompletedProcess:
    script = Path(sys.executable).parent / "check-jsonschema"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "check_jsonschema"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=120)


def make_recipes() -> dict[str, list[str]]:
    """The Makefile's targets and their recipe lines."""
    recipes: dict[str, list[str]] = {}
    current = None
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if line.startswith("\t") and current:
            recipes[current].append(line.strip())
        elif match := re.match(r"^([\w.-]+):", line):
            current = match[1]
            recipes[current] = []
        elif line.strip() and not line.startswith("#"):
            current = None
    return recipes


def canonical(command: str) -> str:
    """A shell command as the swvsite/make command it amounts to: `make check` and
    `.venv/bin/swvsite check` are both `swvsite check` (read from the Makefile)."""
    command = re.sub(r"\s+#.*$", "", command).strip()
    if match := re.fullmatch(r"make (check|build|sitecheck)", command):
        recipe = [line for line in make_recipes()[match[1]] if "swvsite" in line]
        assert len(recipe) == 1, f"make {match[1]} should run one swvsite command"
        command = recipe[0]
    return re.sub(r"^(\.venv/bin/|\$\(BIN\)/)", "", command)


def commands(lines: list[str]) -> list[str]:
    """The commands of shell lines (without blank lines, comments, redirections and
    pipes), as `canonical` commands."""
    result = []
    for block in lines:
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            # Output plumbing only: `2>&1`, `| tee FILE`, `> FILE`. Anything else stays,
            # so `make test || true` is not `make test`.
            line = re.sub(r"\s+2>&1|\s*(?<!\|)\|\s*tee\s+\S+$|\s+>>?\s*\S+$", "", line)
            if line and not line.startswith("#"):
                result.append(canonical(line))
    return result


def project_commands(lines: list[str]) -> list[str]:
    """Only the `make` and `swvsite` commands."""
    return [c for c in commands(lines) if re.match(r"(make|swvsite) ", c)]


def _expression(tokens: list[str], value_of) -> bool:
    python = []
    for token in tokens:
        if token[0] in "'\"":
            python.append(repr(token[1:-1]))
        elif token in ("&&", "||", "!"):
            python.append({"&&": "and", "||": "or", "!": "not"}[token])
        elif token in ("==", "!=", "(", ")"):
            python.append(token)
        elif token in ("true", "false", "null"):
            python.append({"true": "True", "false": "False", "null": "None"}[token])
        else:
            python.append(repr(value_of(token)))
    return bool(eval(" ".join(python), {"__builtins__": {}}))  # noqa: S307 - tokens only


def github_if(expression: str | None, github: dict[str, str]) -> bool:
    """Evaluate a GitHub Actions `if:` over `github.*` (comparisons, &&, ||, !)."""
    if expression is None:
        return True
    text = str(expression).strip()
    text = re.sub(r"^\$\{\{(.*)\}\}$", r"\1", text, flags=re.S)
    # Status functions, for a run in which everything before passed.
    for function, value in (("always", "true"), ("success", "true"), ("failure", "false"),
                            ("cancelled", "false")):
        text = re.sub(rf"\b{function}\(\s*\)", value, text)
    tokens = re.findall(r"'[^']*'|==|!=|&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*|\S", text)

    def value(name: str) -> str:
        if name.startswith("needs."):
            return github[name]
        assert name.startswith("github."), f"unexpected name in if: {name}"
        return github[name.removeprefix("github.")]

    return _expression(tokens, value)


def gitlab_if(expression: str, variables: dict[str, str]) -> bool:
    """Evaluate a GitLab `rules: if:` (variables, comparisons, &&, ||, parentheses)."""
    tokens = re.findall(r"\"[^\"]*\"|'[^']*'|==|!=|&&|\|\||\(|\)|\$\w+|\S+", expression)
    for token in tokens:
        assert token[0] in "$'\"(" or token in ("==", "!=", "&&", "||", ")", "null"), \
            f"unsupported in rules:if: {token}"
    return _expression(tokens, lambda name: variables.get(name[1:]) or None)


# --- GitHub Actions ----------------------------------------------------------------

PUSH_MAIN = {"event_name": "push", "ref": "refs/heads/main"}
PULL_REQUEST = {"event_name": "pull_request", "ref": "refs/pull/7/merge"}
DISPATCH_MAIN = {"event_name": "workflow_dispatch", "ref": "refs/heads/main"}
DISPATCH_BRANCH = {"event_name": "workflow_dispatch", "ref": "refs/heads/nieuwe-tekst"}


def assert_only_after_success(condition: str | None) -> None:
    """No `always()`, `failure()` or `cancelled()`: runs only when all before it passed."""
    assert not re.search(r"\b(always|failure|cancelled)\(", str(condition or "")), condition


def triggers(workflow: dict) -> dict:
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    on = workflow.get("on", workflow.get(True))
    return {name: {} for name in on} if isinstance(on, list) else on


def github_runs(workflow: dict, github: dict[str, str]) -> dict[str, list[dict]]:
    """The jobs that run for an event (all earlier jobs passing), with the steps that run."""
    ran: dict[str, list[dict]] = {}
    jobs = workflow["jobs"]
    pending = list(jobs)
    while pending:
        for name in list(pending):
            needs = jobs[name].get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            if any(n in pending for n in needs):
                continue
            pending.remove(name)
            if all(n in ran for n in needs) and github_if(jobs[name].get("if"), github):
                ran[name] = [s for s in jobs[name].get("steps", [])
                             if github_if(s.get("if"), github)]
    return ran


def uses(steps: list[dict], action: str) -> list[dict]:
    return [s for s in steps if str(s.get("uses", "")).split("@")[0] == action]


def index_of(steps: list[dict], command: str) -> int:
    found = [i for i, s in enumerate(steps) if command in commands([s.get("run", "")])]
    assert len(found) == 1, f"expected one step running {command!r}, found {len(found)}"
    return found[0]


@pytest.mark.parametrize("path", [GITHUB_PUBLISH, GITHUB_GENERATOR, GITHUB_LINKS],
                         ids=lambda p: p.name)
def test_github_workflows_are_valid(path):
    result = check_jsonschema("--builtin-schema", "vendor.github-workflows", str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path):
    workflow = load_yaml(GITHUB_PUBLISH)
    workflow["jobs"]["controleren"]["stappen"] = workflow["jobs"]["controleren"].pop("steps")
    broken = tmp_path / "broken.yml"
    broken.write_text(yaml.safe_dump(workflow), encoding="utf-8")
    result = check_jsonschema("--builtin-schema", "vendor.github-workflows", str(broken))
    assert result.returncode == 1, result.stdout


@pytest.mark.parametrize("path", [GITHUB_PUBLISH, GITHUB_GENERATOR], ids=lambda p: p.name)
def test_github_runs_on_pushes_to_main_and_every_pull_request(path):
    """No `paths:` filter on the triggers: a workflow skipped by one leaves its
    required check pending, which would block a content-only pull request."""
    on = triggers(load_yaml(path))
    assert on["push"] == {"branches": ["main"]}
    assert not on["pull_request"]


@pytest.mark.parametrize("event", [PUSH_MAIN, PULL_REQUEST, DISPATCH_MAIN, DISPATCH_BRANCH],
                         ids=["push-main", "pull-request", "dispatch-main", "dispatch-branch"])
def test_github_publish_gate_checks_content_builds_and_checks_the_site(event):
    ran = github_runs(load_yaml(GITHUB_PUBLISH), event)
    checked = [job for job, steps in ran.items()
               if "swvsite check" in commands([s.get("run", "") for s in steps])]
    assert len(checked) == 1, ran.keys()
    steps = ran[checked[0]]
    assert commands([s.get("run", "") for s in steps]) == PUBLISH_COMMANDS
    every_command = [c for job in ran.values() for c in commands([s.get("run", "") for s in job])]
    assert "make test" not in every_command
    assert not any(s.get("continue-on-error") for s in steps)
    for step in steps:
        assert_only_after_success(step.get("if"))


def test_github_deploys_only_from_main_after_all_checks():
    workflow = load_yaml(GITHUB_PUBLISH)
    for event, deploys in [(PUSH_MAIN, True), (DISPATCH_MAIN, True),
                           (PULL_REQUEST, False), (DISPATCH_BRANCH, False)]:
        ran = github_runs(workflow, event)
        deploying = [job for job, steps in ran.items() if uses(steps, "actions/deploy-pages")]
        uploading = [job for job, steps in ran.items()
                     if uses(steps, "actions/upload-pages-artifact")]
        assert bool(deploying) == deploys and bool(uploading) == deploys, (event, ran.keys())
        if not deploys:
            continue
        # The Pages artefact is site/, uploaded after the strict build in the tested job,
        # and the deploy job needs that job: it runs only when everything passed.
        [built] = uploading
        steps = ran[built]
        [upload] = uses(steps, "actions/upload-pages-artifact")
        assert steps.index(upload) > index_of(steps, "swvsite check-site --browser") > \
            index_of(steps, "swvsite build") > index_of(steps, "swvsite check")
        assert upload["with"]["path"].rstrip("/") == "site"
        [deploy] = deploying
        job = workflow["jobs"][deploy]
        assert_only_after_success(job.get("if"))
        assert built in ([job["needs"]] if isinstance(job["needs"], str) else job["needs"])
        assert job["permissions"] == {"pages": "write", "id-token": "write"}
        assert job["environment"]["name"] == "github-pages"
        assert job["concurrency"]["group"] and job["concurrency"]["cancel-in-progress"] is False
    assert workflow["permissions"] == {"contents": "read"}


def test_github_pull_requests_get_a_preview_artefact():
    workflow = load_yaml(GITHUB_PUBLISH)
    for event, preview in [(PULL_REQUEST, True), (PUSH_MAIN, False), (DISPATCH_MAIN, False)]:
        ran = github_runs(workflow, event)
        found = {job: uses(steps, "actions/upload-artifact") for job, steps in ran.items()}
        found = {job: artefacts for job, artefacts in found.items() if artefacts}
        assert bool(found) == preview, (event, found)
        for job, [artefact] in found.items():
            steps = ran[job]
            assert steps.index(artefact) > index_of(steps, "swvsite check-site --browser")
            assert artefact["with"]["path"].rstrip("/") == "site"
            assert artefact["with"]["name"] == "voorbeeld-site"


def test_github_uses_python_311_pinned_actions_and_a_pip_cache():
    for path in (GITHUB_PUBLISH, GITHUB_GENERATOR, GITHUB_LINKS):
        workflow = load_yaml(path)
        for job in workflow["jobs"].values():
            steps = job.get("steps", [])
            for step in steps:
                if "uses" in step:
                    assert re.fullmatch(r"actions/[\w-]+@v\d+", step["uses"]), step["uses"]
            if not project_commands([s.get("run", "") for s in steps]):
                continue
            setup = uses(steps, "actions/setup-python")
            if setup:
                assert str(setup[0]["with"]["python-version"]) == "3.11"
                assert setup[0]["with"]["cache"] == "pip"
            else:
                image = job["container"]
                assert (image if isinstance(image, str) else image["image"]) == IMAGE
                [cache] = uses(steps, "actions/cache")
                assert cache["with"]["path"] == "~/.cache/pip"
                assert "hashFiles('pyproject.toml')" in cache["with"]["key"]


def test_github_link_check_is_weekly_and_builds_first():
    workflow = load_yaml(GITHUB_LINKS)
    on = triggers(workflow)
    assert set(on) == {"schedule", "workflow_dispatch"}
    [cron] = [entry["cron"] for entry in on["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert day == month == "*" and re.fullmatch(r"[0-6]", weekday)
    [steps] = github_runs(workflow, {"event_name": "schedule", "ref": "refs/heads/main"}).values()
    assert project_commands([s.get("run", "") for s in steps]) == \
        ["swvsite build", "swvsite links --extern"]
    assert workflow["permissions"] == {"contents": "read"}
    assert not uses(steps, "actions/deploy-pages")


def generator_workflow_runs(event: dict[str, str], generator_changed: bool) -> dict:
    outputs = {"needs.wijzigingen.outputs.generator": "true" if generator_changed else "false"}
    return github_runs(load_yaml(GITHUB_GENERATOR), {**event, **outputs})


@pytest.mark.parametrize("event", [PUSH_MAIN, PULL_REQUEST], ids=["push-main", "pull-request"])
def test_github_generator_tests_run_only_when_generator_files_changed(event):
    ran = generator_workflow_runs(event, generator_changed=True)
    [job] = [name for name, steps in ran.items()
             if "make test" in commands([s.get("run", "") for s in steps])]
    assert project_commands([s.get("run", "") for s in ran[job]]) == ["make test"]
    workflow = load_yaml(GITHUB_GENERATOR)
    assert workflow["jobs"][job]["needs"] == "wijzigingen"
    assert workflow["jobs"][job]["name"] == "Generator testen (make test)"
    assert job not in generator_workflow_runs(event, generator_changed=False)
    # The publish workflow never waits for this one (no workflow_run trigger).
    assert "workflow_run" not in triggers(load_yaml(GITHUB_PUBLISH))
    assert workflow["permissions"] == {"contents": "read"}


def filter_step() -> dict:
    [step] = [s for s in load_yaml(GITHUB_GENERATOR)["jobs"]["wijzigingen"]["steps"]
              if s.get("id") == "filter"]
    return step


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env={**ENV, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                                          "GIT_COMMITTER_NAME": "t",
                                          "GIT_COMMITTER_EMAIL": "t@t"}).stdout.strip()


def run_filter(repo: Path, event: str, base: str) -> tuple[str, str]:
    """The filter step's script as GitHub runs it (bash); returns (its output
    `generator`, what it printed)."""
    step = filter_step()
    output = repo.parent / "github_output"
    output.write_text("", encoding="utf-8")
    env = {**ENV, "GITHUB_OUTPUT": str(output), "EVENT": event, "BASE": base,
           "GENERATOR_PATHS": step["env"]["GENERATOR_PATHS"]}
    result = subprocess.run(["bash", "-c", step["run"]], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = output.read_text(encoding="utf-8").splitlines()
    return line.removeprefix("generator="), result.stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for relative in GENERATOR_FILES + CONTENT_FILES:
        (repo / relative).parent.mkdir(parents=True, exist_ok=True)
        (repo / relative).write_text("eerste versie\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "begin")
    return repo


def test_github_filter_finds_generator_files_and_ignores_content(repo):
    base = git(repo, "rev-parse", "HEAD")
    for relative in GENERATOR_FILES + CONTENT_FILES:
        git(repo, "checkout", "-q", "--detach", base)
        (repo / relative).write_text("veranderd\n", encoding="utf-8")
        git(repo, "commit", "-q", "-am", f"verander {relative}")
        for event in ("pull_request", "push"):
            found, _ = run_filter(repo, event, base)
            assert found == ("true" if relative in GENERATOR_FILES else "false"), relative


def test_github_filter_runs_everything_when_it_cannot_compare(repo):
    assert run_filter(repo, "workflow_dispatch", git(repo, "rev-parse", "HEAD"))[0] == "true"
    assert run_filter(repo, "push", "0" * 40)[0] == "true"       # a new branch
    assert run_filter(repo, "pull_request", "")[0] == "true"
    found, printed = run_filter(repo, "push", "1234567" * 5 + "12345")   # unknown commit
    assert found == "true" and "niet gevonden" in printed


# --- GitLab CI ---------------------------------------------------------------------

GITLAB_KEYWORDS = {"stages", "default", "variables", "workflow", "include", "image", "services",
                   "cache", "before_script", "after_script", "spec"}
MERGE_REQUEST = {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_DEFAULT_BRANCH": "main",
                 "CI_MERGE_REQUEST_IID": "3"}
GL_PUSH_MAIN = {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main",
                "CI_DEFAULT_BRANCH": "main"}
GL_PUSH_BRANCH = {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "nieuwe-tekst",
                  "CI_DEFAULT_BRANCH": "main"}
GL_PUSH_BRANCH_WITH_MR = {**GL_PUSH_BRANCH, "CI_OPEN_MERGE_REQUESTS": "steunpunt/site!3"}
GL_SCHEDULE = {"CI_PIPELINE_SOURCE": "schedule", "CI_COMMIT_BRANCH": "main",
               "CI_DEFAULT_BRANCH": "main"}
GL_WEB_MAIN = {**GL_PUSH_MAIN, "CI_PIPELINE_SOURCE": "web"}


def gitlab_jobs(config: dict) -> dict[str, dict]:
    """The jobs, with `extends` applied (one level of hidden templates is enough here)."""
    jobs = {}
    for name, job in config.items():
        if name in GITLAB_KEYWORDS or name.startswith(".") or not isinstance(job, dict):
            continue
        merged = {}
        for parent in ([job["extends"]] if isinstance(job.get("extends"), str)
                       else job.get("extends", [])):
            merged.update(config[parent])
        merged.update(job)
        jobs[name] = merged
    return jobs


def gitlab_glob(pattern: str, relative: str) -> bool:
    """rules:changes glob: `**` spans folders, `*` stays within one."""
    regex = re.escape(pattern).replace(r"\*\*/", "(?:.*/)?").replace(r"\*\*", ".*")
    regex = regex.replace(r"\*", "[^/]*")
    return re.fullmatch(regex, relative) is not None


def passes_rules(rules: list[dict] | None, variables: dict[str, str],
                 changed: list[str] | None = None) -> bool:
    """`changed`: the files the push or merge request changes; None where GitLab has
    nothing to compare with ("Run pipeline", schedules): rules:changes is then true."""
    if rules is None:
        return True
    for rule in rules:
        if "if" in rule and not gitlab_if(rule["if"], variables):
            continue
        if "changes" in rule and changed is not None and \
                not any(gitlab_glob(p, f) for p in rule["changes"] for f in changed):
            continue
        assert rule.get("when", "on_success") in ("on_success", "never"), rule
        return rule.get("when") != "never"
    return False


def gitlab_runs(variables: dict[str, str], changed: list[str] | None = None) -> dict[str, dict]:
    config = load_yaml(GITLAB)
    if not passes_rules(config.get("workflow", {}).get("rules"), variables):
        return {}
    return {name: job for name, job in gitlab_jobs(config).items()
            if passes_rules(job.get("rules"), variables, changed)}


def test_gitlab_ci_is_valid():
    result = check_jsonschema("--builtin-schema", "vendor.gitlab-ci", str(GITLAB))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_gitlab_ci(tmp_path):
    config = load_yaml(GITLAB)
    config["site"]["scriptje"] = config["site"].pop("script")
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(yaml.safe_dump(config), encoding="utf-8")
    result = check_jsonschema("--builtin-schema", "vendor.gitlab-ci", str(broken))
    assert result.returncode == 1, result.stdout


CONTENT_CHANGE = ["content/scholen/bs-de-klimop-tilburg.yml", "docs/index.md"]
GENERATOR_CHANGE = ["content/organisatie.yml", "swvsite/render.py"]


@pytest.mark.parametrize("variables, changed, expected", [
    (MERGE_REQUEST, CONTENT_CHANGE, {"site"}),
    (MERGE_REQUEST, GENERATOR_CHANGE, {"site", "generator-tests"}),
    (GL_PUSH_MAIN, CONTENT_CHANGE, {"site", "pages"}),
    (GL_PUSH_MAIN, GENERATOR_CHANGE, {"site", "pages", "generator-tests"}),
    (GL_WEB_MAIN, None, {"site", "pages", "generator-tests"}),
    (GL_PUSH_BRANCH, GENERATOR_CHANGE, set()),
    (GL_PUSH_BRANCH_WITH_MR, GENERATOR_CHANGE, set()),
    (GL_SCHEDULE, None, {"externe-links"}),
], ids=["merge-request-content", "merge-request-generator", "push-main-content",
        "push-main-generator", "run-pipeline-main", "push-branch", "branch-with-mr", "schedule"])
def test_gitlab_runs_the_right_jobs(variables, changed, expected):
    assert set(gitlab_runs(variables, changed)) == expected


@pytest.mark.parametrize("relative", GENERATOR_FILES + CONTENT_FILES)
def test_gitlab_and_github_agree_on_what_is_a_generator_file(relative):
    expected = relative in GENERATOR_FILES
    assert bool(gitlab_runs(MERGE_REQUEST, [relative]).get("generator-tests")) == expected
    assert bool(re.search(filter_step()["env"]["GENERATOR_PATHS"], relative)) == expected


def test_gitlab_generator_tests_run_make_test_and_nothing_waits_for_them():
    config = load_yaml(GITLAB)
    jobs = gitlab_jobs(config)
    assert commands(jobs["generator-tests"]["script"]) == ["make test"]
    assert jobs["generator-tests"]["needs"] == []
    assert not jobs["generator-tests"].get("allow_failure")
    for name, job in jobs.items():
        assert "generator-tests" not in str(job.get("needs", "")), name


def test_gitlab_publish_gate_checks_content_builds_and_checks_the_site():
    config = load_yaml(GITLAB)
    job = gitlab_jobs(config)["site"]
    assert commands(job["script"]) == PUBLISH_COMMANDS
    assert not job.get("allow_failure")
    assert job.get("image", config["default"]["image"]) == IMAGE
    assert ".cache/pip" in " ".join(job["cache"]["paths"])
    assert config["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"


def test_gitlab_publishes_what_the_tests_built_only_after_them():
    config = load_yaml(GITLAB)
    pages = gitlab_jobs(config)["pages"]
    stages = config["stages"]
    assert stages.index(pages["stage"]) > stages.index(config["site"]["stage"])
    assert pages["needs"] == [{"job": "site", "artifacts": True}]
    assert commands(pages["script"]) == ["rm -rf public", "cp -a site public"]
    assert [p.rstrip("/") for p in pages["artifacts"]["paths"]] == ["public"]
    assert not pages.get("allow_failure")
    assert "site/" in config["site"]["artifacts"]["paths"]


def test_gitlab_merge_requests_get_a_preview():
    job = gitlab_runs(MERGE_REQUEST, CONTENT_CHANGE)["site"]
    artifacts = job["artifacts"]
    assert artifacts["expose_as"] and re.fullmatch(r"[\w .-]+", artifacts["expose_as"])
    assert artifacts["paths"] == ["site/"]
    assert artifacts.get("when", "on_success") == "on_success"


def test_gitlab_link_check_builds_first():
    job = gitlab_runs(GL_SCHEDULE)["externe-links"]
    assert project_commands(job["script"]) == ["swvsite build", "swvsite links --extern"]


def test_every_pipeline_runs_what_the_makefile_and_ci_entry_run():
    recipes = make_recipes()
    assert any("pytest" in line for line in recipes["test"])
    assert canonical("make check") == "swvsite check"
    assert canonical("make build") == "swvsite build"
    assert canonical("make sitecheck") == "swvsite check-site --browser"
    assert "build" in [d for d in re.findall(r"^sitecheck:(.*)$", (ROOT / "Makefile").read_text(
        encoding="utf-8"), re.M)[0].split()]
    ci_run = [c for c in commands([(ROOT / ".ci/run").read_text(encoding="utf-8")])
              if not c.startswith(("set ", "cd "))]
    assert ci_run == ["make test"]


# --- VS Code -----------------------------------------------------------------------

def vscode_settings() -> dict:
    return json.loads((VSCODE / "settings.json").read_text(encoding="utf-8"))


def content_files() -> list[str]:
    """The test site's content files as the workspace paths they would have in a
    project's content/ folder (content/scholen/x.yml)."""
    return sorted("content/" + p.relative_to(FIXTURE_CONTENT).as_posix()
                  for p in FIXTURE_CONTENT.rglob("*")
                  if p.is_file() and p.suffix in (".yml", ".yaml"))


def content_source(relative: str) -> Path:
    """The test site's file behind a workspace path from content_files()."""
    return FIXTURE_CONTENT / relative.removeprefix("content/")


def language_server_match(pattern: str, relative: str) -> bool:
    """redhat.vscode-yaml: `*` is `.*`, the pattern must match the end of the file's URI."""
    regex = re.escape(pattern).replace(r"\*", ".*") + "$"
    return re.search(regex, (ROOT / relative).as_uri()) is not None


def glob_match(pattern: str, relative: str) -> bool:
    """Plain glob semantics relative to the workspace (`*` stays within a folder)."""
    return PurePosixPath(relative).match(pattern.lstrip("/")) and \
        len(PurePosixPath(relative).parts) == len(PurePosixPath(pattern.lstrip("/")).parts)


def schemas_for(relative: str, match) -> list[str]:
    return [schema for schema, patterns in vscode_settings()["yaml.schemas"].items()
            if any(match(p, relative) for p in patterns)]


def test_vscode_schema_files_exist_and_cover_all_schemas():
    mapping = vscode_settings()["yaml.schemas"]
    for schema in mapping:
        assert schema.startswith("./schemas/"), schema
        assert (ROOT / schema).is_file(), f"{schema} does not exist"
    assert sorted(Path(s).name for s in mapping) == \
        sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json"))


@pytest.mark.parametrize("match", [language_server_match, glob_match],
                         ids=["language-server", "glob"])
def test_vscode_patterns_match_real_files_and_each_file_has_one_schema(match):
    files = content_files()
    for schema, patterns in vscode_settings()["yaml.schemas"].items():
        assert isinstance(patterns, list) and patterns, schema
        for pattern in patterns:
            assert any(match(pattern, f) for f in files), f"{pattern} matches no content file"
    for relative in files:
        found = schemas_for(relative, match)
        assert len(found) == 1, f"{relative} is covered by {found or 'no schema'}"


def test_vscode_maps_each_record_type_to_its_own_schema():
    """The mapping agrees with the model, and every content file passes its schema
    (a school mapped to the voorziening schema would not)."""
    for rtype in m.RECORD_TYPES.values():
        files = ([f"content/{rtype.file}"] if rtype.file else
                 ["content/" + p.relative_to(FIXTURE_CONTENT).as_posix()
                  for p in sorted((FIXTURE_CONTENT / rtype.folder).glob("*.yml"))])
        assert files, rtype.name
        for relative in files:
            [schema] = schemas_for(relative, language_server_match)
            assert schema == f"./schemas/{rtype.name}.schema.json", relative
            validator = Draft202012Validator(json.loads((ROOT / schema).read_text("utf-8")))
            data = yaml.safe_load(content_source(relative).read_text(encoding="utf-8"))
            data = json.loads(json.dumps(data, default=str))  # dates as an editor sees them
            errors = [e.message for e in validator.iter_errors(data)]
            assert not errors, f"{relative} against {schema}: {errors[:3]}"


def test_vscode_settings_help_staff():
    settings = vscode_settings()
    assert settings["files.encoding"] == "utf8"
    assert settings["files.trimTrailingWhitespace"] is True
    assert settings["files.insertFinalNewline"] is True
    assert settings["[yaml]"]["editor.insertSpaces"] is True
    assert settings["[yaml]"]["editor.tabSize"] == 2
    assert settings["[yaml]"]["editor.detectIndentation"] is False
    assert settings["yaml.validate"] is True
    extensions = json.loads((VSCODE / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


# --- pre-commit --------------------------------------------------------------------

OFFLINE_LANGUAGES = {"system", "unsupported", "pygrep", "fail"}


def pre_commit_hooks() -> list[dict]:
    config = load_yaml(PRE_COMMIT)
    assert [repo["repo"] for repo in config["repos"]] == ["local"] * len(config["repos"]), \
        "only local hooks: nothing may be downloaded at commit time"
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def swvsite_hook() -> dict:
    [hook] = [h for h in pre_commit_hooks() if "swvsite" in h["entry"]]
    return hook


def run_entry(*extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*shlex.split(swvsite_hook()["entry"]), *extra], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=300)


def test_pre_commit_config_is_local_and_offline():
    hooks = pre_commit_hooks()
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook), hook
        assert hook["language"] in OFFLINE_LANGUAGES, hook
        assert "additional_dependencies" not in hook
        re.compile(hook.get("files", ""))
    assert len({h["id"] for h in hooks}) == len(hooks)
    hook = swvsite_hook()
    assert hook["language"] in ("system", "unsupported")
    assert hook["pass_filenames"] is False
    assert shlex.split(hook["entry"])[-1] == "check"
    files = re.compile(hook["files"])
    assert files.search("content/voorzieningen/opdc-de-overstap.yml")
    assert files.search("content/organisatie.yml")
    assert not files.search("docs/index.md")


def test_pre_commit_hook_passes_on_valid_content():
    result = run_entry("--content", str(FIXTURE_CONTENT))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "De inhoud is in orde" in result.stdout


def test_pre_commit_hook_refuses_broken_content(tmp_path):
    content = shutil.copytree(FIXTURES / "minimal", tmp_path / "content")
    assert run_entry("--content", str(content)).returncode == 0
    record = content / "voorzieningen/opdc-test.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("type: opdc", "type: speciaal"),
                      encoding="utf-8")
    result = run_entry("--content", str(content))
    assert result.returncode == 1
    assert "opdc-test.yml" in result.stderr and "'type'" in result.stderr
    assert "Traceback" not in result.stderr


def test_pre_commit_text_hooks_pass_on_valid_content_and_catch_mistakes():
    hooks = [h for h in pre_commit_hooks() if h["language"] == "pygrep"]
    assert hooks
    for hook in hooks:
        pattern = re.compile(hook["entry"].encode())
        files = re.compile(hook.get("files", ""))
        checked = [f for f in content_files() if files.search(f)]
        assert checked, hook["id"]
        for relative in checked:
            # pygrep reads each line as bytes, line ending included.
            with open(content_source(relative), "rb") as handle:
                hits = [n for n, line in enumerate(handle, 1) if pattern.search(line)]
            assert not hits, f"{hook['id']}: {relative}, regel {hits}"
    mistakes = [b"naam:\tOPDC\n", b"naam: OPDC  \n"]
    for mistake in mistakes:
        assert any(re.compile(h["entry"].encode()).search(mistake) for h in hooks), mistake
    assert not any(re.compile(h["entry"].encode()).search(b"naam: OPDC\n") for h in hooks)
