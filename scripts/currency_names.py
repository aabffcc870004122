"""Write the table of currency names Money.parse reads, so it needs no Babel look-ups.

Run: python scripts/currency_names.py [OUTPUT_FILE]
(default: src/aiecosys/_currency_names.py)

Building the table from Babel's data (every currency's English and French
names and symbols) costs about 60 ms, paid by the first amount read in words
("385 millions d'euros"). The module is committed with the Babel release it
was built from; aiecosys uses it under that release and builds the table from
Babel under any other. tests/test_money.py checks that this script would write
it unchanged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import babel

from aiecosys._money import build_currency_names


ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "aiecosys" / "_currency_names.py"
HEADER = '''\
"""Currency names, symbols and codes (accent- and case-folded), to their codes.

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
    lines.append("    }\n)\n")
    return "".join(lines)


def main() -> int:
    """Write the module."""
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    output.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
