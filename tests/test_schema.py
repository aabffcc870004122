"""The JSON Schema: the command that writes it, and its usage message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aiecosys import json_schema
from aiecosys._schema import main


def test_main_writes_the_schema(tmp_path: Path) -> None:
    """python -m aiecosys._schema PATH writes the current schema to PATH."""
    path = tmp_path / "ecosystem.schema.json"

    assert 0 == main([str(path)])
    assert json_schema() == json.loads(path.read_text(encoding="utf-8"))


def test_main_without_a_path(capsys: pytest.CaptureFixture[str]) -> None:
    """Without exactly one path, the command prints its usage and fails."""
    assert 2 == main([])
    assert "usage: python -m aiecosys._schema PATH\n" == capsys.readouterr().err
