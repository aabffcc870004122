"""Cross-checks: where two knowledge bases disagree, and what each one lacks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Final, TypeVar

import attrs

from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._entities import Organisation
from aiecosys._estimate import Estimate
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._models import ModelSpec, Openness
from aiecosys._ordering import Ordering
from aiecosys._source import Source


__all__ = ["CrossCheck", "Disagreement", "crosscheck"]

_E = TypeVar("_E", Organisation, ModelSpec)

# Open source is open weights and more: a source that says only "open weights"
# does not contradict one that says "open source".
_COMPATIBLE: Final = ({Openness.OPEN_SOURCE, Openness.OPEN_WEIGHTS},)


@attrs.frozen
class Disagreement:
    """One fact two knowledge bases give differently, with both values and sources.

    Examples:
        >>> from aiecosys import Disagreement, PartialDate
        >>> print(
        ...     Disagreement(
        ...         "model",
        ...         "Mistral 7B",
        ...         "released",
        ...         PartialDate(2023, 9, 27),
        ...         PartialDate(2023, 10, 10),
        ...     )
        ... )
        model Mistral 7B, released: 2023-09-27 against 2023-10-10
    """

    kind: str
    """``"model"`` or ``"organisation"``."""
    name: str
    """The entity's name in the first knowledge base."""
    field: str
    """The field they disagree on (``"released"``, ``"parameters"``, ``"country"``)."""
    left: Any
    """The value in the first knowledge base."""
    right: Any
    """The value in the second."""
    left_sources: tuple[Source, ...] = ()
    """The sources the first cites for it."""
    right_sources: tuple[Source, ...] = ()
    """The sources the second cites for it."""
    right_name: str | None = None
    """The entity's name in the second, when it differs."""

    def __str__(self) -> str:
        found = _DISAGREEMENTS.get(self.kind, _DISAGREEMENTS[None])
        return _(found).format(
            kind=self.kind,
            name=self.name,
            field=self.field,
            left=self.left,
            right=self.right,
        )


_DISAGREEMENTS: Final[dict[str | None, str]] = {
    "model": N_("model {name}, {field}: {left} against {right}"),
    "organisation": N_("organisation {name}, {field}: {left} against {right}"),
    None: N_("{kind} {name}, {field}: {left} against {right}"),
}
"""A disagreement, in a whole sentence for each kind of entity."""


@attrs.frozen
class CrossCheck:
    """What [crosscheck][aiecosys.crosscheck] found.

    Examples:
        >>> from aiecosys import CrossCheck
        >>> print(CrossCheck())
        0 entities in both, 0 disagreements, 0 only in the first, 0 only in the second
    """

    disagreements: tuple[Disagreement, ...] = ()
    """Facts both give, differently."""
    only_left: tuple[str, ...] = ()
    """Names of the models and organisations only the first has (``"model Yi-6B"``)."""
    only_right: tuple[str, ...] = ()
    """Names of the models and organisations only the second has."""
    matched: int = 0
    """How many models and organisations both have."""

    def about(self, name: str) -> tuple[Disagreement, ...]:
        """Return the disagreements about one entity (any case, any accents).

        Examples:
            >>> from aiecosys import CrossCheck
            >>> CrossCheck().about("GPT-4")
            ()
        """
        key = normalise_name(name)
        return tuple(
            found
            for found in self.disagreements
            if key
            in {normalise_name(found.name), normalise_name(found.right_name or "")}
        )

    def __str__(self) -> str:
        lines = [
            _(
                "{matched} entities in both, {disagreements} disagreements, "
                "{only_left} only in the first, {only_right} only in the second"
            ).format(
                matched=self.matched,
                disagreements=len(self.disagreements),
                only_left=len(self.only_left),
                only_right=len(self.only_right),
            )
        ]
        lines.extend(f"  - {found}" for found in self.disagreements)
        return "\n".join(lines)


def crosscheck(a: Ecosystem, b: Ecosystem) -> CrossCheck:
    """List the facts on which two knowledge bases disagree, and what each lacks.

    Models and organisations are matched by name and alias, in any case and
    with or without accents. Facts are compared where both give them:

    - a model's release date (disagreeing when the two dates cannot be the same
      day: ``2023-03`` agrees with ``2023-03-15``, ``2023-09-27`` does not with
      ``2023-10-10``), its parameter count and training compute (disagreeing
      when the two ranges do not overlap), and its openness (open source and
      open weights do not contradict each other: one says more);
    - an organisation's country and founding date.

    Args:
        a: The first knowledge base (the article's, say).
        b: The second (an import of Epoch AI's data, say).

    Returns:
        The disagreements, with both values and both sources, and the names
        found in one and not the other.

    Examples:
        >>> from aiecosys import (
        ...     Ecosystem,
        ...     Estimate,
        ...     ModelSpec,
        ...     PartialDate,
        ...     Source,
        ...     crosscheck,
        ...     parameters,
        ... )
        >>> def kb(name, size, day):
        ...     source = Source(name, title=name)
        ...     model = ModelSpec(
        ...         "Llama 2-7B",
        ...         released=PartialDate(2023, 7, day),
        ...         parameters=Estimate.exact(parameters(size)),
        ...         sources=(source,),
        ...     )
        ...     return Ecosystem(models=(model,))
        >>> found = crosscheck(kb("meta", "7B", 18), kb("epoch", "70B", 18))
        >>> print(found)
        1 entities in both, 1 disagreements, 0 only in the first, 0 only in the second
          - model Llama 2-7B, parameters: 7,000,000,000 parameter (disclosed)
            against 70,000,000,000 parameter (disclosed)
        >>> [source.key for source in found.disagreements[0].right_sources]
        ['epoch']
    """
    found = _Found()
    found.side("organisation", a.organisations, b.organisations)
    found.side("model", a.models, b.models)
    return CrossCheck(
        tuple(found.disagreements),
        tuple(found.only_left),
        tuple(found.only_right),
        found.matched,
    )


@attrs.define
class _Found:
    disagreements: list[Disagreement] = attrs.Factory(list)
    only_left: list[str] = attrs.Factory(list)
    only_right: list[str] = attrs.Factory(list)
    matched: int = 0

    def side(self, kind: str, lefts: tuple[_E, ...], rights: tuple[_E, ...]) -> None:
        index = _index(rights)
        seen: set[int] = set()
        for left in lefts:
            right = _match(left, index)
            if right is None:
                self.only_left.append(f"{kind} {left.name}")
                continue
            self.matched += 1
            seen.add(id(right))
            self.disagreements.extend(_compare(kind, left, right))
        self.only_right.extend(
            f"{kind} {right.name}" for right in rights if id(right) not in seen
        )


def _index(entities: Iterable[_E]) -> dict[str, _E]:
    index: dict[str, _E] = {}
    for entity in entities:
        for name in entity.names:
            index.setdefault(normalise_name(name), entity)
    return index


def _match(entity: _E, index: dict[str, _E]) -> _E | None:
    for name in entity.names:
        found = index.get(normalise_name(name))
        if found is not None:
            return found
    return None


def _compare(
    kind: str, left: Organisation | ModelSpec, right: Organisation | ModelSpec
) -> Iterator[Disagreement]:
    if isinstance(left, ModelSpec) and isinstance(right, ModelSpec):
        facts = _model_facts(left, right)
    elif isinstance(left, Organisation) and isinstance(right, Organisation):
        facts = _organisation_facts(left, right)
    else:  # pragma: no cover - crosscheck pairs entities of one kind
        raise TypeError(kind)
    for field, mine, theirs in facts:
        yield Disagreement(
            kind,
            left.name,
            field,
            mine,
            theirs,
            _sources(left, mine),
            _sources(right, theirs),
            None if right.name == left.name else right.name,
        )


def _model_facts(left: ModelSpec, right: ModelSpec) -> Iterator[tuple[str, Any, Any]]:
    if _dates_differ(left.released, right.released):
        yield "released", left.released, right.released
    for field in ("parameters", "training_compute"):
        mine, theirs = getattr(left, field), getattr(right, field)
        if _estimates_differ(mine, theirs):
            yield field, mine, theirs
    mine_open, theirs_open = left.openness, right.openness
    if (
        mine_open is not None
        and theirs_open is not None
        and _openness_differs(mine_open, theirs_open)
    ):
        yield "openness", mine_open.value, theirs_open.value


def _organisation_facts(
    left: Organisation, right: Organisation
) -> Iterator[tuple[str, Any, Any]]:
    if left.country and right.country and left.country != right.country:
        yield "country", left.country, right.country
    if _dates_differ(left.founded, right.founded):
        yield "founded", left.founded, right.founded


def _openness_differs(left: Openness, right: Openness) -> bool:
    return {left, right} not in _COMPATIBLE and left is not right


def _dates_differ(left: PartialDate | None, right: PartialDate | None) -> bool:
    return left is not None and right is not None and not left.overlaps(right)


def _estimates_differ(left: Estimate[Any] | None, right: Estimate[Any] | None) -> bool:
    if left is None or right is None or left.is_unknown or right.is_unknown:
        return False
    return left.ordering(right) in {Ordering.LESS, Ordering.GREATER}


def _sources(entity: Organisation | ModelSpec, value: object) -> tuple[Source, ...]:
    own = value.sources if isinstance(value, Estimate) else ()
    return tuple(dict.fromkeys((*own, *entity.sources)))
