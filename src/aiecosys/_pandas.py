"""pandas, an optional dependency, imported when a table is first made."""

from __future__ import annotations

from typing import Any


__all__ = ["pandas"]


def pandas() -> Any:
    """Import pandas, or say which extra installs it.

    Raises:
        ImportError: pandas is not installed; the message names the extra.

    Examples:
        >>> from aiecosys._pandas import pandas
        >>> pandas().__name__
        'pandas'
    """
    import importlib

    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            "tables need pandas: pip install 'aiecosys[pandas]'"
        ) from None
