"""Exchange rates against CurrencyConverter (the same ECB data), in one run.

Run: python benchmarks/bench_fx.py [--quick]

Three measures, each beside CurrencyConverter doing the same work with
``fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known"``
(the last published rate, as aiecosys does):

1. a fresh process: import, load the rates, convert one amount at a date;
2. a warm scalar dated conversion: aiecosys's exact Decimal with provenance,
   against ``CurrencyConverter.convert`` with a date (aiecosys keeps each
   conversion record, so a warm rate is a dictionary look-up);
3. 1,000,000 rows (10 currencies, dates 2000 to 2026) into EUR: aiecosys's
   ``convert_many`` against a loop over ``CurrencyConverter.convert``, with the
   results checked to agree within a relative 1e-12.
"""

from __future__ import annotations

import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from datetime import date
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))

from _timing import interleaved, once, report


CURRENCIES = ["EUR", "USD", "GBP", "JPY", "CNY", "CHF", "CAD", "KRW", "INR", "AUD"]
DAY = date(2023, 11, 3)
CC_OPTIONS = (
    'fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known"'
)


def _per_call(fn: Callable[[], object], number: int) -> Callable[[], float]:
    return lambda: timeit.timeit(fn, number=number) / number


def _fresh(code: str) -> Callable[[], float]:
    timer = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"

    def sample() -> float:
        result = subprocess.run(
            [sys.executable, "-c", timer.format(code)],
            check=True,
            capture_output=True,
            text=True,
        )
        return float(result.stdout.strip().splitlines()[-1])

    return sample


def fresh(*, repeat: int) -> list[str]:
    money = (
        "from datetime import date; from aiecosys import Money; "
        "Money('100', 'USD').to('EUR', on=date(2023, 11, 3))"
    )
    rate = (
        "from datetime import date; import aiecosys.fx; "
        "aiecosys.fx.rate('USD', 'EUR', on=date(2023, 11, 3))"
    )
    theirs = (
        "from datetime import date; from currency_converter import CurrencyConverter; "
        f"CurrencyConverter({CC_OPTIONS}).convert(100, 'USD', 'EUR', date=date(2023, 11, 3))"
    )
    with_money, with_rate, peer = interleaved(
        [
            ("Money.to: import aiecosys, load, convert", _fresh(money)),
            ("fx.rate: import aiecosys.fx, load, rate", _fresh(rate)),
            ("CurrencyConverter: import, load, convert", _fresh(theirs)),
        ],
        repeat,
    )
    rows = [(with_money, peer, "<= 0.25x"), (with_rate, peer, "<= 0.25x")]
    return report("First conversion in a fresh process", rows)


def warm(*, number: int, repeat: int) -> list[str]:
    from currency_converter import CurrencyConverter

    from aiecosys import Money, fx

    converter = CurrencyConverter(
        fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known"
    )
    money = Money("100", "USD")
    saturday = date(2023, 11, 4)
    plain = "cc.convert(100, 'USD', 'EUR', date=day)"
    cases: list[tuple[str, Callable[[], object], str, Callable[[], object], str]] = [
        (
            "fx.rate('USD', 'EUR', on=day)",
            lambda: fx.rate("USD", "EUR", on=DAY),
            plain,
            lambda: converter.convert(100, "USD", "EUR", date=DAY),
            "<= 1.0x",
        ),
        (
            "fx.rate on a Saturday (last known)",
            lambda: fx.rate("USD", "EUR", on=saturday),
            "cc.convert on a Saturday (last_known)",
            lambda: converter.convert(100, "USD", "EUR", date=saturday),
            "<= 1.0x",
        ),
        (
            "fx.rate('USD', 'JPY', on=day), cross",
            lambda: fx.rate("USD", "JPY", on=DAY),
            "cc.convert(100, 'USD', 'JPY', date=day)",
            lambda: converter.convert(100, "USD", "JPY", date=DAY),
            "<= 1.0x",
        ),
        (
            "Money('100', 'USD').to('EUR', on=day)",
            lambda: money.to("EUR", on=DAY),
            plain,
            lambda: converter.convert(100, "USD", "EUR", date=DAY),
            "<= 1.0x",
        ),
        (
            "Money('100', 'USD').to('JPY', on=day), cross",
            lambda: money.to("JPY", on=DAY),
            "cc.convert(100, 'USD', 'JPY', date=day)",
            lambda: converter.convert(100, "USD", "JPY", date=DAY),
            "<= 1.0x",
        ),
    ]
    rows = []
    for ours, our_call, theirs, their_call, target in cases:
        mine, peer = interleaved(
            [
                (ours, _per_call(our_call, number)),
                (theirs, _per_call(their_call, number)),
            ],
            repeat,
        )
        rows.append((mine, peer, target))
    return report("Warm scalar conversion at a date", rows)


def bulk(*, rows: int, repeat: int) -> list[str]:
    import numpy as np
    import pandas as pd
    from currency_converter import CurrencyConverter

    from aiecosys.fx import convert_many

    generator = np.random.default_rng(42)
    first, last = np.datetime64("2000-01-01"), np.datetime64("2026-10-30")
    days = first + generator.integers(0, (last - first).astype(int) + 1, rows)
    codes = generator.integers(0, len(CURRENCIES), rows)
    amounts = generator.lognormal(14, 2, rows)
    names = np.array(CURRENCIES)[codes]
    categorical = pd.Categorical.from_codes(codes, CURRENCIES)
    py_amounts, py_names = amounts.tolist(), names.tolist()
    py_days = days.astype(object).tolist()

    converter = CurrencyConverter(
        fallback_on_missing_rate=True,
        fallback_on_missing_rate_method="last_known",
        fallback_on_wrong_date=True,
    )

    def loop() -> list[float]:
        convert = converter.convert
        return [
            convert(a, c, "EUR", date=d)
            for a, c, d in zip(py_amounts, py_names, py_days, strict=True)
        ]

    start = time.perf_counter()
    first_call = convert_many(
        amounts, codes, days, categories=CURRENCIES, on_missing="nan"
    )
    build = time.perf_counter() - start

    expected = np.array(loop())
    cases = [
        (
            "convert_many, integer codes",
            lambda: convert_many(
                amounts, codes, days, categories=CURRENCIES, on_missing="nan"
            ),
            ">= 100x faster",
        ),
        (
            "convert_many, pandas categorical",
            lambda: convert_many(amounts, categorical, days, on_missing="nan"),
            ">= 100x faster",
        ),
        (
            "convert_many, numpy string codes",
            lambda: convert_many(amounts, names, days, on_missing="nan"),
            ">= 40x faster",
        ),
        (
            "convert_many, Python lists of str and date",
            lambda: convert_many(py_amounts, py_names, py_days, on_missing="nan"),
            "informational",
        ),
    ]
    *ours, peer = interleaved(
        [(name, once(call)) for name, call, _ in cases]
        + [(f"loop over cc.convert, {rows:,} rows", once(loop))],
        repeat,
    )
    figures = [
        (figure, target) for figure, (_, _, target) in zip(ours, cases, strict=True)
    ]
    lines = report(
        f"{rows:,} rows into EUR", [(ours, peer, target) for ours, target in figures]
    )
    kept = ~first_call.missing
    worst = float(np.max(np.abs(first_call.amounts[kept] / expected[kept] - 1)))
    lines += [
        "- speed-ups: "
        + ", ".join(
            f"{ours.name}: {peer.median / ours.median:.0f}x" for ours, _ in figures
        ),
        f"- first call, building the matrix for 10 currencies: {build * 1e3:.1f} ms",
        f"- rows without a rate (CNY before 2005, INR before 2009): {int((~kept).sum()):,}",
        f"- largest relative difference from the loop: {worst:.1e} (must be < 1e-12)",
        "",
    ]
    print("\n".join(lines[-5:]))
    if not worst < 1e-12:
        raise SystemExit("bulk results differ from CurrencyConverter's")
    return lines


def run(*, quick: bool = False) -> list[str]:
    lines = fresh(repeat=2 if quick else 15)
    lines += warm(number=2_000 if quick else 20_000, repeat=3 if quick else 25)
    lines += bulk(rows=20_000 if quick else 1_000_000, repeat=2 if quick else 5)
    return lines


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
