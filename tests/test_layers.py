"""The layers: values, then facts, then claims, then the article and the command line.

The contract is ``[tool.importlinter]`` in pyproject.toml; import-linter
checks every import, a lazy one inside a function included. Private names
(``_helper``) stay inside their module, or their package for ``claims``,
``fx`` and ``importers``: another module that needs one imports it public.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGES = frozenset({"claims", "fx", "importers"})
"""The subpackages whose modules share their private names."""


def _layers() -> list[set[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    return [
        {name.strip() for name in layer.replace("|", ":").split(":")}
        for layer in contract["layers"]
    ]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _unit(module: str) -> str:
    """The module, or the subpackage it belongs to, that owns its private names."""
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in PACKAGES:
        return ".".join(parts[:2])
    return module


def _is_module(name: str) -> bool:
    base = SRC / name.replace(".", "/")
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def test_the_layers_contract_is_kept() -> None:
    """lint-imports finds no module importing from a layer above its own."""
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(no_cache=True, no_logo=True))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_every_module_is_in_a_layer() -> None:
    """Each module and subpackage of aiecosys sits in exactly one layer."""
    layers = _layers()
    placed = [name for layer in layers for name in layer]
    children = sorted(
        f"aiecosys.{path.stem if path.is_file() else path.name}"
        for path in (SRC / "aiecosys").iterdir()
        if (path.suffix == ".py" and path.stem != "__init__")
        or (path / "__init__.py").is_file()
    )

    assert sorted(placed) == children


def test_no_module_imports_another_s_private_name() -> None:
    """No `from aiecosys.x import _helper` across modules (or subpackages)."""
    found: list[str] = []
    for path in sorted((SRC / "aiecosys").rglob("*.py")):
        importer = _module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.ImportFrom)
                and node.level == 0
                and (node.module or "").split(".")[0] == "aiecosys"
            ):
                continue
            module = node.module or ""
            found.extend(
                f"{importer} imports {alias.name} from {module} (line {node.lineno})"
                for alias in node.names
                if alias.name.startswith("_")
                and not alias.name.startswith("__")
                and not _is_module(f"{module}.{alias.name}")
                and _unit(module) != _unit(importer)
            )

    assert [] == found
