"""The check kinds by their tag: each kind's class, validator and field readers.

A check kind registers itself with [register][aiecosys.claims.register],
in its own module: the claims reader then reads its table (``kind = "..."``
and the fields of its attrs class, each by its type, as every file's fields
are read), [check][aiecosys.check] evaluates it, and loading a claims file
runs its validator against the knowledge base.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs


if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem
    from aiecosys.claims._context import Context, Outcome
    from aiecosys.claims._relative import Published


__all__ = [
    "KINDS",
    "CheckKind",
    "FieldReader",
    "Kind",
    "Validator",
    "kind_of",
    "register",
    "unregister",
]


class CheckKind(Protocol):
    """What a check class gives: its tag, and how it is evaluated."""

    kind: ClassVar[str]
    """The tag naming the kind in claims files (``"value"``)."""

    def evaluate(self, context: Context, /) -> Outcome:
        """The verdict, why, and the evidence (see [check][aiecosys.check])."""


FieldReader = Callable[[Any], Any]
"""Reads one field's raw value (from TOML or JSON) that its type alone does not
say how to read, raising [ParseError][aiecosys.ParseError] when it cannot."""

Validator = Callable[[Any, "Ecosystem", "Published | None"], Iterator[tuple[str, str]]]
"""Finds what is wrong with a check for a knowledge base and a publication
date (or the range it lies in), as (field, message) pairs."""


@attrs.frozen
class Kind:
    """A registered check kind: its class, its validator and its own field readers."""

    check: type[CheckKind]
    """The attrs class of the check: its fields are those a claims file gives."""
    validate: Validator
    """What loading a claims file checks against the knowledge base."""
    fields: Mapping[str, FieldReader] = attrs.field(factory=dict)
    """The readers of the fields that are not read by their type alone."""


KINDS: dict[str, Kind] = {}
"""The check kinds by their tag, in the order they were registered."""


def register(
    check: type[CheckKind],
    validate: Validator,
    *,
    fields: Mapping[str, FieldReader] | None = None,
) -> None:
    """Make a check kind readable from claims files and checkable.

    The fields of a check's table are those of its attrs class, read by their
    types as in every file (text, numbers, money, quantities, dates,
    tolerances, measures, enums, lists of them); *fields* gives a reader for
    a field that its type alone does not say how to read.

    Raises:
        ValueError: Another class is registered under the same tag.

    Examples:
        >>> from aiecosys.claims import KINDS
        >>> KINDS["value"].check.__name__
        'ValueCheck'
    """
    other = KINDS.get(check.kind)
    if other is not None and other.check is not check:
        raise ValueError(
            f"the check kind {check.kind!r} is already {other.check.__name__}: "
            "give the new kind another tag"
        )
    KINDS[check.kind] = Kind(check, validate, dict(fields or {}))


def unregister(check: type[CheckKind]) -> None:
    """Forget a check kind registered with [register][aiecosys.claims.register].

    Examples:
        >>> import attrs
        >>> from aiecosys.claims import KINDS, register, unregister
        >>> @attrs.frozen
        ... class NothingCheck:
        ...     kind = "nothing"
        ...
        ...     def evaluate(self, context): ...
        >>> register(NothingCheck, lambda check, eco, published: iter(()))
        >>> "nothing" in KINDS
        True
        >>> unregister(NothingCheck)
        >>> "nothing" in KINDS
        False
    """
    found = KINDS.get(check.kind)
    if found is not None and found.check is check:
        del KINDS[check.kind]


def kind_of(check: object) -> Kind:
    """Return the registered kind of a check.

    Raises:
        KeyError: Its class is not a registered check kind.
    """
    return KINDS[getattr(type(check), "kind", "")]
