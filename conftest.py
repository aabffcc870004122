"""Collect the examples in Markdown pages and docstrings as tests (Sybil)."""

import importlib.util
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

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
)
_docstring_examples = Sybil(
    parsers=[rest.DocTestParser(optionflags=_FLAGS)],
    patterns=["src/*/*.py", "src/*/*/*.py"],
    name="docstrings",
)

pytest_collect_file = (_markdown_examples + _docstring_examples).pytest()

# The browser tests need the "browser" dependency group (playwright); without it
# they are not collected at all.
collect_ignore_glob = [] if importlib.util.find_spec("playwright") else ["tests/site/*"]
