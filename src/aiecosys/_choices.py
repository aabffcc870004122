"""The base of aiecosys's enumerations: an unknown value names the values allowed.

A status, a kind of organisation or of round, an openness: each is one of a
few values, and Python's own refusal (``'api' is not a valid Openness``) says
neither what the values are nor raises one of aiecosys's errors. Every
enumeration of aiecosys derives from `Choice`, whose refusal does both, in the
reader's language, as the files' readers do.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import NoReturn

from aiecosys._errors import ParseError
from aiecosys._i18n import gettext as _


__all__ = ["Choice", "not_one_of"]


def not_one_of(raw: object, allowed: Iterable[object]) -> ParseError:
    """The error refusing *raw*, which is none of the values *allowed*, naming them.

    Enumerations, and the files' enumerated and literal fields, refuse with it.

    Examples:
        >>> not_one_of("api", ["api-only", "closed"])
        ParseError("'api' is not one of 'api-only', 'closed'")
    """
    return ParseError(
        _("{raw!r} is not one of {allowed}").format(
            raw=raw, allowed=", ".join(map(repr, allowed))
        )
    )


class Choice(enum.Enum):
    """An enumeration that refuses an unknown value with an error naming its values.

    The error is a `ParseError`, a `ValueError` as Python's own refusal is.

    Examples:
        >>> from aiecosys import Openness
        >>> Openness("api")
        Traceback (most recent call last):
        ...
        aiecosys.ParseError: 'api' is not one of 'open-source', 'open-weights', ...
    """

    @classmethod
    def _missing_(cls, value: object) -> NoReturn:
        raise not_one_of(value, [member.value for member in cls])
