"""Automation for aiecosys: `nox` runs lint, typecheck, tests and docs.

Sessions (see `nox -l`):

- lint: ruff check and ruff format --check.
- typecheck: mypy --strict over src, tests and this file.
- tests: pytest on every supported Python, with Sybil running the examples in
  README.md, docs/ and every docstring; branch coverage of 95% or more.
- docs: mkdocs build --strict, offline, in English and in French (site/fr/,
  with mkdocs-static-i18n from the docs group); `nox -s docs -- serve` serves
  the site on 127.0.0.1:8000.
- site: builds the site in both languages, serves it on 127.0.0.1 and drives
  Debian's Chromium through Playwright (pages, search, charts, the language
  switcher, screenshots in tests/site/artifacts).
- bench: the benchmarks against CurrencyConverter, py-moneyed, pint and pandas
  (`nox -s bench -- --quick` checks that they run).
- mutate: mutation testing (mutmut) of the money, rates, estimate, comparison
  and claims modules; `nox -s mutate -- "aiecosys._money*"` runs one module.
"""

from __future__ import annotations

import os

import nox


nox.needs_version = ">=2025.5.1"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_external_run = True
nox.options.download_python = "never"
nox.options.sessions = ["lint", "typecheck", "tests", "docs"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = nox.project.python_versions(PYPROJECT)
DEFAULT_PYTHON = PYTHONS[0]
IN_CI = os.environ.get("CI") == "true"


def _group(*names: str) -> list[str]:
    return list(nox.project.dependency_groups(PYPROJECT, *names))


@nox.session(python=DEFAULT_PYTHON)
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install(*_group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=DEFAULT_PYTHON)
def typecheck(session: nox.Session) -> None:
    """Type-check the package, the tests and this file with mypy --strict."""
    session.install("-e", ".", *_group("typing"))
    session.run("mypy", "--strict", *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the tests and every documented example, with branch coverage."""
    session.install("-e", ".", *_group("tests"))
    data_file = f"--data-file=.coverage.{session.python}"
    # The browser tests run in the site session, against a built site.
    pytest_args = ["-m", "not browser", *session.posargs]
    session.run("coverage", "run", data_file, "-m", "pytest", *pytest_args)
    session.run("coverage", "report", data_file, "--fail-under=95")


@nox.session(python=DEFAULT_PYTHON)
def docs(session: nox.Session) -> None:
    """Build the documentation site strictly, offline (`-- serve` to serve it)."""
    # The docs group brings mkdocs-static-i18n: the site is built in English and French.
    session.install("-e", ".", *_group("docs"))
    env = {"NO_MKDOCS_2_WARNING": "1"}
    if session.posargs and session.posargs[0] == "serve":
        session.run(
            "mkdocs", "serve", "-a", "127.0.0.1:8000", *session.posargs[1:], env=env
        )
    else:
        session.run("mkdocs", "build", "--strict", "--clean", *session.posargs, env=env)


@nox.session(python=DEFAULT_PYTHON, default=False)
def site(session: nox.Session) -> None:
    """Build the site, serve it on 127.0.0.1 and test it in Debian's Chromium."""
    # The docs group brings mkdocs-static-i18n: both languages are built and tested.
    session.install("-e", ".", *_group("docs"), *_group("browser"))
    env = {"NO_MKDOCS_2_WARNING": "1"}
    session.run("mkdocs", "build", "--strict", "--clean", env=env)
    session.run("pytest", "-m", "browser", "tests/site", *session.posargs)


@nox.session(python=DEFAULT_PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Run every benchmark side by side with the peers and print ratios."""
    # From its wheel, as users install it: an editable install adds an import
    # hook to every fresh process and has no compiled French catalog.
    session.install(".", *_group("bench"))
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session(python=DEFAULT_PYTHON, default=False)
def mutate(session: nox.Session) -> None:
    """Mutation-test the core modules ([tool.mutmut] in pyproject.toml)."""
    session.install("-e", ".", *_group("mutate"))
    # mutmut runs only the tests that execute each mutated function; the names
    # given (globs such as "aiecosys._money*") restrict the run to some mutants.
    session.run("mutmut", "run", *session.posargs)
    session.run("mutmut", "results")
