"""The ``aiecosys`` command line."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from aiecosys._errors import AiecosysError


if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = ["main"]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, such as 2023-12-11"
        ) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiecosys",
        description="Sourced, dated, dimension-safe facts about the AI industry.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert an amount to another currency at a date, showing the rate used",
        description=(
            "Convert an amount at the exchange rate published for a date "
            "(the European Central Bank's reference rates, bundled)."
        ),
    )
    convert.add_argument("amount", help="the amount as written, e.g. '385 M EUR'")
    convert.add_argument("currency", help="the ISO 4217 code to convert to, e.g. USD")
    convert.add_argument(
        "--on", type=_date, required=True, help="the date of the rate, YYYY-MM-DD"
    )

    parse = commands.add_parser(
        "parse",
        help="read an amount written in English or French news style",
        description="Read an amount such as '385 millions d'euros' exactly.",
    )
    parse.add_argument("text", help="the amount as written")
    return parser


def _convert(args: argparse.Namespace) -> str:
    from aiecosys._money import Money

    money = Money.parse(args.amount)
    converted = money.to(args.currency, on=args.on)
    lines = [f"{money} = {converted.quantize()} on {args.on.isoformat()}"]
    if converted.conversion is not None:
        lines.append(str(converted.conversion))
    return "\n".join(lines)


def _parse(args: argparse.Namespace) -> str:
    from aiecosys._money import Money

    money = Money.parse(args.text)
    return f"{money!r}  ({money.format('en', style='long')})"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Errors are one line on standard error, with a non-zero status, no traceback.

    Examples:
        >>> main(["parse", "385 millions d'euros"])
        Money('385000000', 'EUR')  (385 million euros)
        0
    """
    parser = _parser()
    args = parser.parse_args(argv)
    handlers = {"convert": _convert, "parse": _parse}
    if args.command is None:
        parser.print_help()
        return 0
    try:
        output = handlers[args.command](args)
    except AiecosysError as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        print(f"aiecosys {args.command}: error: {message}", file=sys.stderr)  # noqa: T201
        return 2
    print(output)  # noqa: T201
    return 0
