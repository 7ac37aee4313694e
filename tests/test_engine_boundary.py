"""The engine is a replaceable part: only swvsite/engine/ imports MkDocs or
Material for MkDocs (also inside a function), so an adapter for another engine
replaces that one folder."""

from __future__ import annotations

import ast
from pathlib import Path

import swvsite

PACKAGE = Path(swvsite.__file__).parent
ENGINE = PACKAGE / "engine"
ENGINE_PACKAGES = ("mkdocs", "material")


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an import statement names, anywhere in the tree."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)):
            found.append((node.lineno, str(node.args[0].value)))
    return found


def is_engine_module(name: str) -> bool:
    """MkDocs, Material, or an MkDocs plugin package (mkdocs_macros, ...)."""
    top = name.split(".")[0]
    return top in ENGINE_PACKAGES or top.startswith("mkdocs_")


def engine_imports_outside_engine(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        if ENGINE in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found += [f"{path.relative_to(package.parent)}:{line}: {name}"
                  for line, name in imported_modules(tree) if is_engine_module(name)]
    return found


def test_only_the_engine_folder_imports_mkdocs_or_material():
    assert engine_imports_outside_engine(PACKAGE) == []


def test_the_scan_finds_a_lazy_import_outside_the_engine(tmp_path):
    package = tmp_path / "swvsite"
    (package / "pages").mkdir(parents=True)
    (package / "pages" / "x.py").write_text(
        "def f():\n    from material.plugins.search.plugin import Parser\n    import mkdocs\n")
    (package / "pages" / "y.py").write_text("import markdown\nimport mkdocsish\n")
    (package / "pages" / "z.py").write_text(
        "import importlib\nimportlib.import_module('mkdocs_macros')\n")
    assert engine_imports_outside_engine(package) == [
        "swvsite/pages/x.py:2: material.plugins.search.plugin", "swvsite/pages/x.py:3: mkdocs",
        "swvsite/pages/z.py:2: mkdocs_macros"]


def test_the_engine_itself_does_import_mkdocs():
    imports = [name for path in ENGINE.rglob("*.py")
               for _, name in imported_modules(ast.parse(path.read_text(encoding="utf-8")))]
    assert any(is_engine_module(name) for name in imports)


def test_the_plugin_options_are_the_settings_declared_once():
    """MkDocs' schema of the swvsite plugin is made from config.Settings: the same
    names, defaults and types; the CLI reads the same settings from mkdocs.yml."""
    from dataclasses import fields

    from swvsite.config import Settings, default_of
    from swvsite.engine.plugin import SwvsitePlugin

    schema = dict(SwvsitePlugin.config_scheme)
    assert list(schema) == [option.name for option in fields(Settings)]
    for option in fields(Settings):
        assert schema[option.name].default == default_of(option)
        assert schema[option.name]._type is type(default_of(option))


def test_the_cli_and_the_plugin_read_the_same_settings(tmp_path):
    from swvsite.config import Settings
    from swvsite.engine.plugin import SwvsitePlugin

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\nplugins:\n  - swvsite:\n      content_dir: inhoud\n"
                           "      controle_termijnen: {school: 30}\n", encoding="utf-8")
    read = Settings.read(config_file)
    plugin = SwvsitePlugin()
    errors, warnings = plugin.load_config({"content_dir": "inhoud",
                                           "controle_termijnen": {"school": 30}})
    assert not errors and not warnings
    assert plugin.settings == read == Settings(content_dir="inhoud",
                                               controle_termijnen={"school": 30})
    plugin.prepare_build(streng=True)
    assert plugin.settings.streng and not read.streng
    assert Settings.read(tmp_path / "ontbreekt.yml") == Settings()
