"""Shared piece of the tests of scripts/ and of the site's hooks: files as modules."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def script(name: str) -> ModuleType:
    """scripts/NAME.py, loaded as a module (scripts/ is not a package)."""
    return _load(name, ROOT / "scripts" / f"{name}.py")


def hook(name: str) -> ModuleType:
    """docs/hooks/NAME.py, one of the site's MkDocs hooks, loaded as a module."""
    return _load(f"hooks_{name}", ROOT / "docs" / "hooks" / f"{name}.py")
