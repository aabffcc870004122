"""Run a tutorial page's commands and write what they print under them.

Run: python scripts/tutorial_outputs.py [PAGE ...]
     (default: docs/tutorial/check-your-own-article.md and its French page)

A tutorial such as "Check your own article" is a series of ``console`` blocks,
each ``$ aiecosys ...`` line followed by what it prints, and of ``toml``
blocks titled with a file name, added to that file. This script runs the
steps in order, in a scratch folder holding a copy of the repository's
``examples/``, and writes each command's output (standard output, then
standard error) under it. Where the page shows ``...`` on a line of its own
for the lines it leaves out, the rewritten output keeps as many lines before
and after it as the page did.

A French page (``NAME.fr.md``) runs in a French terminal (``LANG``
``fr_FR.UTF-8``), so aiecosys writes in French there. tests/test_examples.py
runs the pages the same way and fails while a page shows other outputs than
those printed: after a change of wording (a new translation, say), run this
script and review the difference.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from aiecosys._cli import main as cli


ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "docs" / "tutorial" / "check-your-own-article.md"
PAGES = (TUTORIAL, TUTORIAL.with_suffix(".fr.md"))

_BLOCK = re.compile(
    r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL
)
_ADDED_TO = re.compile(
    r'toml title="(?P<file>[^" ]+) \((add at the end|à ajouter à la fin)\)"'
)
_ERROR = re.compile(r"\berror:|\berreur\s?:")
"""How aiecosys's errors start, in English and in French: their status is 2."""
LOCALES = {"fr": "fr_FR.UTF-8"}
"""The terminal's locale a page in each language (``NAME.fr.md``) runs in."""


class Step(NamedTuple):
    """One step of the tutorial: a command and what it prints, or an edit."""

    argv: list[str] | None
    shown: str
    added_to: str | None = None


def steps(page: str) -> list[Step]:
    """The page's commands with their shown output, and its file edits, in order."""
    found: list[Step] = []
    for block in _BLOCK.finditer(page):
        info, body = block["info"].strip(), block["body"]
        if info == "console":
            for command in re.split(r"^(?=\$ )", body, flags=re.MULTILINE):
                if command:
                    line, _, shown = command.partition("\n")
                    found.append(Step(shlex.split(line.removeprefix("$ ")), shown))
        elif (added := _ADDED_TO.fullmatch(info)) is not None:
            found.append(Step(None, body, added_to=added["file"]))
    return found


def matches(shown: str, printed: str) -> bool:
    """Whether the printed text is the shown one (``...`` standing for any lines)."""
    checker = doctest.OutputChecker()
    return checker.check_output(shown, printed, doctest.ELLIPSIS)


def expected_status(shown: str) -> int:
    """The exit status a command must have: 2 if it shows an error, else 0."""
    return 2 if _ERROR.search(shown) else 0


def environment(page: Path) -> dict[str, str | None]:
    """The locale variables a page runs with (None: unset): its language's."""
    suffixes = page.suffixes
    lang = suffixes[-2].removeprefix(".") if len(suffixes) > 1 else "en"
    return {
        "LC_ALL": None,
        "LC_MESSAGES": None,
        "LANG": LOCALES.get(lang, "C.UTF-8"),
    }


def run(argv: list[str]) -> tuple[int, str, str]:
    """Run one ``aiecosys`` command line: its status, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli(argv[1:])
    return status, out.getvalue(), err.getvalue()


def shortened(shown: str, printed: str) -> str:
    """*printed*, cut as *shown* is: its lines around a ``...`` line are kept."""
    lines = shown.splitlines()
    if "..." not in lines:
        return printed
    cut = lines.index("...")
    head, tail = cut, len(lines) - cut - 1
    got = printed.splitlines()
    kept = [*got[:head], "...", *(got[len(got) - tail :] if tail else [])]
    return "\n".join(kept) + "\n"


@contextlib.contextmanager
def scratch(page: Path) -> Iterator[Path]:
    """A scratch folder with a copy of examples/, in the page's locale."""
    saved_folder = Path.cwd()
    saved = {name: os.environ.get(name) for name in environment(page)}
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(ROOT / "examples", Path(folder) / "examples")
        os.chdir(folder)
        _set(environment(page))
        try:
            yield Path(folder)
        finally:
            os.chdir(saved_folder)
            _set(saved)


def _set(variables: dict[str, str | None]) -> None:
    for name, value in variables.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def rewritten(page: Path) -> str:
    """The page with each command's output as it is printed now."""
    text = page.read_text(encoding="utf-8")
    outputs: list[tuple[list[str], str]] = []
    with scratch(page):
        for step in steps(text):
            if step.argv is None:
                assert step.added_to is not None
                with Path(step.added_to).open("a", encoding="utf-8") as file:
                    file.write(step.shown)
                continue
            _, out, err = run(step.argv)
            outputs.append((step.argv, shortened(step.shown, out + err)))

    def block(match: re.Match[str]) -> str:
        if match["info"].strip() != "console":
            return match.group()
        body = []
        for command in re.split(r"^(?=\$ )", match["body"], flags=re.MULTILINE):
            if command:
                line = command.partition("\n")[0]
                _, printed = outputs.pop(0)
                body.append(f"{line}\n{printed}")
        return f"```{match['info']}\n{''.join(body)}```"

    return _BLOCK.sub(block, text)


def main() -> int:
    """Rewrite the pages given, or both tutorial pages."""
    pages = [Path(name).resolve() for name in sys.argv[1:]] or list(PAGES)
    for page in pages:
        page.write_text(rewritten(page), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
