"""The cause check: a source states that something happened because of something.

"Sinovation closed its Silicon Valley office because of the trade war": the
check reads the knowledge base's [statements][aiecosys.Statement] of the form
``cause``. A cause is never inferred from dates or from other facts: only a
source that states it supports the claim, only a source that denies it (and
none stating it) refutes it, and a cause no source gives is
``NOT_ENOUGH_INFO``, never ``REFUTED``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs

from aiecosys._ecosystem import Ecosystem
from aiecosys._i18n import gettext as _
from aiecosys._i18n import text
from aiecosys._statements import StatementForm
from aiecosys.claims._context import Context, Outcome, private_decimals
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims.checks.attribution import (
    check_at_least,
    parse_count,
    said,
    weigh,
)


__all__ = ["CauseCheck"]


@attrs.frozen
class CauseCheck:
    """A source states that an event happened because of a cause.

    Examples:
        >>> from aiecosys import CauseCheck
        >>> CauseCheck("Sinovation's office closure", "the trade war").kind
        'cause'
    """

    kind: ClassVar[str] = "cause"
    effect: str
    """The event, as the knowledge base's cause statements name it."""
    cause: str
    """Its stated cause."""
    at_least: int = attrs.field(default=1, kw_only=True, validator=check_at_least)
    """How many independent sources must state it (1 by default)."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        found = said(context, self.effect, self.cause, StatementForm.CAUSE)
        # Translators: what sources state: the trade war as the cause of the
        # office's closure.
        what = _("{cause} as the cause of {effect}").format(
            cause=text(self.cause), effect=text(self.effect)
        )
        return weigh(found, self.at_least, what)


def _validate(
    _check: CauseCheck, _eco: Ecosystem, _published: Published | None
) -> Iterator[tuple[str, str]]:
    # Effects are text: one no statement names gives NOT_ENOUGH_INFO, not an error.
    yield from ()


register(CauseCheck, _validate, fields={"at_least": parse_count})
