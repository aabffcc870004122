"""Collect the examples in Markdown pages and docstrings as tests (Sybil)."""

import importlib.util
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

import pytest
from sybil import Sybil
from sybil.parsers import markdown, rest


_FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

_markdown_examples = Sybil(
    parsers=[
        markdown.PythonCodeBlockParser(doctest_optionflags=_FLAGS),
        markdown.SkipParser(),
    ],
    patterns=["docs/*.md", "docs/**/*.md", "README.md"],
    name="markdown",
    fixtures=["english_by_default"],
)
_docstring_examples = Sybil(
    parsers=[rest.DocTestParser(optionflags=_FLAGS)],
    patterns=["src/*/*.py", "src/*/*/*.py"],
    name="docstrings",
    fixtures=["english_by_default"],
)

pytest_collect_file = (_markdown_examples + _docstring_examples).pytest()

# The browser tests need the "browser" dependency group (playwright); without it
# they are not collected at all.
collect_ignore_glob = [] if importlib.util.find_spec("playwright") else ["tests/site/*"]


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests and examples read English, whatever the locale they are run in.

    The command line writes in the language LC_ALL, LC_MESSAGES or LANG ask
    for; a test that wants another sets it itself.
    """
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
