"""Every public name is in the built site's API reference (site/objects.inv).

The inventory is the one mkdocstrings writes in Sphinx's format: four header
lines, then zlib-compressed lines of ``name domain:role priority uri dispname``.
Build the site first (``nox -s docs``); without it these tests are skipped.
"""

from __future__ import annotations

import importlib
import pkgutil
import zlib
from pathlib import Path
from types import ModuleType

import pytest

import aiecosys


INVENTORY = Path(__file__).resolve().parents[1] / "site" / "objects.inv"


def _inventory() -> set[str]:
    if not INVENTORY.is_file():
        pytest.skip("site/ is not built: run `nox -s docs` first")
    data = INVENTORY.read_bytes()
    header_end = 0
    for _ in range(4):
        header_end = data.index(b"\n", header_end) + 1
    assert data.startswith(b"# Sphinx inventory version 2")
    lines = zlib.decompress(data[header_end:]).decode("utf-8").splitlines()
    return {line.split(" ", 1)[0] for line in lines if line.strip()}


def _public_modules(package: ModuleType) -> list[str]:
    """The package's public submodules, recursively, without importing leaves."""
    found: list[str] = []
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if info.name.rsplit(".", 1)[1].startswith("_"):
            continue
        found.append(info.name)
        if info.ispkg:
            found += _public_modules(importlib.import_module(info.name))
    return found


def _public_packages() -> list[ModuleType]:
    return [aiecosys] + [
        module
        for name in _public_modules(aiecosys)
        if hasattr(module := importlib.import_module(name), "__path__")
    ]


def test_every_public_module_is_documented() -> None:
    """aiecosys.fx, aiecosys.importers and their public modules have pages."""
    inventory = _inventory()

    missing = [name for name in _public_modules(aiecosys) if name not in inventory]

    assert [] == missing


@pytest.mark.parametrize(
    "package", _public_packages(), ids=lambda module: module.__name__
)
def test_every_exported_name_is_documented(package: ModuleType) -> None:
    """Each name in a public package's __all__ is in the API reference."""
    inventory = _inventory()

    missing = [
        f"{package.__name__}.{name}"
        for name in package.__all__
        if f"{package.__name__}.{name}" not in inventory
    ]

    assert [] == missing


def test_the_inventory_is_read() -> None:
    """The parser finds known entries, so an empty set cannot pass by accident."""
    inventory = _inventory()

    assert {"aiecosys.Money", "aiecosys.Money.parse", "aiecosys.fx"} <= inventory
