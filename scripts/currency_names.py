"""Write the currency tables aiecosys reads, so that it needs no Babel look-ups.

The names Money.parse reads, and the currency codes with their minor units
that every Money checks.

Run: python scripts/currency_names.py [OUTPUT_FILE]
(default: src/aiecosys/_currency_names.py)

Building the table from Babel's data (every currency's English and French
names and symbols) costs about 60 ms, paid by the first amount read in words
("385 millions d'euros"); loading Babel's global data for the codes costs
about 5 ms of the first Money. The module is committed with the Babel release it
was built from; aiecosys uses it under that release and builds the table from
Babel under any other. tests/test_money.py checks that this script would write
it unchanged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import babel

from aiecosys import _currency
from aiecosys._money import build_currency_names


ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "aiecosys" / "_currency_names.py"
HEADER = '''\
"""The currency tables: names, symbols and codes to codes; codes and minor units.

Names, symbols and codes are accent- and case-folded; the codes are those CLDR
knows, current and historic, with their minor units (decimal places).

Written by ``scripts/currency_names.py`` from Babel's data: run the script,
never edit this file. Used only under the Babel release named here; the test
suite checks that the script would write it unchanged.
"""

from __future__ import annotations

from typing import Final


'''


def _quoted(text: str) -> str:
    """*text* as a Python string in double quotes, as the formatter writes it."""
    return json.dumps(text, ensure_ascii=False)


def render() -> str:
    """The module's text, for the installed Babel."""
    # Every table from Babel, none from the module this writes.
    codes, digits = _currency.tables = _currency.build_currency_tables()
    names, dollars = build_currency_names()
    lines = [HEADER, f"BABEL_VERSION: Final = {_quoted(babel.__version__)}\n\n"]
    lines.append("NAMES: Final[dict[str, str]] = {\n")
    lines.extend(
        f"    {_quoted(name)}: {_quoted(code)},\n"
        for name, code in sorted(names.items())
    )
    lines.append("}\n\n")
    lines.append("DOLLARS: Final = frozenset(\n    {\n")
    lines.extend(f"        {_quoted(code)},\n" for code in sorted(dollars))
    lines.append("    }\n)\n\n")
    lines.append("CODES: Final = frozenset(\n    {\n")
    lines.extend(f"        {_quoted(code)},\n" for code in sorted(codes))
    lines.append("    }\n)\n\n")
    lines.append("MINOR_UNITS: Final[dict[str, int]] = {\n")
    lines.extend(f"    {_quoted(code)}: {digits[code]},\n" for code in sorted(codes))
    lines.append("}\n")
    return "".join(lines)


def main() -> int:
    """Write the module."""
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    output.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
