"""The ``aiecosys`` command line: check claims, validate files, convert, compare.

Every command writes its result to standard output and its errors to standard
error, one line per problem, never a traceback. The exit status is 0 when the
command did its work, 1 when ``--fail-on`` found a verdict it was told to fail
on, 2 when the input or the command line is wrong or the output cannot be
written, 70 on an internal error (a bug, reported in one line), and 141 (as
for a process stopped by SIGPIPE) when the reader of a pipe went away, as in
``aiecosys claims | head -1``.

Every command writes its report, warnings and errors in English or French:
``--lang`` chooses, else the environment does as the C library would
(``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``), English when it names no
language aiecosys writes in. The files' own texts are shown through their
``[translations.<lang>]`` tables, if they give one. JSON output is for
programs: its keys and verdict values never change.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import decimal
import io
import os
import re
import shlex
import sys
import unicodedata
import warnings
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TextIO

from aiecosys._contexts import DEFAULT
from aiecosys._errors import AiecosysError, DataError, FormatNotice, Problem
from aiecosys._i18n import (
    LANGUAGES,
    N_,
    current,
    from_environment,
    language,
    ngettext,
    text,
    texts,
)
from aiecosys._i18n import gettext as _


if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from aiecosys._ecosystem import Ecosystem
    from aiecosys._source import Source
    from aiecosys.claims import Claim, Evaluation
    from aiecosys.fx import Conversion


__all__ = ["main"]


_FAIL_ON: Final = {
    "refuted": frozenset({"REFUTED"}),
    "not-enough-info": frozenset({"REFUTED", "NOT_ENOUGH_INFO"}),
}
"""The verdicts that make ``--fail-on`` exit with status 1."""

_RATING: Final = {"REFUTED": 1, "NOT_ENOUGH_INFO": 2, "SUPPORTED": 3}
"""The ClaimReview rating scale: 1 (worst) is refuted, 3 (best) is supported."""

_DEFAULT_SITE: Final = "https://aiecosys.invalid/claims/"
"""The review URLs' base when ``--site-url`` is not given: a reserved domain."""

_FAILED: Final = 2
"""The exit status of a command that could not do its work."""

_FAILED_ON_VERDICT: Final = 1
"""The exit status when ``--fail-on`` found a verdict it was told to fail on."""

_BUG: Final = 70
"""The exit status of an internal error (EX_SOFTWARE in sysexits.h)."""

_BROKEN_PIPE: Final = 128 + 13
"""The status a shell reports for a process stopped by SIGPIPE."""

_INTERRUPTED: Final = 128 + 2
"""The status a shell reports for a process stopped by Ctrl-C (SIGINT)."""


class _UsageError(Exception):
    """A mistake in the command line itself (an unknown claim id, say)."""


# -- writing safely -----------------------------------------------------------------

_PLAIN: Final = {
    "«": "<<",
    "»": ">>",
    "…": "...",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "--",
    "±": "+/-",
    "×": "x",
    "\u00a0": " ",
    "\u202f": " ",
}
"""Plain-ASCII stand-ins for characters a narrow terminal encoding may lack."""

_READABLE: Final = "aiecosys.readable"
"""The codec error handler that writes what a terminal cannot show, readably."""


def _readable(error: UnicodeError) -> tuple[str | bytes, int]:
    """Replace one character an encoding lacks: a plain stand-in, or ``?``.

    Accented letters lose their accent (``é`` becomes ``e``), and anything
    else with no stand-in becomes ``?``. The undecodable bytes of a file name
    (held as lone surrogates) are written back as they were.
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    char = error.object[error.start]
    if "\udc80" <= char <= "\udcff":
        return bytes([ord(char) - 0xDC00]), error.start + 1
    plain = _PLAIN.get(char)
    if plain is None:
        letters = unicodedata.normalize("NFKD", char)
        plain = "".join(c for c in letters if c.isascii() and c.isprintable()) or "?"
    return plain, error.start + 1


codecs.register_error(_READABLE, _readable)


_REPLACEABLE: Final = frozenset({"strict", "surrogateescape", "backslashreplace"})
"""Python's own error handlers of standard streams, which _READABLE extends."""


def _never_fail_to_encode(stream: TextIO | None) -> None:
    """Make *stream* write characters its encoding lacks readably, never raising."""
    if isinstance(stream, io.TextIOWrapper) and stream.errors in _REPLACEABLE:
        stream.reconfigure(errors=_READABLE)


def _silence(stream: TextIO | None) -> None:
    """Point *stream*'s file descriptor at the null device.

    Whatever is still buffered is then discarded at exit, instead of failing a
    second time and printing "Exception ignored" after the command's own error.
    """
    try:
        if stream is None:
            return
        descriptor = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):
        return
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


_BREAKS: Final = re.compile(r"[^\S\u00a0\u202f]+")
"""Runs of white space, but for the no-break spaces of French typography."""


def _one_line(message: str) -> str:
    r"""*message* on one line: each run of white space one space, no-break kept.

    Examples:
        >>> _one_line("  a\n  b\u202f;  c ")
        'a b\u202f; c'
    """
    return _BREAKS.sub(" ", message).strip()


def _say(command: str, messages: Iterable[str]) -> None:
    """Write each message as one line of standard error; never raise."""
    program = f"aiecosys{' ' + command if command else ''}"
    lines = [
        _("{program}: error: {message}").format(
            program=program, message=_one_line(message) or _("unknown error")
        )
        for message in messages
    ]
    try:
        if sys.stderr is not None:
            sys.stderr.write("\n".join(lines) + "\n")
            sys.stderr.flush()
    except OSError:
        _silence(sys.stderr)


def _problems(error: BaseException) -> list[str]:
    """One line per problem of a DataError; the message of any other error."""
    if isinstance(error, DataError):
        return [str(problem) for problem in error.problems]
    return [str(error) or type(error).__name__]


def _write(command: str, text: str) -> int:
    """Write *text* and a newline to standard output; return the exit status."""
    stdout = sys.stdout
    if stdout is None:
        _say(command, [_("cannot write the output: standard output is closed")])
        return _FAILED
    try:
        stdout.write(text + "\n")
        stdout.flush()
    except BrokenPipeError:
        _silence(stdout)
        return _BROKEN_PIPE
    except OSError as error:
        _silence(stdout)
        reason = error.strerror or str(error)
        _say(command, [_("cannot write the output: {reason}").format(reason=reason)])
        return _FAILED
    return 0


# -- the command line ---------------------------------------------------------------


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _(
                "{text} is not a date; write it as YYYY-MM-DD, such as 2023-12-11"
            ).format(text=repr(text))
        ) from None


def _url(text: str) -> str:
    if re.fullmatch(r"https?://[^\s/?#]+[^\s]*", text) is None:
        raise argparse.ArgumentTypeError(
            _(
                "{text} is not a web address; write it in full, such as "
                "https://example.org/fact-checks/"
            ).format(text=repr(text))
        )
    return text


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    *,
    summary: str,
    description: str,
    examples: Sequence[str],
) -> argparse.ArgumentParser:
    """Add a command whose help ends with examples, writing in ``--lang``."""
    command = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog="examples:\n" + "\n".join(f"  {example}" for example in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _lang_option(command)
    return command


def _lang_option(command: argparse.ArgumentParser) -> None:
    """The option of the commands that write sentences: the reader's language."""
    command.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=(
            "the language to write in: en or fr (default: as LC_ALL, "
            "LC_MESSAGES or LANG say, else en); in French, a claim quoted in "
            "French is shown as quoted"
        ),
    )


def _output_options(command: argparse.ArgumentParser) -> None:
    """The options of the commands that show verdicts: claims and check."""
    command.add_argument(
        "--format",
        choices=("table", "json", "markdown", "claimreview"),
        default="table",
        help=(
            "table (default), json for programs, markdown for reports, "
            "claimreview for schema.org ClaimReview JSON-LD"
        ),
    )
    command.add_argument(
        "--explain",
        metavar="ID",
        help="show the whole evidence trail of one claim",
    )
    command.add_argument(
        "--fail-on",
        choices=tuple(_FAIL_ON),
        help=(
            "exit with status 1 when a claim is refuted (refuted), or refuted "
            "or not settled by the facts (not-enough-info), as a CI gate"
        ),
    )
    review = command.add_argument_group("claimreview options")
    review.add_argument(
        "--author",
        default="aiecosys",
        help="the organisation that publishes the reviews (default: aiecosys)",
    )
    review.add_argument(
        "--date",
        type=_date,
        help="the reviews' publication date, YYYY-MM-DD (default: today, UTC)",
    )
    review.add_argument(
        "--site-url",
        type=_url,
        metavar="URL",
        help=(
            "where the reviews are published; each review's url is this base "
            f"and the claim's id (default: {_DEFAULT_SITE}, a placeholder)"
        ),
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiecosys",
        description=(
            "Sourced, dated, dimension-safe facts about the AI industry, and the "
            "checked claims of an article on Kai-Fu Lee, 01.AI, Mistral AI and Kyutai."
        ),
        epilog=(
            "examples:\n"
            "  aiecosys claims --explain yi-half-gpt4\n"
            "  aiecosys check kb.toml claims.toml --fail-on refuted\n"
            "  aiecosys COMMAND --help\n\n"
            "exit status:\n"
            "  0 done, 1 a verdict named by --fail-on was found,\n"
            "  2 bad input or output, 70 an internal error,\n"
            "  141 the reader of the output went away"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="show the version")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    claims = _command(
        commands,
        "claims",
        summary="check every claim of the bundled article and show the verdicts",
        description=(
            "Evaluate every checkable claim of the article against the sourced "
            "facts shipped with aiecosys. Verdicts are computed, never stored."
        ),
        examples=(
            "aiecosys claims",
            "aiecosys claims --explain yi-half-gpt4",
            "aiecosys claims --format claimreview --date 2024-03-01",
        ),
    )
    _output_options(claims)

    check = _command(
        commands,
        "check",
        summary="check the claims of your files against your knowledge bases",
        description=(
            "Read knowledge bases and claims files (.toml or .json; a file may "
            "hold both), merge the knowledge bases into one, and check every "
            "claim against it. Exits 0 when the verdicts were computed, whatever "
            "they are, and 2 with one line per problem when a file is invalid."
        ),
        examples=(
            "aiecosys check kb.toml claims.toml",
            "aiecosys check kb.toml claims.toml --fail-on refuted",
            "aiecosys check kb.toml claims.toml --format claimreview --site-url URL",
        ),
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a .toml or .json file")
    _output_options(check)

    validate = _command(
        commands,
        "validate",
        summary="list every problem of knowledge-base and claims files",
        description=(
            "Read the files as check does and list every problem of every file, "
            "naming the file, the entry and the field; no verdict is computed. "
            "Exits 0 when the files are valid."
        ),
        examples=("aiecosys validate kb.toml claims.toml",),
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="a .toml or .json file"
    )

    sources = _command(
        commands,
        "sources",
        summary="list the sources of knowledge bases, or the weakly sourced facts",
        description=(
            "Read the files as validate does and list every source cited, with "
            "its kind; with --weak, list instead every fact that rests only on "
            "reference works (encyclopedias, wikis) or aggregators (scrapers, "
            "mirrors, content farms), naming the file, the entry and the field, "
            "with its sources and their kinds. A source whose kind is not stated "
            "is not counted as weak. With no FILE, the bundled article's "
            "knowledge base is read. Exits 0 when the files are valid, whatever "
            "is listed."
        ),
        examples=(
            "aiecosys sources --weak kb.toml",
            "aiecosys sources --weak --format json kb.toml claims.toml",
            "aiecosys sources --weak",
        ),
    )
    sources.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a .toml or .json file (default: the bundled article's knowledge base)",
    )
    sources.add_argument(
        "--weak",
        action="store_true",
        help="list the facts that rest only on reference or aggregator sources",
    )
    sources.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default), or json for programs",
    )

    convert = _command(
        commands,
        "convert",
        summary="convert an amount to another currency at a date, showing the rate",
        description=(
            "Convert an amount at the exchange rate published for a date "
            "(the European Central Bank's reference rates, bundled)."
        ),
        examples=('aiecosys convert "385 M EUR" USD --on 2023-12-11',),
    )
    convert.add_argument("amount", help="the amount as written, e.g. '385 M EUR'")
    convert.add_argument("currency", help="the ISO 4217 code to convert to, e.g. USD")
    convert.add_argument(
        "--on", type=_date, required=True, help="the date of the rate, YYYY-MM-DD"
    )

    compare = _command(
        commands,
        "compare",
        summary="compare two models of the article's knowledge base, or of yours",
        description=(
            "Compare two models by a measure; undisclosed values are ranges, "
            "and the answer is less, greater, equal or indeterminate. The models "
            "are looked up in the bundled article's knowledge base, merged with "
            "the files given with --kb."
        ),
        examples=(
            "aiecosys compare Yi-34B GPT-4 --by parameters",
            "aiecosys compare Yi-34B My-Model --kb my-models.toml",
        ),
    )
    compare.add_argument("first", help="a model name or alias, e.g. Yi-34B")
    compare.add_argument("second", help="another model, e.g. GPT-4")
    compare.add_argument(
        "--by",
        default="parameters",
        choices=tuple(_MEASURES),
        help="the measure to compare (default: parameters)",
    )
    compare.add_argument(
        "--kb",
        action="append",
        default=[],
        metavar="FILE",
        help="a knowledge base to add to the article's (may be repeated)",
    )

    init = _command(
        commands,
        "init",
        summary="write a starter knowledge base and claims file to fill in",
        description=(
            "Write two commented files into DIR (created if need be): "
            "knowledge.toml, sourced facts, and claims.toml, an example of every "
            "kind of check. They check cleanly as written; edit them into your "
            "own. Existing files are never overwritten unless --force is given."
        ),
        examples=(
            "aiecosys init my-article",
            "aiecosys check my-article/knowledge.toml my-article/claims.toml",
        ),
    )
    init.add_argument("directory", metavar="DIR", help="the folder to write into")
    init.add_argument(
        "--force",
        action="store_true",
        help="replace knowledge.toml and claims.toml if DIR already has them",
    )

    migrate = _command(
        commands,
        "migrate",
        summary="rewrite format 1 claims files as format 2",
        description=(
            "Rewrite claims files (or files holding a knowledge base and claims) "
            "of format 1 (quote_fr, claim_en) in format 2 (quote, lang, "
            "restatement), in place or to --output. TOML files keep their "
            "comments: the keys are renamed where they stand, and the result is "
            "read back to prove it holds the same claims. A file that is not a "
            "format 1 claims file is refused, and left as it is."
        ),
        examples=(
            "aiecosys migrate claims.toml",
            "aiecosys migrate claims.toml --output claims-v2.toml",
        ),
    )
    migrate.add_argument(
        "files", nargs="+", metavar="FILE", help="a format 1 .toml or .json file"
    )
    migrate.add_argument(
        "--output",
        metavar="FILE",
        help="write the result here instead of over FILE (with one FILE only)",
    )

    parse = _command(
        commands,
        "parse",
        summary="read an amount written in English or French news style",
        description="Read an amount such as '385 millions d'euros' exactly.",
        examples=('aiecosys parse "385 millions d\'euros"',),
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
        "kind": None if source.kind is None else source.kind.value,
        "archived_url": source.archived_url,
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
        "quote": claim.quote,
        "lang": claim.lang,
        "restatement": claim.restatement,
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


_COUNTS: Final[dict[str, Callable[[int], str]]] = {
    "organisations": lambda n: ngettext(
        "{count} organisation", "{count} organisations", n
    ),
    "people": lambda n: ngettext("{count} person", "{count} people", n),
    "rounds": lambda n: ngettext("{count} round", "{count} rounds", n),
    "funds": lambda n: ngettext("{count} fund", "{count} funds", n),
    "models": lambda n: ngettext("{count} model", "{count} models", n),
    "statements": lambda n: ngettext("{count} statement", "{count} statements", n),
    "laws": lambda n: ngettext("{count} law", "{count} laws", n),
    "metrics": lambda n: ngettext("{count} metric", "{count} metrics", n),
    "locations": lambda n: ngettext("{count} location", "{count} locations", n),
    "denials": lambda n: ngettext("{count} denial", "{count} denials", n),
    "claims": lambda n: ngettext("{count} claim", "{count} claims", n),
}
"""How many of each collection a file holds, in the reader's language."""


def _count(size: int, plural: str) -> str:
    """``"1 person"``, ``"2 people"``: a count with its noun.

    Examples:
        >>> _count(1, "people"), _count(1, "denials"), _count(3, "claims")
        ('1 person', '1 denial', '3 claims')
    """
    return _COUNTS[plural](size).format(count=size)


def _summary(evaluations: Sequence[Evaluation]) -> str:
    r"""``58 claims: 44 SUPPORTED, 9 REFUTED, 5 NOT_ENOUGH_INFO``, in the language.

    Examples:
        >>> _summary(())
        '0 claims: 0 SUPPORTED, 0 REFUTED, 0 NOT_ENOUGH_INFO'
        >>> with language("fr"):
        ...     _summary(())
        '0 affirmation\xa0: 0 CONFIRMÉ, 0 RÉFUTÉ, 0 INFORMATIONS INSUFFISANTES'
    """
    from aiecosys.claims import Verdict

    counts = Counter(evaluation.verdict for evaluation in evaluations)
    parts = [
        # Translators: how many claims got one verdict, as in "44 SUPPORTED".
        _("{count} {verdict}").format(
            count=counts.get(verdict, 0), verdict=verdict.label
        )
        for verdict in Verdict
    ]
    size = len(evaluations)
    return ngettext(
        "{count} claim: {verdicts}", "{count} claims: {verdicts}", size
    ).format(count=size, verdicts=", ".join(parts))


def _first_sentence(text: str, width: int) -> str:
    sentence = text.split(". ", maxsplit=1)[0].rstrip(".") + "."
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"


def _quoted(quote: str) -> str:
    """A quote between the reader's quotation marks.

    Examples:
        >>> _quoted("oui")
        '« oui »'
    """
    # Translators: a claim's exact words, quoted in the article's language.
    return _("« {quote} »").format(quote=quote)


def _words(claim: Claim) -> str:
    """The claim as the reader asked: quoted if in their language, else restated."""
    lang = current()
    if lang != "en" and claim.lang is not None and claim.lang.split("-")[0] == lang:
        return _quoted(claim.quote)
    return text(claim.restatement)


def _table(evaluations: Sequence[Evaluation]) -> str:
    from aiecosys.claims import Verdict

    id_width = max((len(e.claim.id) for e in evaluations), default=2)
    # Translators: the headings of the report's columns: the claim's id, its
    # verdict, then the claim and why it got its verdict.
    headings = _("ID"), _("VERDICT"), _("CLAIM / WHY")
    id_width = max(id_width, len(headings[0]))
    width = max(len(label) for label in (headings[1], *(v.label for v in Verdict)))
    lines = [f"{headings[0]:<{id_width}}  {headings[1]:<{width}}  {headings[2]}", ""]
    for evaluation in evaluations:
        claim = evaluation.claim
        label = evaluation.verdict.label
        lines.append(f"{claim.id:<{id_width}}  {label:<{width}}  {_words(claim)}")
        indent = " " * (id_width + width + 4)
        lines.append(indent + _first_sentence(evaluation.explanation, 100))
    lines.extend(["", _summary(evaluations)])
    return "\n".join(lines)


def _markdown(evaluations: Sequence[Evaluation]) -> str:
    # Translators: the heading row of the Markdown report's table; keep the
    # four columns and the | between them.
    lines = [_("| id | claim | verdict | why |"), "| --- | --- | --- | --- |"]
    for evaluation in evaluations:
        claim = evaluation.claim
        cells = [
            claim.id,
            _words(claim),
            f"**{evaluation.verdict.label}**",
            evaluation.explanation,
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines.extend(["", _summary(evaluations)])
    return "\n".join(lines)


def _explain(evaluation: Evaluation) -> str:
    from aiecosys._dates import readable_period

    claim = evaluation.claim
    # Translators: the labels of --explain, each before a text of the claim:
    # its exact words, its restatement, the publication, a note.
    labels = _("quoted:"), _("claim:"), _("source:"), _("note:")
    width = max(len(label) for label in labels) + 2
    quoted, restated, publication, note = (label.ljust(width) for label in labels)
    lines = [
        _("{id}: {verdict}").format(id=claim.id, verdict=evaluation.verdict.label),
        f"  {quoted}{_quoted(claim.quote)}",
        f"  {restated}{text(claim.restatement)}",
        f"  {publication}{claim.source.title}",
        *([f"  {note}{text(claim.note)}"] if claim.note else []),
        "",
        evaluation.explanation,
        "",
        _("Evidence:"),
    ]
    for item in evaluation.evidence:
        lines.append(f"  - {item.label} = {item.value}")
        lines.extend(
            f"      {source.title}"
            + (f", {source.publisher}" if source.publisher else "")
            + (f", {readable_period(source.published)}" if source.published else "")
            + (f" <{source.url}>" if source.url else "")
            for source in item.sources
        )
    if evaluation.conversions:
        from aiecosys._readable import readable_rate

        lines.append(_("Conversions:"))
        lines.extend(
            f"  - {readable_rate(conversion)}" for conversion in evaluation.conversions
        )
    return "\n".join(lines)


def _published(source: Source) -> str | None:
    """A source's date as ISO 8601 text (``2024-02`` when only the month is known).

    A publication known only to lie in a range has no date to give: None.
    """
    return None if source.published is None else str(source.published)


def _claim_review(
    evaluation: Evaluation, args: argparse.Namespace, reviewed: date
) -> dict[str, Any]:
    """One evaluation as a schema.org ClaimReview, the markup of fact-checkers."""
    claim = evaluation.claim
    verdict = evaluation.verdict.value
    appearance: dict[str, Any] = {
        "@type": "CreativeWork",
        "headline": claim.source.title,
    }
    if claim.source.url is not None:
        appearance["url"] = claim.source.url
    language = getattr(claim.source, "language", None)
    if language is not None:
        appearance["inLanguage"] = language
    if claim.source.publisher is not None:
        appearance["publisher"] = {
            "@type": "Organization",
            "name": claim.source.publisher,
        }
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    published = _published(claim.source)
    if published is not None:
        item["datePublished"] = published
        appearance["datePublished"] = published
    site = args.site_url or _DEFAULT_SITE
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": site + ("" if site.endswith(("/", "#", "=")) else "#") + claim.id,
        "claimReviewed": claim.quote,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": args.author},
        "datePublished": reviewed.isoformat(),
        "inLanguage": current(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": _RATING[verdict],
            "bestRating": max(_RATING.values()),
            "worstRating": min(_RATING.values()),
            "alternateName": evaluation.verdict.label,
        },
        "reviewBody": evaluation.explanation,
    }


def _json(value: object) -> str:
    """Write *value* as indented JSON, keeping non-ASCII letters as they are."""
    import json  # only the JSON formats need it: the text output starts faster

    return json.dumps(value, ensure_ascii=False, indent=2)


def _render(evaluations: Sequence[Evaluation], args: argparse.Namespace) -> str:
    """Show evaluations in the format asked for (one renderer for every command)."""
    if args.format == "json":
        return _json([_evaluation_json(e) for e in evaluations])
    if args.format == "claimreview":
        reviewed = args.date or datetime.now(UTC).date()
        reviews = [_claim_review(e, args, reviewed) for e in evaluations]
        return _json(reviews)
    if args.format == "markdown":
        return _markdown(evaluations)
    return _table(evaluations)


def _verdicts(
    evaluations: Sequence[Evaluation], args: argparse.Namespace
) -> tuple[str, int]:
    """Show the evaluations (or the one to explain): the output and the exit status."""
    if args.explain is not None:
        by_id = {evaluation.claim.id: evaluation for evaluation in evaluations}
        if args.explain not in by_id:
            if not by_id:
                raise _UsageError(
                    _("no claim {id}; the claims are: none").format(
                        id=repr(args.explain)
                    )
                )
            raise _UsageError(
                _("no claim {id}; the claims are: {known}").format(
                    id=repr(args.explain), known=", ".join(sorted(by_id))
                )
            )
        evaluations = (by_id[args.explain],)
        output = _explain(evaluations[0])
    else:
        output = _render(evaluations, args)
    failing = _FAIL_ON.get(args.fail_on, frozenset())
    found = any(evaluation.verdict.value in failing for evaluation in evaluations)
    return output, _FAILED_ON_VERDICT if found else 0


# -- reading files ------------------------------------------------------------------

_ENTRY: Final = re.compile(r"(?P<collection>[a-z]+)\[(?P<position>\d+)\](?P<rest>.*)")
"""An entry as named in problems: ``rounds[3]: Mistral AI, 2023-06``."""

_BUNDLED: Final = N_("the bundled article.toml")
"""How problems name the article's knowledge base, shipped with aiecosys."""


class _Files(NamedTuple):
    """Knowledge bases merged into one, and the claims checked against it."""

    ecosystem: Ecosystem
    evaluations: tuple[Evaluation, ...]
    """Each claim, with its evaluation made when it was read."""
    claims_files: int
    """How many files have a ``claims`` array (which may be empty)."""
    where: Callable[[Problem], Problem]
    """Name the file and the entry of a problem found in the merged ecosystem."""


def _documents(
    paths: Sequence[str],
) -> tuple[list[tuple[str, dict[str, Any]]], list[Problem]]:
    """Read and parse each file; a file that cannot be read is a problem."""
    from aiecosys._files import format_of, parse_document, read_text
    from aiecosys.claims import FORMAT_VERSIONS

    documents: list[tuple[str, dict[str, Any]]] = []
    problems: list[Problem] = []
    for name in dict.fromkeys(paths):  # a file named twice is read once
        path = Path(name)
        try:
            kind = format_of(path)
        except ValueError as error:
            problems.append(Problem(str(error), file=name))
            continue
        try:
            document = parse_document(
                read_text(path), format=kind, file=name, versions=FORMAT_VERSIONS
            )
            documents.append((name, document))
        except DataError as error:
            problems.extend(error.problems)
    return documents, problems


_SAME_FACT: Final = ("organisation", "announced", "as_of", "kind", "fund")
"""The fields that say two rounds, or two fund facts, are about the same fact."""


def _keys(collection: str, raw: dict[str, Any]) -> Iterator[str]:
    """The keys that say two entries of a collection are about the same thing."""
    from aiecosys._ecosystem import normalise_name

    if collection in {"rounds", "funds"}:
        parts = [raw.get(field) for field in _SAME_FACT]
        yield repr([normalise_name(p) if isinstance(p, str) else p for p in parts])
        return
    aliases = raw.get("aliases", [])
    for name in [raw.get("name"), *(aliases if isinstance(aliases, list) else [])]:
        if isinstance(name, str):
            yield normalise_name(name)


class _Merger:
    """Knowledge-base documents merged into one, each entry's file remembered."""

    def __init__(self) -> None:
        from aiecosys._ecosystem import COLLECTIONS

        self.sources: dict[str, Any] = {}
        self.collections: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
        self.origins: dict[str, list[tuple[str, int]]] = {n: [] for n in COLLECTIONS}
        self.source_files: dict[str, str] = {}
        self.seen: dict[tuple[str, str], tuple[str, Any]] = {}
        self.problems: list[Problem] = []

    def conflict(self, file: str, other: str, entry: str) -> None:
        """Refuse an entry that another file writes differently."""
        message = _(
            "is also in {file}, written differently; make the two entries "
            "identical, or keep only one of them"
        ).format(file=other)
        self.problems.append(Problem(message, file=file, entry=entry))

    def add_sources(self, file: str, sources: object) -> None:
        if not isinstance(sources, dict):
            message = _("must be a table of sources by key")
            self.problems.append(Problem(message, file=file, field="sources"))
            return
        for key, table in sources.items():
            other = self.source_files.get(key)
            if other is not None and other != file and self.sources[key] != table:
                self.conflict(file, other, f"sources.{key}")
                continue
            self.sources.setdefault(key, table)
            self.source_files.setdefault(key, file)

    def add(self, file: str, document: dict[str, Any]) -> None:
        self.add_sources(file, document.get("sources", {}))
        for collection, merged in self.collections.items():
            entries = document.get(collection, [])
            if not isinstance(entries, list):
                self.problems.append(
                    Problem(
                        _("must be an array of tables"), file=file, entry=collection
                    )
                )
                continue
            for position, raw in enumerate(entries):
                if isinstance(raw, dict) and self.duplicate(
                    file, collection, position, raw
                ):
                    continue
                merged.append(raw)
                self.origins[collection].append((file, position))
            for raw in entries:
                if isinstance(raw, dict):
                    for key in _keys(collection, raw):
                        self.seen.setdefault((collection, key), (file, raw))

    def duplicate(
        self, file: str, collection: str, position: int, raw: dict[str, Any]
    ) -> bool:
        """Whether *raw* repeats an entry of another file (a conflict is a problem)."""
        from aiecosys._ecosystem import entry_label

        for key in _keys(collection, raw):
            other = self.seen.get((collection, key))
            if other is None or other[0] == file:
                continue
            if other[1] != raw:
                self.conflict(file, other[0], entry_label(collection, position, raw))
            return True
        return False

    def where(self, problem: Problem) -> Problem:
        """Name the file and the entry of a problem found in the merged document."""
        entry = problem.entry or ""
        match = _ENTRY.fullmatch(entry)
        file = problem.file
        if match is not None and match["collection"] in self.origins:
            origins = self.origins[match["collection"]]
            position = int(match["position"])
            if position < len(origins):
                file, original = origins[position]
                entry = f"{match['collection']}[{original}]{match['rest']}"
        elif entry.startswith("sources."):
            file = self.source_files.get(entry.removeprefix("sources."), file)
        return Problem(
            problem.message, file=file, entry=entry or None, field=problem.field
        )

    def ecosystem(self) -> Ecosystem | None:
        from aiecosys._files import from_document

        document = {"sources": self.sources, **self.collections}
        try:
            return from_document(document)
        except DataError as error:
            self.problems.extend(self.where(problem) for problem in error.problems)
            return None


def _bundled() -> tuple[str, dict[str, Any]]:
    """The article's knowledge base, as a document to merge with the user's."""
    from importlib import resources

    from aiecosys._files import parse_document

    text = (resources.files("aiecosys") / "data" / "article.toml").read_text("utf-8")
    name = _(_BUNDLED)
    return name, parse_document(text, format="toml", file=name)


def _load(paths: Sequence[str], *, bundled: bool = False) -> _Files:
    """Read knowledge bases and claims files: merged, checked, every problem listed.

    A file with a ``claims`` array is a claims file (it may hold knowledge-base
    tables too); the others are knowledge bases. The knowledge bases are merged
    into one ecosystem, and every claim is checked against it.

    Raises:
        DataError: Every problem of every file, each naming the file, the
            entry and the field.
    """
    import attrs

    from aiecosys._ecosystem import COLLECTIONS
    from aiecosys._files import TRANSLATIONS, from_document, translations_of
    from aiecosys.claims import facts_of

    documents, problems = _documents(paths)
    if bundled:
        documents.insert(0, _bundled())
    translations: dict[str, dict[str, str]] = {}
    for number, (file, document) in enumerate(documents):
        for lang, table in translations_of(document, file, problems).items():
            translations.setdefault(lang, {}).update(table)
        rest = {key: value for key, value in document.items() if key != TRANSLATIONS}
        documents[number] = file, rest
    merger = _Merger()
    knowledge = {"sources", *COLLECTIONS}
    for file, document in documents:
        if "claims" not in document:
            header = {k: v for k, v in document.items() if k not in knowledge}
            try:
                from_document(header, file=file)
            except DataError as error:
                problems.extend(error.problems)
            merger.add(file, document)
        elif document.keys() & COLLECTIONS:
            merger.add(file, facts_of(document))
    eco = merger.ecosystem()
    if eco is not None:
        eco = attrs.evolve(eco, translations=translations)
    problems.extend(merger.problems)
    evaluations = _claims_of(documents, eco, problems)
    if problems:
        order = {name: number for number, name in enumerate(paths)}
        found = sorted(
            dict.fromkeys(problems), key=lambda p: order.get(p.file or "", -1)
        )
        raise DataError(found)
    assert eco is not None  # noqa: S101 - no problem means the ecosystem was built
    claims_files = sum("claims" in doc for _, doc in documents)
    return _Files(eco, evaluations, claims_files, merger.where)


def _without_opinions(document: dict[str, Any], file: str) -> dict[str, Any]:
    """The document without the article format's opinions, which are checked first.

    Raises:
        DataError: An opinion is invalid; every problem is listed.
    """
    from aiecosys._article import read_opinions

    if "opinions" not in document:
        return document
    read_opinions(document, file)
    rest = dict(document)
    del rest["opinions"]
    return rest


def _claims_of(
    documents: Sequence[tuple[str, dict[str, Any]]],
    eco: Ecosystem | None,
    problems: list[Problem],
) -> tuple[Evaluation, ...]:
    """The claims of every claims file, evaluated against the merged ecosystem."""
    from aiecosys.claims._reader import evaluated_claims

    claims: dict[str, tuple[str, Evaluation]] = {}
    for file, document in documents:
        if "claims" not in document:
            continue
        if eco is None:
            message = _(
                "its claims were not checked, because the knowledge base has "
                "problems: fix them, then run again"
            )
            problems.append(Problem(message, file=file))
            continue
        try:
            found = evaluated_claims(_without_opinions(document, file), eco, file=file)
        except DataError as error:
            problems.extend(error.problems)
            continue
        for evaluation in found:
            claim = evaluation.claim
            other = claims.setdefault(claim.id, (file, evaluation))[0]
            if other != file:
                message = _(
                    "the id is also used by a claim of {file}; give each its own"
                ).format(file=other)
                problems.append(Problem(message, file=file, entry=claim.id, field="id"))
    return tuple(evaluation for _, evaluation in claims.values())


# -- commands -----------------------------------------------------------------------


def _claims(args: argparse.Namespace) -> tuple[str, int]:
    from aiecosys._article import load_article

    article = load_article()
    with texts(article.ecosystem.translations), texts(article.translations):
        return _verdicts(article.check(), args)


def _check(args: argparse.Namespace) -> tuple[str, int]:
    files = _load(args.files)
    if not files.claims_files:
        raise _UsageError(
            _(
                "none of the files has a [[claims]] array, so there is nothing to "
                "check; add a claims file, or use `aiecosys validate` to check "
                "knowledge bases alone"
            )
        )
    with texts(files.ecosystem.translations):
        return _verdicts(files.evaluations, args)


def _validate(args: argparse.Namespace) -> tuple[str, int]:
    from aiecosys._ecosystem import COLLECTIONS

    files = _load(args.files)
    _tell(_weak_warnings(files))
    sizes = {name: len(getattr(files.ecosystem, name)) for name in COLLECTIONS}
    sizes["claims"] = len(files.evaluations)
    counts = [_count(size, name) for name, size in sizes.items() if size]
    recorded = ", ".join(counts) if counts else _("nothing recorded")
    valid = len(args.files)
    return ngettext(
        "{count} file is valid: {recorded}",
        "{count} files are valid: {recorded}",
        valid,
    ).format(count=valid, recorded=recorded), 0


def _weak_problems(files: _Files) -> list[Problem]:
    """The weakly sourced facts of the files, each naming its file and entry."""
    from aiecosys._source_quality import weak_facts

    return [files.where(fact.problem()) for fact in weak_facts(files.ecosystem)]


def _weak_warnings(files: _Files) -> list[str]:
    """One warning line per weakly sourced fact, and how to list them."""
    problems = _weak_problems(files)
    messages = [str(problem) for problem in problems]
    if messages:
        count = len(messages)
        messages.append(
            ngettext(
                "{count} weakly sourced fact (the files are valid); `aiecosys "
                "sources --weak FILE...` lists them with their sources",
                "{count} weakly sourced facts (the files are valid); `aiecosys "
                "sources --weak FILE...` lists them with their sources",
                count,
            ).format(count=count)
        )
    return [
        _("{program}: warning: {message}").format(
            program="aiecosys validate", message=warning
        )
        for warning in messages
    ]


def _listed(source: Source) -> str:
    """A source as listed: its key, its kind, and what it is."""
    # Translators: a source listed by `aiecosys sources`: its key, its kind
    # (primary, news...), then its title and publisher.
    return _("{key} ({kind}): {source}").format(
        key=source.key, kind=_kind(source), source=source
    )


def _kind(source: Source) -> str:
    return _("kind not stated") if source.kind is None else source.kind.value


def _sources(args: argparse.Namespace) -> tuple[str, int]:
    """List the sources cited, or the facts resting only on weak sources."""
    import attrs

    from aiecosys._source import strongest_first
    from aiecosys._source_quality import weak_facts

    files = _load(args.files, bundled=not args.files)
    eco = files.ecosystem
    unstated = [source.key for source in eco.sources if source.kind is None]
    if not args.weak:
        listed = strongest_first(eco.sources)
        if args.format == "json":
            document = {
                "sources": [_source_json(source) for source in listed],
                "kind_not_stated": unstated,
            }
            return _json(document), 0
        lines = [_listed(source) for source in listed]
        lines.append(
            ngettext(
                "{count} source, {unstated} of them with no kind stated",
                "{count} sources, {unstated} of them with no kind stated",
                len(listed),
            ).format(count=len(listed), unstated=len(unstated))
        )
        return "\n".join(lines), 0
    facts = [(fact, files.where(fact.problem())) for fact in weak_facts(eco)]
    if args.format == "json":
        weak = {
            "weak": [
                {
                    "file": problem.file,
                    "entry": problem.entry,
                    "field": fact.field,
                    "sources": [_source_json(source) for source in fact.sources],
                }
                for fact, problem in facts
            ],
            "kind_not_stated": unstated,
        }
        return _json(weak), 0
    lines = []
    for fact, problem in facts:
        where = str(attrs.evolve(problem, message="")).rstrip()
        lines.append(where.removesuffix(":").rstrip())
        lines.extend(f"    {_listed(source)}" for source in fact.sources)
    count = len(facts)
    lines.append(
        ngettext(
            "{count} fact rests only on reference or aggregator sources: cite a "
            "primary or news source for each",
            "{count} facts rest only on reference or aggregator sources: cite a "
            "primary or news source for each",
            count,
        ).format(count=count)
        if facts
        else _("no fact rests only on reference or aggregator sources")
    )
    if unstated:
        lines.append(
            ngettext(
                "{count} source with no kind stated, not counted as weak: {keys}; "
                "give each its kind",
                "{count} sources with no kind stated, not counted as weak: {keys}; "
                "give each its kind",
                len(unstated),
            ).format(count=len(unstated), keys=", ".join(unstated))
        )
    return "\n".join(lines), 0


def _convert(args: argparse.Namespace) -> tuple[str, int]:
    from aiecosys._dates import readable_period
    from aiecosys._i18n import current
    from aiecosys._money import Money
    from aiecosys._readable import readable_rate

    money = Money.parse(args.amount)
    exact = money.to(args.currency, on=args.on)
    converted, conversion = exact.quantize(), exact.conversion
    # English writes the amounts and the rate's record as programs print them;
    # another language writes them as its readers do, the source still named.
    english = current() == "en"
    lines = [
        _("{amount} = {converted} on {date}").format(
            amount=money if english else money.format(current()),
            converted=converted if english else converted.format(current()),
            date=readable_period(args.on),
        )
    ]
    if conversion is not None:
        # Translators: a rate as readers write it, then the data it comes from:
        # "1 EUR = 1.0757 USD (ECB, 11 Dec 2023); ECB euro reference rates 2026-10-30".
        rate = (
            str(conversion)
            if english
            else _("{rate}; {source}").format(
                rate=readable_rate(conversion),
                source=f"{conversion.source} {conversion.version}",
            )
        )
        lines.append(_("rate used: {rate}").format(rate=rate))
    return "\n".join(lines), 0


_MEASURES: Final = {
    "parameters": N_("parameters"),
    "active_parameters": N_("active_parameters"),
    "training_tokens": N_("training_tokens"),
    "training_compute": N_("training_compute"),
}
"""The measures ``aiecosys compare --by`` takes, named for readers."""


def _compare(args: argparse.Namespace) -> tuple[str, int]:
    from aiecosys._article import load_article
    from aiecosys._compare import compare

    eco = (
        _load(args.kb, bundled=True).ecosystem if args.kb else load_article().ecosystem
    )
    models = eco.model(args.first), eco.model(args.second)
    estimates = [getattr(model, args.by) for model in models]
    measure = _(_MEASURES[args.by])
    for model, estimate in zip(models, estimates, strict=True):
        if estimate is None:
            raise _UsageError(
                _("{model} has no recorded {measure}").format(
                    model=model.name, measure=measure
                )
            )
    # Translators: what is compared, as in "Yi-34B parameters".
    label = _("{model} {measure}")
    comparison = compare(
        estimates[0],
        estimates[1],
        labels=(
            label.format(model=models[0].name, measure=measure),
            label.format(model=models[1].name, measure=measure),
        ),
    )
    lines = [comparison.explanation]
    for model, estimate in zip(models, estimates, strict=True):
        # Translators: a model compared, and its value of the measure.
        lines.append(
            "  " + _("{model}: {value}").format(model=model.name, value=estimate)
        )
        lines.extend(f"      {s.title} <{s.url}>" for s in estimate.sources if s.url)
    return "\n".join(lines), 0


_STARTER: Final = ("knowledge.toml", "claims.toml")
"""The files ``aiecosys init`` writes, from the package's ``data/starter`` folder."""
_STARTER_SCHEMAS: Final = ("ecosystem.schema.json", "claims.schema.json")
"""The JSON Schemas ``aiecosys init`` writes beside them, which their
``#:schema`` first lines name, for editors."""


def _init(args: argparse.Namespace) -> tuple[str, int]:
    from importlib import resources

    from aiecosys._schema import SCHEMAS

    folder = Path(args.directory)
    targets = [folder / name for name in _STARTER]
    schemas = [folder / name for name in _STARTER_SCHEMAS]
    if not args.force:
        existing = [str(t) for t in targets if t.exists() or t.is_symlink()]
        if len(existing) == 1:
            raise _UsageError(
                _(
                    "{file} already exists; init never overwrites a file: choose "
                    "another folder, or add --force to replace the starter files"
                ).format(file=existing[0])
            )
        if existing:
            raise _UsageError(
                _(
                    "{first} and {second} already exist; init never overwrites a "
                    "file: choose another folder, or add --force to replace the "
                    "starter files"
                ).format(first=existing[0], second=existing[1])
            )
    starter = resources.files("aiecosys") / "data" / "starter"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for target in targets:
            text = (starter / target.name).read_text(encoding="utf-8")
            with target.open("w" if args.force else "x", encoding="utf-8") as file:
                file.write(text)
        for schema in schemas:
            if args.force or not (schema.exists() or schema.is_symlink()):
                text = _json(SCHEMAS[schema.name]())
                schema.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        where = error.filename or folder
        raise _UsageError(
            _("cannot write {file}: {reason}; choose a folder you can write to").format(
                file=where, reason=error.strerror or error
            )
        ) from None
    files = [str(target) for target in targets]
    return "\n".join(
        [
            _("wrote {facts} (sourced facts) and {claims} (claims to check)").format(
                facts=files[0], claims=files[1]
            ),
            _("check them, one verdict per claim:"),
            "  aiecosys check " + shlex.join(files),
        ]
    ), 0


def _migrate(args: argparse.Namespace) -> tuple[str, int]:
    """Rewrite format 1 claims files as format 2: all of them, or none."""
    from aiecosys._files import format_of, read_text
    from aiecosys.claims import migrate_text

    names = list(dict.fromkeys(args.files))
    if args.output is not None and len(names) != 1:
        raise _UsageError(
            _(
                "--output names one file to write, and several files were given: "
                "migrate them one at a time, or in place without --output"
            )
        )
    rewritten: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for name in names:
        path = Path(name)
        try:
            text = migrate_text(read_text(path), format=format_of(path), file=name)
        except DataError as error:
            problems.extend(error.problems)
        except ValueError as error:
            problems.append(Problem(str(error), file=name))
        else:
            rewritten.append((name, text))
    if problems:
        raise DataError(problems)
    lines = []
    for name, text in rewritten:
        target = Path(args.output or name)
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            raise _UsageError(
                _(
                    "cannot write {file}: {reason}; choose a file you can write to"
                ).format(file=target, reason=error.strerror or error)
            ) from None
        if args.output is None:
            lines.append(_("{file}: rewritten as format 2").format(file=name))
        else:
            lines.append(
                _("{file}: rewritten as format 2 in {target}").format(
                    file=name, target=target
                )
            )
    return "\n".join(lines), 0


def _parse(args: argparse.Namespace) -> tuple[str, int]:
    from aiecosys._money import Money

    money = Money.parse(args.text, locale=args.locale, assume=args.assume)
    return f"{money!r}  ({money.format(current(), style='long')})", 0


_HANDLERS: Final[dict[str, Callable[[argparse.Namespace], tuple[str, int]]]] = {
    "claims": _claims,
    "check": _check,
    "validate": _validate,
    "sources": _sources,
    "convert": _convert,
    "compare": _compare,
    "init": _init,
    "migrate": _migrate,
    "parse": _parse,
}


@contextlib.contextmanager
def _notices() -> Iterator[None]:
    """Show each format notice once, as one line of standard error.

    Other warnings are shown as Python would have shown them.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FormatNotice)
        try:
            yield
        finally:
            lines: dict[str, None] = {}
            for warning in caught:
                if issubclass(warning.category, FormatNotice):
                    lines[_one_line(str(warning.message))] = None
                else:
                    warnings.showwarning(
                        warning.message,
                        warning.category,
                        warning.filename,
                        warning.lineno,
                        warning.file,
                        warning.line,
                    )
            _tell(lines)


def _tell(lines: Iterable[str]) -> None:
    """Write each line to standard error as it is; never raise."""
    text = "".join(f"{line}\n" for line in lines)
    try:
        if text and sys.stderr is not None:
            sys.stderr.write(text)
            sys.stderr.flush()
    except OSError:
        _silence(sys.stderr)


def _asked_language(argv: Sequence[str]) -> str:
    """The language the command line asks for before it is parsed.

    ``--lang`` decides, else the environment (LC_ALL, LC_MESSAGES, LANG):
    the errors of the command line itself are written in it too.

    Examples:
        >>> _asked_language(["claims", "--lang", "fr"])
        'fr'
        >>> _asked_language(["claims", "--lang=fr", "--lang=en"])
        'en'
    """
    chosen = None
    for number, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and number + 1 < len(argv):
            chosen = argv[number + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    return chosen if chosen in LANGUAGES else from_environment()


def _run(argv: Sequence[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from aiecosys import __version__

        return _write("", f"aiecosys {__version__}")
    if args.command is None:
        parser.print_help()
        return 0
    return _command_run(args)


def _command_run(args: argparse.Namespace) -> int:
    """Run the command *args* names; write its output; return the exit status."""
    try:
        with _notices():
            output, status = _HANDLERS[args.command](args)
    except (AiecosysError, _UsageError) as error:
        _say(args.command, _problems(error))
        return _FAILED
    except Exception as error:  # noqa: BLE001 - a bug is reported, not a traceback
        message = _(
            "internal error ({error}); this is a bug in aiecosys: please report "
            "it with the command that caused it"
        ).format(error=f"{type(error).__name__}: {error}")
        _say(args.command, [message])
        return _BUG
    written = _write(args.command, output)
    return written or status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Errors are on standard error, one line per problem, with a non-zero status
    and no traceback; characters the terminal's encoding lacks are written
    readably (``é`` as ``e``, ``«`` as ``<<``) instead of failing.

    Examples:
        >>> main(["parse", "385 millions d'euros"])
        Money('385000000', 'EUR')  (385 million euros)
        0
    """
    _never_fail_to_encode(sys.stdout)
    _never_fail_to_encode(sys.stderr)
    argv = sys.argv[1:] if argv is None else list(argv)
    with language(_asked_language(argv)):
        try:
            # Python's default context, whatever the caller's: the figures of a
            # fresh process even when main() is called in-process.
            with decimal.localcontext(DEFAULT):
                return _run(argv)
        except BrokenPipeError:
            _silence(sys.stdout)
            return _BROKEN_PIPE
        except KeyboardInterrupt:
            _say("", [_("interrupted")])
            return _INTERRUPTED
