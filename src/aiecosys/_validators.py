"""Field validators shared by the entities; each raises a DataError naming its field."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any, Final, NoReturn

import attrs

from aiecosys._dates import PartialDate, readable_period
from aiecosys._errors import DataError, Problem
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _


__all__ = [
    "country",
    "estimate_of",
    "fail",
    "instances",
    "language",
    "names",
    "optional_date",
    "optional_estimate_of",
    "optional_text",
    "partial_date",
    "text",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def fail(attribute: attrs.Attribute[Any], message: str) -> NoReturn:
    """Raise a DataError about one field."""
    raise DataError([Problem(message, field=attribute.name)])


def text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require non-empty text."""
    if not isinstance(value, str) or not value.strip():
        fail(attribute, _("must be non-empty text, not {value!r}").format(value=value))


def optional_text(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Require non-empty text or None."""
    if value is not None:
        text(instance, attribute, value)


def names(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a tuple of distinct non-empty names."""
    if type(value) is tuple and not value:
        return  # most entities have no aliases: no need to look further
    if not isinstance(value, tuple) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        fail(
            attribute,
            _("must be a tuple of non-empty names, not {value!r}").format(value=value),
        )
    if len(set(value)) != len(value):
        fail(attribute, _("lists the same name twice"))


def partial_date(
    _instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Require a PartialDate."""
    if not isinstance(value, PartialDate):
        fail(
            attribute,
            _("must be a PartialDate, not {type}").format(type=type(value).__name__),
        )


def optional_date(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Require a PartialDate or None."""
    if value is not None:
        partial_date(instance, attribute, value)


_ENDS_BEFORE: Final = N_("ends ({value}) before it starts ({start})")


def not_before(start: str, wording: str = _ENDS_BEFORE) -> Validator:
    """An attrs validator: an optional date not before the date in the field *start*.

    *wording* says what is wrong, with ``{value}`` and ``{start}`` for the two
    dates; mark it with ``N_``: it is translated when the check fails.

    Examples:
        >>> import attrs
        >>> @attrs.frozen
        ... class Stay:
        ...     start: PartialDate | None = None
        ...     end: PartialDate | None = attrs.field(
        ...         default=None, validator=not_before("start")
        ...     )
        >>> Stay(PartialDate(2024), PartialDate(2023))
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 1 problem found:
          - field 'end': ends (2023) before it starts (2024)
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        optional_date(instance, attribute, value)
        begun = getattr(instance, start)
        if (
            isinstance(value, PartialDate)
            and begun is not None
            and value.precedes(begun)
        ):
            fail(
                attribute,
                _(wording).format(
                    value=readable_period(value), start=readable_period(begun)
                ),
            )

    return check


@functools.cache
def _territories() -> frozenset[str]:
    """ISO 3166 alpha-2 codes, current and former, from CLDR's global data.

    CLDR's territory-to-currency table lists every territory, including former
    ones (SU, YU) that an old organisation may name; it sits in the global data
    that currency codes already load, so no locale has to be read.
    """
    from babel.core import get_global

    not_countries = {"EU", "EZ", "QO", "UN", "ZZ"}
    return frozenset(
        code
        for code in get_global("territory_currencies")
        if len(code) == 2 and code.isalpha() and code not in not_countries  # noqa: PLR2004
    )


def country(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require an ISO 3166-1 alpha-2 country code (``"FR"``, ``"CN"``) or None."""
    if value is None:
        return
    if not isinstance(value, str) or value not in _territories():
        fail(
            attribute,
            _(
                "{value!r} is not an ISO 3166 country code: write two capital "
                "letters such as 'FR', 'CN', 'US' or 'TW'"
            ).format(value=value),
        )


def instances(kind: type) -> Validator:
    """Require a tuple whose items are all of *kind*."""

    def check(
        _instance: object, attribute: attrs.Attribute[Any], value: object
    ) -> None:
        if type(value) is tuple and not value:
            return  # no benchmarks, no events: the usual case
        if not isinstance(value, tuple) or not all(
            isinstance(item, kind) for item in value
        ):
            fail(attribute, _("must be a tuple of {type}").format(type=kind.__name__))

    return check


def estimate_of(kind: type[Any], dimensions: str | None = None) -> Validator:
    """Require an Estimate whose bounds are all of *kind* (and of *dimensions*).

    Every estimate a knowledge base holds is of an amount, a count or a size,
    none of which can be negative.
    """
    from aiecosys._estimate import Estimate

    def check(
        _instance: object, attribute: attrs.Attribute[Any], value: object
    ) -> None:
        if not isinstance(value, Estimate):
            fail(
                attribute,
                _("must be an Estimate, not {type}").format(type=type(value).__name__),
            )
        bounds: tuple[Any, ...] = (value.low, value.high, value.best)
        checked = None
        for bound in bounds:
            # An exact estimate holds one value three times: it is checked once.
            if bound is None or bound is checked:
                continue
            checked = bound
            if not isinstance(bound, kind) or isinstance(bound, bool):
                fail(
                    attribute,
                    _("must hold {type} values, not {bound!r}").format(
                        type=kind.__name__, bound=bound
                    ),
                )
            if dimensions is not None and bound.dimensions != dimensions:
                fail(
                    attribute,
                    _("must be in {dimensions}, not {given} ({bound})").format(
                        dimensions=dimensions, given=bound.dimensions, bound=bound
                    ),
                )
            if _magnitude(bound) < 0:
                fail(
                    attribute,
                    _(
                        "cannot be negative ({bound}): amounts, counts and sizes "
                        "start at zero"
                    ).format(bound=bound),
                )

    return check


def _magnitude(value: Any) -> Any:
    """The number inside Money, a Quantity or a plain count."""
    if hasattr(value, "amount"):
        return value.amount
    if hasattr(value, "magnitude"):
        return value.magnitude
    return value


def optional_estimate_of(kind: type[Any], dimensions: str | None = None) -> Validator:
    """Require None or an Estimate whose bounds are all of *kind*."""
    check = estimate_of(kind, dimensions)

    def optional(
        instance: object, attribute: attrs.Attribute[Any], value: object
    ) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def day(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a date (not a datetime) or None."""
    if value is not None and (
        isinstance(value, dt.datetime) or not isinstance(value, dt.date)
    ):
        fail(attribute, _("must be a date (YYYY-MM-DD)"))


_LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}")


def language(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a BCP 47 language tag that CLDR knows (``"fr"``, ``"en-GB"``) or None."""
    if value is None:
        return
    if isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value) is not None:
        from babel import Locale, UnknownLocaleError

        try:
            Locale.parse(value, sep="-")
        except (UnknownLocaleError, ValueError):
            pass
        else:
            return
    fail(
        attribute,
        _(
            "{value!r} is not a language tag CLDR knows: write a BCP 47 tag such "
            "as 'fr', 'en' or 'pt-BR'"
        ).format(value=value),
    )
