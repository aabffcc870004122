"""Every install line of the README and the docs works from a clone.

aiecosys is not on a package index, so ``pip install aiecosys`` fails: the
docs must say ``pip install .`` (in the clone) or ``pip install
path/to/aiecosys``, with extras as ``'.[yaml]'``.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import pytest


ROOT = Path(__file__).parents[1]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("**/*.md")])

INSTALL = re.compile(r"\bpip3? install (?P<arguments>[^`\n]*)")
"""``pip install ...``, as a command or inline, up to the end of the code."""

LOCAL = re.compile(r"(\.|\./[\w./-]*|path/to/aiecosys)(\[(?P<extras>[\w,]+)\])?")
"""A clone or a path to one, with optional extras: ``.``, ``'.[yaml]'``."""

OTHERS = frozenset({"duckdb", "jsonschema", "nox[uv]"})
"""Other projects' packages that pages ask for, which are on PyPI."""


def extras() -> set[str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(pyproject["project"]["optional-dependencies"])


def problems(line: str) -> list[str]:
    """What is wrong with each requirement of one ``pip install`` line."""
    found: list[str] = []
    for word in shlex.split(line):
        if word.startswith("-"):
            continue
        match = LOCAL.fullmatch(word)
        if match is not None:
            unknown = set((match["extras"] or "").split(",")) - extras() - {""}
            found.extend(f"{word}: no extra {name!r}" for name in sorted(unknown))
        elif word not in OTHERS:
            found.append(f"{word}: not a path to a clone (aiecosys is on no index)")
    return found


def install_lines() -> list[tuple[str, str]]:
    return [
        (str(page.relative_to(ROOT)), match["arguments"].split("&&")[0].strip())
        for page in PAGES
        for match in INSTALL.finditer(page.read_text(encoding="utf-8"))
    ]


def test_there_are_install_lines() -> None:
    """The scan finds the README's and the tutorials' install lines."""
    pages = {page for page, _ in install_lines()}

    assert {"README.md", "docs/tutorial/first-claim.md"} <= pages


@pytest.mark.parametrize(("page", "line"), install_lines())
def test_every_install_line_works_from_a_clone(page: str, line: str) -> None:
    """Each install line installs a clone, a path to one, or another project."""
    assert [] == problems(line), page


@pytest.mark.parametrize(
    "line",
    ["aiecosys", "'aiecosys[yaml]'", "aiecosys==0.1", "'.[nope]'", "git+https://x"],
)
def test_forms_that_do_not_work_are_found(line: str) -> None:
    """An install from an index, or of an extra that does not exist, is refused."""
    assert problems(line)


@pytest.mark.parametrize(
    "line", [".", "--quiet .", "'.[yaml]'", "path/to/aiecosys", '"nox[uv]"']
)
def test_forms_that_work_are_accepted(line: str) -> None:
    """The clone and path forms, with real extras, are accepted."""
    assert [] == problems(line)
