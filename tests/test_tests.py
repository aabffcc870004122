"""The test suite's own rules, checked on its source."""

from __future__ import annotations

import ast
from pathlib import Path


TESTS = Path(__file__).parent


def undocumented_tests(source: str) -> list[str]:
    """The names of the test functions in `source` that have no docstring.

    Test functions are those pytest collects: `test*` functions at module
    level and in `Test*` classes, nested classes included.
    """
    missing: list[str] = []

    def walk(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                walk(node.body, f"{prefix}{node.name}.")
            elif (
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                and node.name.startswith("test")
                and ast.get_docstring(node) is None
            ):
                missing.append(prefix + node.name)

    walk(ast.parse(source).body, "")
    return missing


def test_every_test_has_a_docstring() -> None:
    """Every test function under tests/ says in a docstring what it checks."""
    missing = [
        f"{path.relative_to(TESTS.parent)}::{name}"
        for path in sorted(TESTS.rglob("test_*.py"))
        for name in undocumented_tests(path.read_text(encoding="utf-8"))
    ]

    assert [] == missing, "give each of these tests a one-line docstring"
