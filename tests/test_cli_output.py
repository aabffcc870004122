"""No traceback from the command line: closed pipes, full disks, narrow encodings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from aiecosys._cli import main


SRC = str(Path(__file__).parents[1] / "src")


def aiecosys(
    *argv: str, env: dict[str, str] | None = None, **options: object
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m aiecosys`` in a fresh process, importing this checkout."""
    environment = {**os.environ, "PYTHONPATH": SRC, **(env or {})}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "aiecosys", *argv],
        env=environment,
        capture_output="stdout" not in options,
        check=False,
        **options,
    )


def test_a_closed_pipe_exits_quietly() -> None:
    """When the reader has gone, the command stops with 141 and says nothing."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = aiecosys("claims", stdout=write, stderr=subprocess.PIPE)
    finally:
        os.close(write)

    assert 128 + 13 == result.returncode
    assert b"" == result.stderr


def test_head_reads_the_first_line() -> None:
    """`aiecosys claims | head -1` shows the header and no error."""
    command = f"{sys.executable} -m aiecosys claims --format json | head -1"
    result = subprocess.run(  # noqa: S602 - a real pipeline is what is tested
        command,
        shell=True,
        env={**os.environ, "PYTHONPATH": SRC},
        capture_output=True,
        check=False,
    )

    assert b"[\n" == result.stdout
    assert b"" == result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line() -> None:
    """Writing to a full disk is one clear error line and status 2."""
    with Path("/dev/full").open("wb") as full:
        result = aiecosys("claims", stdout=full, stderr=subprocess.PIPE)

    assert 2 == result.returncode
    assert [
        b"aiecosys claims: error: cannot write the output: No space left on device"
    ] == result.stderr.splitlines()


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_narrow_terminal_encoding(encoding: str, lang: str) -> None:
    """A terminal that cannot show « » or é gets readable stand-ins, not a crash."""
    result = aiecosys("claims", "--lang", lang, env={"PYTHONIOENCODING": encoding})

    assert 0 == result.returncode
    assert b"" == result.stderr
    text = result.stdout.decode(encoding)
    summary = "59 affirmations" if lang == "fr" else "59 claims"
    assert text.strip().splitlines()[-1].startswith(summary)
    if lang == "fr" and encoding == "ascii":
        assert "<< " in text
        assert "taiwanais" in text


def test_the_c_locale() -> None:
    """LC_ALL=C, with no other hint, still writes every claim."""
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "", "PYTHONUTF8": "0"}
    result = aiecosys("claims", "--lang", "fr", env=env)

    assert 0 == result.returncode
    assert b"" == result.stderr
    assert b"<< " in result.stdout


def test_errors_with_an_ascii_terminal(tmp_path: Path) -> None:
    """An error quoting non-ASCII text is still one line, written readably."""
    path = tmp_path / "données.yaml"
    path.write_text("a = 1", encoding="utf-8")

    result = aiecosys("validate", str(path), env={"PYTHONIOENCODING": "ascii"})

    assert 2 == result.returncode
    assert 1 == len(result.stderr.splitlines())
    assert b"donnees.yaml" in result.stderr
    assert b"Traceback" not in result.stderr


def test_a_data_error_is_one_line_per_problem(tmp_path: Path) -> None:
    """Every problem of a DataError is its own line; status 2; no traceback."""
    path = tmp_path / "kb.toml"
    path.write_text(
        '[[organisations]]\nname = "A"\nkind = "firm"\n'
        '[[organisations]]\nname = "B"\nkind = "lab"\n',
        encoding="utf-8",
    )

    result = aiecosys("validate", str(path))
    lines = result.stderr.decode().splitlines()

    assert 2 == result.returncode
    assert 2 == len(lines)
    assert all(line.startswith(f"aiecosys validate: error: {path}: ") for line in lines)


def test_closed_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    """With no standard output at all, the command says so and exits 2."""
    stdout = sys.stdout
    sys.stdout = None
    try:
        status = main(["parse", "1 EUR"])
    finally:
        sys.stdout = stdout

    assert 2 == status
    assert "standard output is closed" in capsys.readouterr().err


def test_the_command_line_stays_light() -> None:
    """`aiecosys claims` imports neither pandas, numpy nor matplotlib."""
    code = (
        "import sys, contextlib, io\n"
        "from aiecosys._cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for argv in (['claims'], ['claims', '--format', 'claimreview']):\n"
        "        main(argv)\n"
        "heavy = ('pandas', 'numpy', 'matplotlib')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": SRC},
        capture_output=True,
        text=True,
        check=True,
    )

    assert "[]" == result.stdout.strip()


def test_an_internal_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug surfaces as one line asking for a report, status 70, no traceback."""
    from aiecosys._money import Money

    def broken(text: str, **_hints: object) -> Money:
        raise ZeroDivisionError(text)

    monkeypatch.setattr(Money, "parse", broken)
    status = main(["parse", "1 EUR"])
    err = capsys.readouterr().err

    assert 70 == status
    assert 1 == len(err.splitlines())
    assert "internal error (ZeroDivisionError: 1 EUR)" in err
    assert "please report it" in err
