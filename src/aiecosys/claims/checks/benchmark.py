"""The benchmark check: two models perform comparably, or one better."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final, Literal

import attrs

from aiecosys._compare import (
    Tolerance,
    compare_values,
)
from aiecosys._ecosystem import Ecosystem
from aiecosys._i18n import N_, text
from aiecosys._i18n import gettext as _
from aiecosys._ordering import Ordering
from aiecosys._readable import readable_exact
from aiecosys.claims._context import (
    Context,
    Outcome,
    private_decimals,
    semicolon_list,
    strings,
    verdict_of,
)
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims._validation import (
    unknown_names,
)
from aiecosys.claims._verdict import Evidence, Verdict


if TYPE_CHECKING:
    pass


_RELATIONS: Final = {"comparable": N_("comparable"), "better": N_("better")}
"""Each relation in words, as explanations write it."""
_FINDINGS: Final = {
    Verdict.SUPPORTED: N_("{scores}: {relation} holds"),
    Verdict.REFUTED: N_("{scores}: {relation} does not hold"),
    Verdict.NOT_ENOUGH_INFO: N_("{scores}: {relation} cannot be told"),
}


@attrs.frozen
class BenchmarkCheck:
    """Two models perform comparably (or one better) on published benchmarks.

    For each benchmark both models have a score on, the scores are compared
    with the tolerance (an absolute margin in points, usually). With
    ``quantifier="all"`` the claim holds if it holds on every benchmark listed
    and fails if it fails on one; with ``"any"``, if it holds on one. A
    missing score leaves the verdict open when the answer depends on it.

    Examples:
        >>> from aiecosys import BenchmarkCheck, Tolerance
        >>> check = BenchmarkCheck(
        ...     "Yi-34B",
        ...     "GPT-4",
        ...     benchmarks=("MMLU",),
        ...     tolerance=Tolerance.absolute(5),
        ... )
        >>> check.relation
        'comparable'
    """

    kind: ClassVar[str] = "benchmark"
    first: str
    """The first model's name."""
    second: str
    """The second model's name."""
    benchmarks: tuple[str, ...] = attrs.field(kw_only=True, converter=strings)
    """The benchmarks compared (``"MMLU"``)."""
    relation: Literal["comparable", "better"] = attrs.field(
        default="comparable",
        kw_only=True,
        validator=attrs.validators.in_(("comparable", "better")),
    )
    """``"comparable"`` (within the tolerance) or ``"better"`` (above it)."""
    tolerance: Tolerance | None = attrs.field(default=None, kw_only=True)
    """The margin that counts as comparable; required for ``"comparable"``."""
    quantifier: Literal["all", "any"] = attrs.field(
        default="all", kw_only=True, validator=attrs.validators.in_(("all", "any"))
    )
    """Whether the relation must hold on all benchmarks listed, or on any."""

    def __attrs_post_init__(self) -> None:
        if self.relation == "comparable" and self.tolerance is None:
            raise ValueError(_("'comparable' needs a tolerance, such as '5' points"))
        if not self.benchmarks:
            raise ValueError(_("list at least one benchmark"))

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        eco = context.eco
        first, second = eco.model(self.first), eco.model(self.second)
        expects = Ordering.EQUAL if self.relation == "comparable" else Ordering.GREATER
        results: list[Verdict] = []
        evidence: list[Evidence] = []
        sentences: list[str] = []
        for benchmark in self.benchmarks:
            scores = [first.score(benchmark), second.score(benchmark)]
            for model, score in zip((first, second), scores, strict=True):
                if score is not None:
                    evidence.append(
                        Evidence(
                            _("{of}: {field}").format(
                                of=model.name, field=score.benchmark
                            ),
                            readable_exact(score.score)
                            + (f" ({text(score.setting)})" if score.setting else ""),
                            score.sources,
                        )
                    )
            a, b = scores
            if a is None or b is None:
                missing = first.name if a is None else second.name
                results.append(Verdict.NOT_ENOUGH_INFO)
                sentences.append(
                    _("no {benchmark} score of {model} is recorded").format(
                        benchmark=benchmark, model=missing
                    )
                )
                continue
            comparison = compare_values(
                a.score,
                b.score,
                on=None,
                rates=None,
                tolerance=self.tolerance,
                labels=None,
                factor=Decimal(1),
                relation=self.relation,
                expects=expects,
            )
            verdict = verdict_of(comparison.ordering, expects)
            results.append(verdict)
            said = _(
                "on {benchmark}, {first} scores {first_score} and {second} "
                "{second_score}"
            ).format(
                benchmark=benchmark,
                first=first.name,
                first_score=readable_exact(a.score),
                second=second.name,
                second_score=readable_exact(b.score),
            )
            if self.tolerance:
                said = _("{scores}, tolerance {tolerance}").format(
                    scores=said, tolerance=self.tolerance
                )
            sentences.append(
                _(_FINDINGS[verdict]).format(
                    scores=said, relation=_(_RELATIONS[self.relation])
                )
            )
        if self.quantifier == "all":
            verdict = (
                Verdict.REFUTED
                if Verdict.REFUTED in results
                else Verdict.NOT_ENOUGH_INFO
                if Verdict.NOT_ENOUGH_INFO in results
                else Verdict.SUPPORTED
            )
        else:
            verdict = (
                Verdict.SUPPORTED
                if Verdict.SUPPORTED in results
                else Verdict.NOT_ENOUGH_INFO
                if Verdict.NOT_ENOUGH_INFO in results
                else Verdict.REFUTED
            )
        joined = semicolon_list(sentences)
        return Outcome(verdict, joined[0].upper() + joined[1:] + ".", tuple(evidence))


def _validate_benchmark(
    check: BenchmarkCheck, eco: Ecosystem, _published: Published | None
) -> Iterator[tuple[str, str]]:
    problems = list(
        unknown_names(
            [("first", check.first, eco.model), ("second", check.second, eco.model)]
        )
    )
    yield from problems
    if not problems and eco.model(check.first) == eco.model(check.second):
        yield (
            "second",
            _(
                "is the same model as first ({name}): a model compared with itself "
                "proves nothing; name another model"
            ).format(name=eco.model(check.first).name),
        )
    margin = None if check.tolerance is None else check.tolerance.margin
    if margin is not None and not isinstance(margin, Decimal | int):
        yield (
            "tolerance",
            _(
                "a benchmark score is a plain number: the margin {tolerance} is not"
            ).format(tolerance=check.tolerance),
        )


register(BenchmarkCheck, _validate_benchmark)
