"""Precision from the words: what "nearly 300 million" or "$415 million" covers.

People rarely state a figure exactly. The words around it, and how round it
is, say which values it covers; this module is the one rule that turns them
into bounds, so that a check never treats "$2 billion" as 2,000,000,000 to
the dollar, and never lets "nearly 300 million" stand for 320 million.

The rule (see docs/explanation/precision.md for why):

* a **round figure** ("$415 million", "385 millions d'euros") covers half a
  unit of its last significant digit either side: 414.5 to 415.5 million.
  Trailing zeros are never significant, and a figure is read to at least two
  significant digits: "$2 billion" is 1.95 to 2.05 billion, since a writer
  who knew 2.4 billion would have written "2.4 billion";
* **"about"**, "around", "approximately", "roughly", "some", "environ",
  "quelque", "autour de": ±10% of the figure;
* **"nearly"**, "almost", "près de", "presque": up to 10% below the figure,
  never above it;
* **"over"**, "more than", "plus de": above the figure, never equal to it;
  **"at least"**, "au moins": the figure or more;
* **"up to"**, "at most", "jusqu'à", "au plus": the figure or less;
  **"under"**, "less than", "moins de": below it;
* **"exactly"**, "exactement": the figure itself.

An explicit tolerance in a check wins over all of these.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

import attrs

from aiecosys._amounts import Lang, read_plain_number
from aiecosys._compare import read_amount
from aiecosys._contexts import EXACT
from aiecosys._errors import ParseError
from aiecosys._estimate import Estimate, Status, base_magnitude
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._money import Money
from aiecosys._ordering import Ordering
from aiecosys._readable import DIGITS, readable, readable_estimate
from aiecosys._units import Quantity


__all__ = [
    "BAND",
    "MIN_SIGNIFICANT",
    "Precision",
    "qualifier_of",
]

BAND: Final = Decimal("0.1")
"""How far "about" reaches either side, and "nearly" below: 10% of the figure."""
_WHOLE: Final = 30
"""Digits up to which a whole bound is written without a fraction."""
MIN_SIGNIFICANT: Final = 2
"""A figure is read to at least this many significant digits."""

_ABOUT: Final = "about"
_NEARLY: Final = "nearly"
_OVER: Final = "over"
_AT_LEAST: Final = "at least"
_UP_TO: Final = "up to"
_UNDER: Final = "under"
_EXACTLY: Final = "exactly"
_ROUND: Final = "round"

_WORDS: Final = {
    _ABOUT: (
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "circa",
        "environ",
        "quelque",
        "autour de",
        "à peu près",
        "approximativement",
    ),
    _NEARLY: ("nearly", "almost", "près de", "presque", "pas loin de"),
    _OVER: ("over", "more than", "above", "plus de", "au-delà de"),
    _AT_LEAST: ("at least", "au moins"),
    _UP_TO: ("up to", "at most", "jusqu'à", "jusqu’à", "au plus"),
    _UNDER: ("under", "less than", "below", "moins de"),
    _EXACTLY: ("exactly", "exactement", "precisely", "précisément"),
}
_BY_WORD: Final = sorted(
    ((word, kind) for kind, words in _WORDS.items() for word in words),
    key=lambda pair: -len(pair[0]),
)

Figure = Money | Quantity | Decimal
"""A stated figure: an amount, a quantity or a plain number."""


def qualifier_of(text: str) -> tuple[str | None, str]:
    """Split the words that qualify a figure from it: ``("nearly", "300 million")``.

    The qualifier returned is the rule's name (``"about"`` for "some" or
    "environ"), or None when the figure stands alone.

    Examples:
        >>> from aiecosys._precision import qualifier_of
        >>> qualifier_of("près de 300 millions d'euros")
        ('nearly', "300 millions d'euros")
        >>> qualifier_of("$415 million")
        (None, '$415 million')
    """
    stripped = text.strip()
    folded = stripped.casefold()
    for word, kind in _BY_WORD:
        if folded.startswith(word + " "):
            return kind, stripped[len(word) :].strip()
    return None, stripped


def _number(value: Figure) -> Decimal:
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Quantity):
        return value.magnitude
    return value


def _like(value: Figure, number: Decimal) -> Figure:
    """*number* in the currency or unit of *value*, without trailing ".0"."""
    if number == EXACT.to_integral_value(number) and number.adjusted() < _WHOLE:
        number = EXACT.quantize(number, Decimal(1))
    if isinstance(value, Money):
        return Money(number, value.currency)
    if isinstance(value, Quantity):
        return Quantity(number, value.unit)
    return number


def _plain(value: Any) -> Decimal | None:
    """A bound as a plain Decimal, quantities in base units, for ordering."""
    if value is None:
        return None
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Quantity):
        return base_magnitude(value)
    return Decimal(value)


def _half_unit(number: Decimal) -> tuple[Decimal, int]:
    """Half a unit of the last significant digit, and the digits counted."""
    if not number:
        return Decimal(0), 1  # zero is zero: no digit of it is rounded
    digits = max(len(number.normalize(EXACT).as_tuple().digits), MIN_SIGNIFICANT)
    unit = EXACT.scaleb(Decimal(1), number.adjusted() - digits + 1)
    return EXACT.multiply(unit, Decimal("0.5")), digits


@attrs.frozen
class Precision:
    """The values a stated figure covers, read from its words.

    A [ValueCheck][aiecosys.ValueCheck] whose stated value is a Precision,
    and which gives no tolerance, is supported when the fact lies within
    these values (see the page "Precision from the words").

    Examples:
        >>> from aiecosys import Money
        >>> from aiecosys._precision import Precision
        >>> stated = Precision.read("$415 million", Money.parse)
        >>> print(stated.reading())
        '$415 million' is read as $414.5 to $415.5 million (a round figure: half a
        unit of its last significant digit either side)
        >>> print(Precision.read("nearly €300 million", Money.parse).reading())
        'nearly €300 million' is read as €270 to €300 million ('nearly': up to 10%
        below the figure, never above)
        >>> print(Precision.read("exactly $415,000,000", Money.parse).reading())
        'exactly $415,000,000' is read as exactly $415 million
    """

    written: str
    """The figure as written, with its words (``"nearly 300 million"``)."""
    value: Figure
    """The figure itself."""
    low: Figure | None
    """The lowest value covered, or None when there is none."""
    high: Figure | None
    """The highest value covered, or None when there is none."""
    rule: str
    """Which rule read it: ``round``, ``about``, ``nearly``, ``over``..."""
    low_open: bool = False
    """Whether the figure itself is excluded below ("over")."""
    high_open: bool = False
    """Whether the figure itself is excluded above ("under")."""

    @classmethod
    def parse(
        cls, text: str, *, lang: Lang | None = None, locale: str | None = None
    ) -> Precision:
        """Read a figure as people write it, with its words: ``"nearly €300M"``.

        The figure is a plain number, an amount of money or a quantity, read
        as [Money.parse][aiecosys.Money.parse] and
        [parameters][aiecosys.parameters] read them.

        Raises:
            ParseError: The figure cannot be read, as the number reader says.

        Examples:
            >>> from aiecosys import Measure, Precision, ValueCheck
            >>> stated = Precision.parse("nearly 300 millions d'euros")
            >>> stated.low, stated.high
            (Money('270000000', 'EUR'), Money('300000000', 'EUR'))
            >>> Precision.parse("about 400").interval()
            '360 to 440'
            >>> check = ValueCheck(Measure("Kyutai", "amount"), stated)
        """
        kind, figure = qualifier_of(text)
        try:
            value: Figure = read_plain_number(figure, what="a figure")
        except ParseError:
            value = read_amount(figure, lang=lang, locale=locale)
        return cls.of(value, kind, written=text.strip())

    @classmethod
    def read(cls, text: str, read: Any) -> Precision:
        """Read a figure and its words; *read* reads the figure (``Money.parse``)."""
        kind, figure_text = qualifier_of(text)
        value = read(figure_text)
        return cls.of(value, kind, written=text.strip())

    @classmethod
    def of(cls, value: object, kind: str | None, *, written: str) -> Precision:
        """The precision of *value* stated with the qualifier *kind*.

        Raises:
            TypeError: *value* is not Money, a Quantity, a Decimal or an int
                (a binary float cannot hold most decimal figures).
            ParseError: *kind* is not one of the rule's qualifiers.
        """
        if isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)
        if not isinstance(value, Money | Quantity | Decimal):
            raise TypeError(
                f"a stated figure is Money, a Quantity, a Decimal or an int, not "
                f"the {type(value).__name__} {value!r}: pass Decimal('0.5'), built "
                "from a string"
            )
        if kind is not None and kind not in _WORDS:
            raise ParseError(
                f"unknown qualifier {kind!r}: use one of {', '.join(_WORDS)}, "
                "or None for a figure alone"
            )
        number = _number(value)
        band = EXACT.multiply(number.copy_abs(), BAND)
        low: Decimal | None = number
        high: Decimal | None = number
        low_open = high_open = False
        if kind is None:
            half, _ = _half_unit(number)
            low, high, kind = (
                EXACT.subtract(number, half),
                EXACT.add(number, half),
                _ROUND,
            )
        elif kind == _ABOUT:
            low, high = EXACT.subtract(number, band), EXACT.add(number, band)
        elif kind == _NEARLY:
            low = EXACT.subtract(number, band)
        elif kind in {_OVER, _AT_LEAST}:
            high, low_open = None, kind == _OVER
        elif kind in {_UP_TO, _UNDER}:
            low, high_open = None, kind == _UNDER
        return cls(
            written,
            value,
            None if low is None else _like(value, low),
            None if high is None else _like(value, high),
            kind,
            low_open,
            high_open,
        )

    @property
    def number(self) -> Decimal:
        """The figure's number, without its currency or unit."""
        return _number(self.value)

    def covered(self) -> Estimate[Any]:
        """The values covered, as an estimate (open ends read as closed)."""
        return Estimate(self.low, self.high, self.value, Status.DISCLOSED)

    def place(self, estimate: Estimate[Any]) -> Ordering:
        """Where a fact lies against the values covered: below, within, above.

        ``EQUAL`` when every value the fact allows is covered; ``LESS`` or
        ``GREATER`` when none is; ``INDETERMINATE`` otherwise. The fact must
        be in the figure's currency or dimension.
        """
        low, high = _plain(estimate.low), _plain(estimate.high)
        bottom, top = _plain(self.low), _plain(self.high)
        if (
            high is not None
            and bottom is not None
            and (high < bottom or (self.low_open and high == bottom))
        ):
            return Ordering.LESS
        if (
            low is not None
            and top is not None
            and (low > top or (self.high_open and low == top))
        ):
            return Ordering.GREATER
        above_bottom = bottom is None or (
            low is not None and (low > bottom or (low == bottom and not self.low_open))
        )
        below_top = top is None or (
            high is not None and (high < top or (high == top and not self.high_open))
        )
        return Ordering.EQUAL if above_bottom and below_top else Ordering.INDETERMINATE

    def interval(self) -> str:
        """The values covered, for readers: ``$414.5 to $415.5 million``."""
        digits = DIGITS
        if self.rule == _ROUND:
            digits = max(DIGITS, _half_unit(_number(self.value))[1] + 1)
        if self.low is None:
            high = readable(self.high, digits)
            if self.high_open:
                return _("less than {value}").format(value=high)
            return _("at most {value}").format(value=high)
        if self.high is None:
            low = readable(self.low, digits)
            if self.low_open:
                return _("more than {value}").format(value=low)
            return _("at least {value}").format(value=low)
        if self.low == self.high:
            return _("exactly {value}").format(value=readable(self.value, digits))
        return readable_estimate(Estimate.between(self.low, self.high), digits)

    def quoted(self) -> str:
        """The words in quotes: single, or double if they hold an apostrophe."""
        if "'" in self.written or "’" in self.written:
            # Translators: words quoted as written, when they hold an apostrophe.
            return _('"{words}"').format(words=self.written)
        # Translators: words quoted as written.
        return _("'{words}'").format(words=self.written)

    def reading(self) -> str:
        """How the words were read: ``'$415 million' is read as ...``."""
        text = _("{words} is read as {values}").format(
            words=self.quoted(), values=self.interval()
        )
        explained = _RULES.get(self.rule)
        if explained is None:
            return text
        # Translators: how words were read, then the rule that read them.
        return _("{reading} ({rule})").format(reading=text, rule=_(explained))


_RULES: Final = {
    _ROUND: N_("a round figure: half a unit of its last significant digit either side"),
    _ABOUT: N_("'about': 10% either side of the figure"),
    _NEARLY: N_("'nearly': up to 10% below the figure, never above"),
    _OVER: N_("'over': above the figure, not equal to it"),
    _UNDER: N_("'under': below the figure, not equal to it"),
}
