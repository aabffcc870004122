"""The public surface: every name in __all__ is there, documented, cheap to import."""

from __future__ import annotations

import subprocess
import sys

import pytest

import aiecosys


@pytest.mark.parametrize("name", aiecosys.__all__)
def test_every_public_name_resolves_and_has_examples(name: str) -> None:
    """Each name in __all__ imports, and its docstring has an Examples section."""
    value = getattr(aiecosys, name)

    assert value.__doc__
    if callable(value) and not isinstance(value, type(aiecosys.Verdict.REFUTED)):
        assert "Examples:" in value.__doc__ or "Example" in value.__doc__, name


def test_lazy_names_are_exactly_the_rest_of_all() -> None:
    """Names loaded on first use plus names loaded at once make up __all__."""
    eager = {name for name in aiecosys.__all__ if name not in aiecosys._LAZY}

    assert set(aiecosys._LAZY) <= set(aiecosys.__all__)
    assert {"Money", "Quantity", "AiecosysError"} <= eager
    assert sorted(aiecosys.__all__) == sorted(dir(aiecosys))


def test_unknown_attribute() -> None:
    """An unknown name raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = aiecosys.Nope


def test_import_does_not_load_the_heavy_parts() -> None:
    """A fresh `import aiecosys` loads neither pint, cattrs, numpy nor the claims."""
    code = (
        "import sys, aiecosys; "
        "print(sorted(m for m in ('pint', 'cattrs', 'numpy', 'babel', "
        "'aiecosys.claims', 'aiecosys.fx') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert "[]" == result.stdout.strip()
