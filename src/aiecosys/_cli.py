"""The ``aiecosys`` command line: check the article's claims, convert, compare."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from aiecosys._errors import AiecosysError


if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from aiecosys._claims import Evaluation
    from aiecosys._source import Source
    from aiecosys.fx import Conversion


__all__ = ["main"]

_VERDICTS: Final = ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")


class _UsageError(Exception):
    """A mistake in the command line itself (an unknown claim id, say)."""


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
        description=(
            "Sourced, dated, dimension-safe facts about the AI industry, and the "
            "checked claims of an article on Kai-Fu Lee, 01.AI, Mistral AI and Kyutai."
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    claims = commands.add_parser(
        "claims",
        help="check every claim of the article and show the verdicts",
        description=(
            "Evaluate every checkable claim of the article against the sourced "
            "facts shipped with aiecosys. Verdicts are computed, never stored."
        ),
    )
    claims.add_argument(
        "--format",
        choices=("table", "json", "markdown"),
        default="table",
        help="table (default), json for programs, markdown for reports",
    )
    claims.add_argument(
        "--lang",
        choices=("en", "fr"),
        default="en",
        help="show each claim in English (default) or as quoted in French",
    )
    claims.add_argument(
        "--explain",
        metavar="ID",
        help="show the whole evidence trail of one claim",
    )

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

    compare = commands.add_parser(
        "compare",
        help="compare two models of the article's knowledge base",
        description=(
            "Compare two models by a measure; undisclosed values are ranges, "
            "and the answer is less, greater, equal or indeterminate."
        ),
    )
    compare.add_argument("first", help="a model name or alias, e.g. Yi-34B")
    compare.add_argument("second", help="another model, e.g. GPT-4")
    compare.add_argument(
        "--by",
        default="parameters",
        choices=(
            "parameters",
            "active_parameters",
            "training_tokens",
            "training_compute",
        ),
        help="the measure to compare (default: parameters)",
    )

    parse = commands.add_parser(
        "parse",
        help="read an amount written in English or French news style",
        description="Read an amount such as '385 millions d'euros' exactly.",
    )
    parse.add_argument("text", help="the amount as written")
    parse.add_argument(
        "--locale", help="the CLDR locale the amount is written for, such as de or en"
    )
    parse.add_argument("--assume", help="the currency of a shared symbol such as ¥")
    return parser


# -- rendering ----------------------------------------------------------------------


def _source_json(source: Source) -> dict[str, Any]:
    return {
        "key": source.key,
        "title": source.title,
        "url": source.url,
        "publisher": source.publisher,
        "published": None if source.published is None else str(source.published),
    }


def _conversion_json(conversion: Conversion) -> dict[str, Any]:
    return {
        "rate": str(conversion.rate),
        "base": conversion.base,
        "quote": conversion.quote,
        "on": conversion.on.isoformat(),
        "observed": conversion.observed.isoformat(),
        "method": str(conversion.method),
        "source": conversion.source,
        "version": conversion.version,
    }


def _evaluation_json(evaluation: Evaluation) -> dict[str, Any]:
    claim = evaluation.claim
    return {
        "id": claim.id,
        "quote_fr": claim.quote_fr,
        "claim_en": claim.claim_en,
        "verdict": evaluation.verdict.value,
        "explanation": evaluation.explanation,
        "evidence": [
            {
                "fact": item.label,
                "value": item.value,
                "sources": [_source_json(source) for source in item.sources],
            }
            for item in evaluation.evidence
        ],
        "conversions": [_conversion_json(c) for c in evaluation.conversions],
    }


def _summary(evaluations: Sequence[Evaluation]) -> str:
    counts = Counter(evaluation.verdict.value for evaluation in evaluations)
    parts = [f"{counts.get(verdict, 0)} {verdict}" for verdict in _VERDICTS]
    return f"{len(evaluations)} claims: " + ", ".join(parts)


def _first_sentence(text: str, width: int) -> str:
    sentence = text.split(". ", maxsplit=1)[0].rstrip(".") + "."
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"


def _table(evaluations: Sequence[Evaluation], lang: str) -> str:
    id_width = max((len(e.claim.id) for e in evaluations), default=2)
    lines = [f"{'ID':<{id_width}}  {'VERDICT':<15}  CLAIM / WHY", ""]
    for evaluation in evaluations:
        claim = evaluation.claim
        words = f"« {claim.quote_fr} »" if lang == "fr" else claim.claim_en
        lines.append(f"{claim.id:<{id_width}}  {evaluation.verdict.value:<15}  {words}")
        indent = " " * (id_width + 19)
        lines.append(indent + _first_sentence(evaluation.explanation, 100))
    lines.extend(["", _summary(evaluations)])
    return "\n".join(lines)


def _markdown(evaluations: Sequence[Evaluation], lang: str) -> str:
    lines = ["| id | claim | verdict | why |", "| --- | --- | --- | --- |"]
    for evaluation in evaluations:
        claim = evaluation.claim
        words = f"« {claim.quote_fr} »" if lang == "fr" else claim.claim_en
        cells = [
            claim.id,
            words,
            f"**{evaluation.verdict.value}**",
            evaluation.explanation,
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines.extend(["", _summary(evaluations)])
    return "\n".join(lines)


def _explain(evaluation: Evaluation) -> str:
    claim = evaluation.claim
    lines = [
        f"{claim.id}: {evaluation.verdict.value}",
        f"  quoted:  « {claim.quote_fr} »",
        f"  claim:   {claim.claim_en}",
        f"  source:  {claim.source.title}",
        *([f"  note:    {claim.note}"] if claim.note else []),
        "",
        evaluation.explanation,
        "",
        "Evidence:",
    ]
    for item in evaluation.evidence:
        lines.append(f"  - {item.label} = {item.value}")
        lines.extend(
            f"      {source.title}"
            + (f", {source.publisher}" if source.publisher else "")
            + (f", {source.published}" if source.published else "")
            + (f" <{source.url}>" if source.url else "")
            for source in item.sources
        )
    if evaluation.conversions:
        lines.append("Conversions:")
        lines.extend(f"  - {conversion}" for conversion in evaluation.conversions)
    return "\n".join(lines)


# -- commands -----------------------------------------------------------------------


def _claims(args: argparse.Namespace) -> str:
    from aiecosys._article import load_article
    from aiecosys._claims import check, check_all

    article = load_article()
    if args.explain is not None:
        by_id = {claim.id: claim for claim in article.claims}
        if args.explain not in by_id:
            known = ", ".join(sorted(by_id))
            raise _UsageError(f"no claim {args.explain!r}; the claims are: {known}")
        return _explain(check(by_id[args.explain], article.ecosystem))
    evaluations = check_all(article.claims, article.ecosystem)
    if args.format == "json":
        return json.dumps(
            [_evaluation_json(e) for e in evaluations], ensure_ascii=False, indent=2
        )
    if args.format == "markdown":
        return _markdown(evaluations, args.lang)
    return _table(evaluations, args.lang)


def _convert(args: argparse.Namespace) -> str:
    from aiecosys._money import Money

    money = Money.parse(args.amount)
    converted = money.to(args.currency, on=args.on)
    lines = [f"{money} = {converted.quantize()} on {args.on.isoformat()}"]
    if converted.conversion is not None:
        lines.append(f"rate used: {converted.conversion}")
    return "\n".join(lines)


def _compare(args: argparse.Namespace) -> str:
    from aiecosys._article import load_article
    from aiecosys._compare import compare

    eco = load_article().ecosystem
    models = eco.model(args.first), eco.model(args.second)
    estimates = [getattr(model, args.by) for model in models]
    for model, estimate in zip(models, estimates, strict=True):
        if estimate is None:
            raise _UsageError(f"{model.name} has no recorded {args.by}")
    comparison = compare(
        estimates[0],
        estimates[1],
        labels=(f"{models[0].name} {args.by}", f"{models[1].name} {args.by}"),
    )
    lines = [comparison.explanation]
    for model, estimate in zip(models, estimates, strict=True):
        lines.append(f"  {model.name}: {estimate}")
        lines.extend(f"      {s.title} <{s.url}>" for s in estimate.sources if s.url)
    return "\n".join(lines)


def _parse(args: argparse.Namespace) -> str:
    from aiecosys._money import Money

    money = Money.parse(args.text, locale=args.locale, assume=args.assume)
    return f"{money!r}  ({money.format('en', style='long')})"


_HANDLERS: Final[dict[str, Callable[[argparse.Namespace], str]]] = {
    "claims": _claims,
    "convert": _convert,
    "compare": _compare,
    "parse": _parse,
}


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
    if args.command is None:
        parser.print_help()
        return 0
    try:
        output = _HANDLERS[args.command](args)
    except (AiecosysError, _UsageError) as error:
        message = " ".join(str(error).split()) or type(error).__name__
        print(f"aiecosys {args.command}: error: {message}", file=sys.stderr)  # noqa: T201
        return 2
    print(output)  # noqa: T201
    return 0
