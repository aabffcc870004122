"""The metric check: a dated measurement (downloads, a rank, a headcount) as stated.

The check reads the knowledge base's [metrics][aiecosys.Metric] of a model,
an organisation or a person: the one measured within the claim's date
(``at``, a date or a period), the latest if several are; without ``at``, the
latest measured by the claim's publication. A measurement of another date is
not used: a count of downloads in 2023 says nothing exact of 2024. It
compares the figure with the stated value as the value check does, with its
tolerance; a lower bound (``at least 1,000``) supports "more than" claims and
leaves "equal" claims undecided unless the bound settles them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import ClassVar, Final, Literal

import attrs

from aiecosys._compare import Tolerance
from aiecosys._dates import PartialDate, Period, readable_period
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._entities import Organisation, Person
from aiecosys._errors import UnknownEntityError
from aiecosys._i18n import N_, text
from aiecosys._i18n import gettext as _
from aiecosys._metrics import Metric, MetricKind
from aiecosys._models import ModelSpec
from aiecosys._openworld import about
from aiecosys._ordering import Ordering
from aiecosys.claims._context import (
    Context,
    Found,
    Missing,
    Outcome,
    compared,
    private_decimals,
)
from aiecosys.claims._registry import register
from aiecosys.claims._relative import DateLike, Published, resolve_date
from aiecosys.claims._validation import unknown_names, validate_when
from aiecosys.claims._verdict import Evidence, Verdict


__all__ = ["MetricCheck"]

_RELATIONS: Final = {
    "equal": (Ordering.EQUAL, N_("equal to the stated value")),
    "greater": (Ordering.GREATER, N_("more than the stated value")),
    "less": (Ordering.LESS, N_("less than the stated value")),
}


def _check_relation(
    _instance: MetricCheck, _attribute: attrs.Attribute[str], value: str
) -> None:
    if value not in _RELATIONS:
        raise ValueError(
            _(
                "unknown relation {value}; use equal, greater (the figure is more "
                "than the stated value) or less"
            ).format(value=repr(value))
        )


@attrs.frozen
class MetricCheck:
    """A dated measurement equals, exceeds or falls short of a stated value.

    Examples:
        >>> from decimal import Decimal
        >>> from aiecosys import MetricCheck, PartialDate
        >>> MetricCheck("Yi-34B", "downloads", Decimal(1000), at=PartialDate(2024)).kind
        'metric'
    """

    kind: ClassVar[str] = "metric"
    of: str
    """The name of the model, organisation or person measured."""
    metric: MetricKind = attrs.field(converter=MetricKind)
    """What is counted (``downloads``, ``derived-models``, ``headcount``...)."""
    stated: Decimal
    """The figure the claim states."""
    relation: Literal["equal", "greater", "less"] = attrs.field(
        default="equal", kw_only=True, validator=_check_relation
    )
    """``equal`` (the default), ``greater`` (the figure is more than stated) or
    ``less``."""
    at: DateLike | None = attrs.field(default=None, kw_only=True)
    """When the figure is claimed; the latest by the publication date if not given."""
    where: str | None = attrs.field(default=None, kw_only=True)
    """The platform or leaderboard, when the claim names one."""
    tolerance: Tolerance | None = attrs.field(default=None, kw_only=True)
    """How far the figure may be from the stated value (none: it must equal it)."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        try:
            metric = self.pick(context)
        except Missing as missing:
            entity = _entity(context.eco, self.of)
            what = (
                self.metric.label
                if self.where is None
                else _("{metric} on {where}").format(
                    metric=self.metric.label, where=text(self.where)
                )
            )
            evidence = Evidence(
                about(entity.name, what), _("not recorded"), entity.sources
            )
            reason = str(missing)
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                _("{reason}; a figure not recorded is not a denial.").format(
                    reason=reason[:1].upper() + reason[1:]
                ),
                (evidence,),
            )
        expects, relation = _RELATIONS[self.relation]
        found = Found(metric.label, metric.value, metric.sources)
        outcome = compared(
            found,
            self.stated,
            context,
            on=None,
            tolerance=self.tolerance,
            factor=Decimal(1),
            relation=_(relation),
            expects=expects,
            second_label=_("the stated value"),
        )
        if metric.note is None:
            return outcome
        return attrs.evolve(
            outcome, explanation=f"{outcome.explanation} {text(metric.note)}"
        )

    def pick(self, context: Context) -> Metric:
        """The measurement the check reads (see the module).

        Raises:
            Missing: None is recorded for the date.
        """
        name = _entity(context.eco, self.of).name
        wanted = None if self.where is None else normalise_name(self.where)
        candidates = [
            metric
            for metric in context.eco.metrics
            if metric.metric is self.metric
            and _entity(context.eco, metric.of).name == name
            and (wanted is None or normalise_name(metric.where or "") == wanted)
        ]
        when: PartialDate | Period | None
        if self.at is not None:
            when = resolve_date(self.at, context.published)
            usable = [m for m in candidates if when.contains(m.as_of)]
        else:
            when = context.published
            usable = [
                m
                for m in candidates
                if when is None or when.last is None or m.as_of.last <= when.last
            ]
        if not usable:
            raise Missing(self._none_for(name, when, candidates))
        return max(usable, key=lambda m: (m.as_of.last, m.as_of.first))

    def _none_for(
        self, name: str, when: PartialDate | Period | None, candidates: list[Metric]
    ) -> str:
        """Say that no measurement is recorded for the date, and which are."""
        fields = {
            "metric": self.metric.label,
            "of": name,
            "where": None if self.where is None else text(self.where),
            "when": None if when is None else readable_period(when),
            # Translators: no measurement recorded at all.
            "recorded": ", ".join(readable_period(m.as_of) for m in candidates)
            or _("none"),
        }
        if self.where is None and when is None:
            message = _(
                "no measurement of {metric} of {of} is recorded (recorded: {recorded})"
            )
        elif self.where is None:
            message = _(
                "no measurement of {metric} of {of} is recorded for {when} "
                "(recorded: {recorded})"
            )
        elif when is None:
            message = _(
                "no measurement of {metric} of {of} on {where} is recorded "
                "(recorded: {recorded})"
            )
        else:
            message = _(
                "no measurement of {metric} of {of} on {where} is recorded for "
                "{when} (recorded: {recorded})"
            )
        return message.format(**fields)


def _entity(eco: Ecosystem, name: str) -> ModelSpec | Organisation | Person:
    looks: tuple[Callable[[str], ModelSpec | Organisation | Person], ...] = (
        eco.model,
        eco.organisation,
        eco.person,
    )
    for look_up in looks:
        try:
            return look_up(name)
        except UnknownEntityError:
            continue
    raise UnknownEntityError(
        _("no model, organisation or person is named {name}").format(name=repr(name))
    )


def _validate(
    check: MetricCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    yield from unknown_names([("of", check.of, lambda name: _entity(eco, name))])
    if check.stated < 0:
        yield (
            "stated",
            _("{stated} is below zero, and a count cannot be").format(
                stated=check.stated
            ),
        )
    if check.at is not None:
        yield from validate_when(check.at, "at", published)


register(MetricCheck, _validate)
