"""A claim, and its evaluation against an ecosystem."""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

import attrs

from aiecosys import _validators as validators
from aiecosys._dates import Period
from aiecosys._ecosystem import Ecosystem
from aiecosys._errors import (
    AiecosysError,
    DataError,
    Problem,
    RateUnavailableError,
    UnknownEntityError,
)
from aiecosys._i18n import gettext as _
from aiecosys._i18n import texts
from aiecosys._readable import readable_date, readable_rate
from aiecosys._source import Publication, Source, publication_date
from aiecosys.claims._context import (
    DECIMALS,
    Context,
    Missing,
    Outcome,
    semicolon_list,
)
from aiecosys.claims._fields import message_of
from aiecosys.claims._formats import deprecated
from aiecosys.claims._registry import KINDS, kind_of
from aiecosys.claims._verdict import Evidence, Verdict


if TYPE_CHECKING:
    from aiecosys._compare import Comparison
    from aiecosys.claims.checks import Check
    from aiecosys.fx._conversion import Conversion
    from aiecosys.fx._sources import RateSource


__all__ = ["Claim", "Evaluation", "check", "check_all", "validate"]


_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def _check_id(_instance: Claim, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or _ID.fullmatch(value) is None:
        validators.fail(
            attribute,
            _(
                "{value} is not a usable id: use letters, digits, '-', '_' and '.', "
                "such as 'yi-half-gpt4'"
            ).format(value=repr(value)),
        )


def _check_check(
    _instance: Claim, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, tuple(kind.check for kind in KINDS.values())):
        validators.fail(
            attribute,
            _("must be a check, not {type}").format(type=type(value).__name__),
        )


def _language_of(claim: Claim) -> str | None:
    source = claim.source
    return source.language if isinstance(source, Publication) else None


@attrs.frozen
class Claim:
    """A checkable statement: the words quoted, what they claim, and a check.

    The quote is in the publication's own language, tagged by ``lang`` (the
    publication's language unless given); the restatement says plainly, in
    English or the reader's language, what the words claim.

    Examples:
        >>> from aiecosys import (
        ...     Claim,
        ...     Measure,
        ...     PartialDate,
        ...     Publication,
        ...     ValueCheck,
        ...     parameters,
        ... )
        >>> article = Publication(
        ...     "article",
        ...     title="Kai-Fu Lee, architecte",
        ...     published=PartialDate(2024, 2),
        ...     language="fr",
        ... )
        >>> claim = Claim(
        ...     "yi-34b-params",
        ...     "fondé sur 34 milliards de paramètres",
        ...     "Yi has 34 billion parameters.",
        ...     article,
        ...     ValueCheck(Measure("Yi-34B", "parameters"), parameters("34B")),
        ... )
        >>> claim.lang, claim.check.kind
        ('fr', 'value')
    """

    id: str = attrs.field(validator=_check_id)
    """A short, stable id (``"yi-half-gpt4"``)."""
    quote: str = attrs.field(validator=validators.text)
    """The exact words quoted, in the publication's language."""
    restatement: str = attrs.field(validator=validators.text)
    """What the words claim, plainly, in English or the reader's language."""
    source: Source = attrs.field(validator=attrs.validators.instance_of(Source))
    """The publication the words come from; its date resolves "last June"."""
    check: Check = attrs.field(validator=_check_check)
    """How the claim is checked against the facts."""
    lang: str | None = attrs.field(
        default=attrs.Factory(_language_of, takes_self=True),
        kw_only=True,
        validator=validators.language,
    )
    """The language of the quote, as a BCP 47 tag (``"fr"``); by default the
    publication's [language][aiecosys.Publication.language]."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers (how the claim was read)."""

    @property
    def quote_fr(self) -> str:
        """The quote (deprecated: use [quote][aiecosys.Claim.quote]).

        Examples:
            >>> import warnings
            >>> from aiecosys import load_article
            >>> with warnings.catch_warnings(action="ignore"):
            ...     load_article().claims[0].quote_fr
            'informaticien et homme d’affaires taïwanais'
        """
        deprecated("Claim.quote_fr", "Claim.quote")
        return self.quote

    @property
    def claim_en(self) -> str:
        """The restatement (deprecated: use [restatement][aiecosys.Claim.restatement]).

        Examples:
            >>> import warnings
            >>> from aiecosys import load_article
            >>> with warnings.catch_warnings(action="ignore"):
            ...     load_article().claims[0].claim_en
            'Kai-Fu Lee is a Taiwanese computer scientist and businessman.'
        """
        deprecated("Claim.claim_en", "Claim.restatement")
        return self.restatement


@attrs.frozen
class Evaluation:
    """A claim's verdict, with an explanation for readers and the evidence.

    Examples:
        >>> from aiecosys import Evaluation, Verdict
        >>> Evaluation.__name__, Verdict.REFUTED.value
        ('Evaluation', 'REFUTED')
    """

    claim: Claim
    """The claim evaluated."""
    verdict: Verdict
    """What the facts say about it."""
    explanation: str
    """Why, in plain words, in the language the claim was checked in (see
    [language][aiecosys.language])."""
    evidence: tuple[Evidence, ...]
    """Each fact used, with its sources."""
    conversions: tuple[Conversion, ...]
    """Each currency conversion made, with its rate, date and source."""
    comparison: Comparison | None = None
    """The comparison behind the verdict, for value, ratio and ordering checks."""

    def __str__(self) -> str:
        return f"{self.claim.id}: {self.verdict.value}: {self.explanation}"


def check(
    claim: Claim, eco: Ecosystem, *, rates: RateSource | None = None
) -> Evaluation:
    """Evaluate a claim against an ecosystem: the verdict, why, and the evidence.

    A fact the check needs that the ecosystem lacks (an entity, a round, an
    exchange rate) makes the verdict ``NOT_ENOUGH_INFO``, saying what is
    missing. The arithmetic runs in a Decimal context of its own: the
    caller's context changes no verdict.

    Args:
        claim: The claim.
        eco: The knowledge base.
        rates: Where exchange rates come from (the bundled ECB rates if None).

    Raises:
        DataError: The check cannot be evaluated against these facts (a claim
            built in Python, which a claims file would have refused when
            loaded); the problem names the claim's id and the field ``check``.

    Examples:
        >>> from aiecosys import (
        ...     Claim,
        ...     Ecosystem,
        ...     Estimate,
        ...     Measure,
        ...     ModelSpec,
        ...     PartialDate,
        ...     RatioCheck,
        ...     Source,
        ...     Tolerance,
        ...     check,
        ...     parameters,
        ... )
        >>> s = (Source("s", title="A source"),)
        >>> eco = Ecosystem(
        ...     models=(
        ...         ModelSpec(
        ...             "Yi-34B",
        ...             parameters=Estimate.exact(parameters("34B")),
        ...             sources=s,
        ...         ),
        ...         ModelSpec(
        ...             "GPT-4",
        ...             parameters=Estimate.between(
        ...                 parameters("1T"), parameters("1.8T")
        ...             ),
        ...             sources=s,
        ...         ),
        ...     )
        ... )
        >>> claim = Claim(
        ...     "yi-half-gpt4",
        ...     "soit moitié moins que ChatGPT4",
        ...     "Yi has half as many parameters as GPT-4.",
        ...     Source("article", title="An article", published=PartialDate(2024, 2)),
        ...     RatioCheck(
        ...         Measure("Yi-34B", "parameters"),
        ...         Measure("GPT-4", "parameters"),
        ...         "0.5",
        ...         tolerance=Tolerance.relative("0.1"),
        ...     ),
        ... )
        >>> evaluation = check(claim, eco)
        >>> evaluation.verdict
        <Verdict.REFUTED: 'REFUTED'>
        >>> print(evaluation.explanation)
        Yi-34B: parameters (34 billion parameters) is less than half of GPT-4:
        parameters (1 to 1.8 trillion parameters), so "0.5 times" does not hold.
        With a tolerance of ±10%, 450 to 990 billion parameters would count as
        half. The ratio is 0.019 to 0.034. GPT-4: parameters is estimated, not
        disclosed.
    """
    published = publication_date(claim.source)
    context = Context(eco, published, rates)
    with texts(eco.translations):
        if isinstance(published, Period) and published.first and published.last:
            outcome = _across(claim, (published.first, published.last), context)
        else:
            outcome = _evaluate(claim, context)
    return Evaluation(
        claim,
        outcome.verdict,
        outcome.explanation,
        outcome.evidence,
        outcome.conversions,
        outcome.comparison,
    )


def _evaluate(claim: Claim, context: Context) -> Outcome:
    """Evaluate a claim's check in aiecosys's decimal context; a missing fact is NEI."""
    with decimal.localcontext(DECIMALS):
        try:
            return claim.check.evaluate(context)
        except (Missing, UnknownEntityError, RateUnavailableError) as error:
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                _("A fact the claim needs is missing: {error}.").format(error=error),
            )
        except _FAILURES as error:
            raise DataError([_failure(claim, error)]) from error


def _across(claim: Claim, days: tuple[dt.date, dt.date], context: Context) -> Outcome:
    """Evaluate a claim whose article's date is known only to lie in a range.

    Money is converted at the rates of the range's first day and, if the check
    converted any, again at its last: the verdict stands only if both agree.
    """
    first = _evaluate(claim, attrs.evolve(context, converting_on=days[0]))
    if not first.conversions:
        return first
    last = _evaluate(claim, attrs.evolve(context, converting_on=days[1]))
    start, end = readable_date(days[0]), readable_date(days[1])
    rates = semicolon_list(readable_rate(conversion) for conversion in last.conversions)
    if last.verdict is first.verdict:
        return attrs.evolve(
            first,
            explanation=_(
                "{explanation} The article was published between {start} and "
                "{end}; at the rates of its last day too ({rates}), the verdict is "
                "the same."
            ).format(explanation=first.explanation, start=start, end=end, rates=rates),
            conversions=first.conversions + last.conversions,
        )
    return Outcome(
        Verdict.NOT_ENOUGH_INFO,
        _(
            "The article was published between {start} and {end}, and the verdict "
            "turns on the day money is converted at. At the rates of the first day: "
            "{first_verdict}: {first} At the rates of the last day: {last_verdict}: "
            "{last} A sourced publication date, or a date to convert at (on), would "
            "settle it."
        ).format(
            start=start,
            end=end,
            first_verdict=first.verdict.label,
            first=first.explanation,
            last_verdict=last.verdict.label,
            last=last.explanation,
        ),
        first.evidence,
        first.conversions + last.conversions,
        first.comparison,
    )


def check_all(
    claims: Iterable[Claim], eco: Ecosystem, *, rates: RateSource | None = None
) -> tuple[Evaluation, ...]:
    """Evaluate many claims against one ecosystem, in order.

    Every claim is evaluated; if some cannot be (a check a knowledge base
    cannot answer, such as a sum too large to compute), the error lists each
    of them with its id.

    Raises:
        DataError: A claim could not be evaluated; each such claim is listed,
            with its id and the field ``check``.

    Examples:
        >>> from aiecosys import Ecosystem, check_all
        >>> check_all([], Ecosystem())
        ()
    """
    evaluations: list[Evaluation] = []
    problems: list[Problem] = []
    for claim in claims:
        try:
            evaluations.append(check(claim, eco, rates=rates))
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return tuple(evaluations)


_FAILURES: Final = (AiecosysError, ArithmeticError, ValueError, TypeError)
"""What evaluating a check may raise besides a missing fact: each is the
claim's fault (or its facts'), and is reported naming the claim."""


def _failure(claim: Claim, error: BaseException) -> Problem:
    detail = (
        _("the arithmetic failed: {error}").format(error=type(error).__name__)
        if isinstance(error, ArithmeticError) and not isinstance(error, AiecosysError)
        else message_of(error)
    )
    return Problem(
        _(
            "cannot be checked against these facts ({detail}); correct the check, "
            "or the facts it reads"
        ).format(detail=detail),
        entry=claim.id,
        field="check",
    )


def validate(claim: Claim, eco: Ecosystem) -> Iterator[tuple[str, str]]:
    """Find what is wrong with a claim for *eco*, as (field, message) pairs.

    Examples:
        >>> from aiecosys import (
        ...     AttributeCheck,
        ...     Claim,
        ...     Ecosystem,
        ...     Source,
        ... )
        >>> from aiecosys.claims._claim import validate
        >>> claim = Claim(
        ...     "kfl",
        ...     "taïwanais",
        ...     "Kai-Fu Lee is Taiwanese.",
        ...     Source("a", title="An article"),
        ...     AttributeCheck("Kai-Fu Lee", "nationality", ("TW",)),
        ... )
        >>> list(validate(claim, Ecosystem()))
        [('check.of', "no person is named 'Kai-Fu Lee'")]
    """
    published = publication_date(claim.source)
    current = claim.check
    # Collected in a private context, then yielded: a generator suspended
    # inside localcontext would leave its context to the caller.
    with decimal.localcontext(DECIMALS):
        problems = list(kind_of(current).validate(current, eco, published))
    for field, message in problems:
        yield f"check.{field}", message
