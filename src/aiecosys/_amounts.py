"""Read numbers as news text writes them: "385 millions", "1,2 Md", "$1.2bn", "34B".

One small reader serves money ("385 M€"), model sizes ("34B parameters"),
rates and tolerances: it finds the number, reads an optional scale word right
after it, and hands back the text before and after, which the caller
interprets (a currency, a unit). Its grammar is written out in the
documentation ("How numbers are read").

Scale words depend on the language: the French *milliard* is 10^9 and the
French *billion* is 10^12, while the English *billion* is 10^9. Text is read as
French when it says so (``lang="fr"``) or when it carries French markers
("de", "d'", "milliard", "millions de"); otherwise English. The markers choose
the scale words only: the decimal mark is settled by the digits themselves, or
by ``lang=``/``locale=``, and a number with two readings ("385.000") is refused.

The reader is linear in the length of its input (runs of spaces are folded
first, and no pattern nests quantifiers), refuses text longer than
``MAX_TEXT_LENGTH`` characters, and computes in a private
`decimal` context, so that its results never depend on the caller's.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal
from typing import Final, Literal

import attrs

from aiecosys._contexts import EXACT
from aiecosys._errors import ParseError
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _


__all__ = [
    "GIVE_LOCALE",
    "MAX_TEXT_LENGTH",
    "Lang",
    "Marks",
    "ScaledNumber",
    "apply_scale",
    "drop_preposition",
    "is_scale_word",
    "marks_for",
    "normalise_text",
    "read_plain_number",
    "read_scaled_number",
    "strip_accents",
]

Lang = Literal["en", "fr"]

GIVE_LOCALE: Final = N_("give lang= or locale=")
"""The advice of a number with two readings, which a file's reader extends;
each translation of the whole message holds this one's translation."""

MAX_TEXT_LENGTH: Final = 1_000
"""The longest text, in characters, read as a number: far above any amount
as written ("385 millions d'euros"), small enough to bound the work."""
MAX_EXPONENT_DIGITS: Final = 4
"""An exponent in text ("1.5e9") has at most this many digits."""
PLAIN_EXPONENT_DIGITS: Final = 6
"""An exponent in a plain number (a file's "1e9") has at most this many
digits; the caller then refuses values out of its own range."""

_SPACES: Final[dict[int, str | None]] = dict.fromkeys(
    map(ord, "\u00a0\u202f\u2009\u2007\u2008\u200a"), " "
)
_SPACES.update(dict.fromkeys(map(ord, "\u2019\u02bc\u2032"), "'"))
# Bidirectional marks and zero-width characters carry no meaning in an amount.
_SPACES.update(
    dict.fromkeys(
        map(ord, "\u200b\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069\ufeff"),
        None,
    )
)

# Marks that may stand between digits: the dot and the comma (either can be
# the decimal mark), the apostrophe and the space (always groups), and the
# Arabic decimal mark and the group marks of some CLDR locales.
_ARABIC_DECIMAL: Final = "\u066b"
_OTHER_GROUPS: Final = "\u2e41\u060c"
_MARKS: Final = ".,'" + _ARABIC_DECIMAL + _OTHER_GROUPS
_NUMBER: Final = re.compile(
    r"(?P<sign>[-+\u2212]?) ?"
    r"(?P<digits>[0-9]+(?:[" + _MARKS + r"][0-9]+| [0-9]{2,3}(?![0-9]))*)"
    r"(?P<exponent>[eE][-+]?[0-9]+)?"
)

# Scale words, longest first. Each maps to (power of ten in English, in French).
_SCALES: Final[tuple[tuple[str, int, int], ...]] = (
    ("thousand", 3, 3),
    ("milliers", 3, 3),
    ("millier", 3, 3),
    ("mille", 3, 3),
    ("millions", 6, 6),
    ("million", 6, 6),
    ("milliards", 9, 9),
    ("milliard", 9, 9),
    ("billions", 9, 12),
    ("billion", 9, 12),
    ("trillions", 12, 18),
    ("trillion", 12, 18),
    ("mln", 6, 6),
    ("mio", 6, 6),
    ("mds", 9, 9),
    ("mrd", 9, 9),
    ("md", 9, 9),
    ("mn", 6, 6),
    ("bn", 9, 9),
    ("tn", 12, 12),
    ("k", 3, 3),
    ("m", 6, 6),
    ("b", 9, 9),
    ("t", 12, 12),
)
_SCALE_RE: Final = re.compile(
    r" ?(?P<word>" + "|".join(re.escape(w) for w, _, _ in _SCALES) + r")\.?(?![a-z])",
    re.IGNORECASE,
)
_SCALE_POWERS: Final = {w: (en, fr) for w, en, fr in _SCALES}
_SIGNS: Final = re.compile("[-+\u2212]")
_UNDERSCORE: Final = re.compile("[0-9]_|_[0-9]")
_NOT_DIGIT: Final = re.compile("[^0-9]")
_NO_DIGITS: Final = dict.fromkeys(map(ord, "0123456789"))
_FRENCH_MARKERS: Final = re.compile(
    r"\b(?:de|d'|des|milliards?|millions d|millions de|mille|euros? de)\b|\bd'",
    re.IGNORECASE,
)


@attrs.frozen
class Marks:
    """How a language or locale writes numbers: its decimal mark and groups."""

    decimal: str
    """The decimal mark, such as ``"."`` or ``","``."""
    groupings: frozenset[tuple[int, int]]
    """The sizes of the last group (next to the decimal mark) and of the
    others: ``(3, 3)`` mostly, ``(3, 2)`` in India ("12,34,567"); a locale
    may group plain numbers and amounts of money differently."""
    name: str
    """The language or locale, for messages."""
    trailing_minus: bool = False
    """Whether the locale writes a minus sign after amounts ("1.234,50-")."""

    @property
    def groups(self) -> str:
        """The marks that group digits: every mark but the decimal one."""
        return "".join(mark for mark in _MARKS + " " if mark != self.decimal)


_LANG_MARKS: Final[dict[str, Marks]] = {
    "en": Marks(".", frozenset({(3, 3)}), "en"),
    "fr": Marks(",", frozenset({(3, 3)}), "fr"),
}


@functools.lru_cache(maxsize=256)
def marks_for(locale: str) -> Marks:
    """Return how a CLDR locale writes numbers, from Babel's data.

    Raises:
        ParseError: *locale* is not a locale CLDR knows.

    Examples:
        >>> marks_for("de_CH").decimal, marks_for("de").decimal
        ('.', ',')
        >>> sorted(marks_for("en_IN").groupings)
        [(3, 2)]
    """
    from babel import Locale, UnknownLocaleError, numbers

    try:
        parsed = Locale.parse(locale)
        symbol = numbers.get_decimal_symbol(parsed)
    except (UnknownLocaleError, ValueError, TypeError):
        raise ParseError(
            _(
                "unknown locale {locale!r}: give a CLDR locale such as 'en', "
                "'fr_FR', 'de_CH' or 'en_IN'"
            ).format(locale=locale)
        ) from None
    patterns = (parsed.decimal_formats[None], parsed.currency_formats["standard"])
    return Marks(
        normalise_text(symbol) or ".",
        frozenset((p.grouping[0], p.grouping[1]) for p in patterns),
        str(parsed),
        trailing_minus="-" in patterns[1].suffix[1],
    )


@attrs.frozen
class ScaledNumber:
    """A number read from text, with the text around it."""

    value: Decimal
    """The number, scale applied, exact."""
    before: str
    """The text before the number, stripped (a currency symbol or code, say)."""
    after: str
    """The text after the number and its scale word, stripped."""
    lang: Lang
    """The language the scale words were read in."""
    scale: str = ""
    """The scale word as written (``"M"``, ``"millions"``), or ``""``."""
    unscaled: Decimal | None = None
    """The number before its scale word was applied, when there was one."""
    glued: bool = False
    """Whether the text after follows the scale word with no space
    (``"T$"``): the two may then be one word."""


def strip_accents(text: str) -> str:
    """Return *text* lower-cased, without accents, for forgiving look-ups.

    Examples:
        >>> strip_accents("Dollars des États-Unis")
        'dollars des etats-unis'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def drop_preposition(text: str) -> str:
    """Drop a leading French "de", "d'" or "des": "d'euros" becomes "euros".

    Examples:
        >>> drop_preposition("de paramètres"), drop_preposition("d'euros")
        ('paramètres', 'euros')
    """
    for prefix in ("d'", "de ", "des "):
        if text[: len(prefix)].lower() == prefix:
            return text[len(prefix) :].strip()
    return text


def normalise_text(text: str) -> str:
    """Fold the spaces, apostrophes and invisible marks of typeset text.

    Every run of white space becomes one space, so that no later pattern
    meets a long run.

    Examples:
        >>> normalise_text("\u200f 1\u202f234\u20195 \ufeff  EUR")
        "1 234'5 EUR"
    """
    return " ".join(text.translate(_SPACES).split())


def _check_length(text: str, what: str) -> None:
    if len(text) > MAX_TEXT_LENGTH:
        raise ParseError(
            _(
                "cannot read {start!r}... as {what}: it is {length} characters "
                "long, and aiecosys reads at most {most} characters as a number; "
                "write the number alone"
            ).format(
                start=text[:40],
                what=_(what),
                length=f"{len(text):,}",
                most=f"{MAX_TEXT_LENGTH:,}",
            )
        )


_PLAIN: Final = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


_NON_FINITE: Final = frozenset({"nan", "snan", "inf", "infinity"})


def read_plain_number(text: str, *, what: str) -> Decimal:
    """Read a number as files and programs write it: "1.0757", "-5", "7e9".

    Digits with an optional sign, decimal point and exponent; no group marks,
    no underscores (Python's ``Decimal("1_0")`` accepts them), no NaN or
    infinity, at most `MAX_TEXT_LENGTH` characters and an exponent of at most
    `MAX_EXPONENT_DIGITS` digits. Surrounding spaces are ignored.

    Raises:
        ParseError: *text* is anything else; the message quotes it.

    Examples:
        >>> read_plain_number(" 1.0757 ", what="a rate")
        Decimal('1.0757')
        >>> read_plain_number("1_0757", what="a rate")
        Traceback (most recent call last):
        ...
        aiecosys.ParseError: cannot read '1_0757' as a rate: write plain digits ...
    """
    _check_length(text, what)
    stripped = text.strip(" \t\r\n")
    match = _PLAIN.fullmatch(stripped)
    if stripped.lower().lstrip("+-") in _NON_FINITE:
        raise ParseError(
            _(
                "cannot read {text!r} as {what}: {text!r} is not a finite number; "
                "write digits such as '1.0757'"
            ).format(text=text, what=_(what))
        )
    if match is None:
        raise ParseError(
            _(
                "cannot read {text!r} as {what}: write plain digits with an "
                "optional sign, decimal point and exponent, such as '1.0757', "
                "'-5' or '7e9' (no underscores, group marks, NaN or infinity)"
            ).format(text=text, what=_(what))
        )
    _check_exponent(stripped, text, what, PLAIN_EXPONENT_DIGITS)
    return EXACT.create_decimal(stripped)


def _check_exponent(
    number: str, text: str, what: str, digits: int = MAX_EXPONENT_DIGITS
) -> None:
    _mantissa, e, exponent = number.lower().partition("e")
    if e and len(exponent.lstrip("+-").lstrip("0")) > digits:
        raise ParseError(
            _(
                "cannot read {text!r} as {what}: the exponent {exponent!r} is out "
                "of range; aiecosys reads exponents of at most {digits} digits"
            ).format(text=text, what=_(what), exponent=exponent, digits=digits)
        )


def read_scaled_number(
    text: str,
    *,
    what: str,
    lang: Lang | None = None,
    locale: str | None = None,
) -> ScaledNumber:
    """Find the one number in *text*, apply its scale word, keep the rest.

    Args:
        text: the text, such as ``"385 millions d'euros"`` or ``"34B"``.
        what: what the caller expects, for error messages ("an amount of money").
        lang: ``"en"`` or ``"fr"``: read scale words and the decimal mark as
            that language writes them; ``None`` guesses the scale words from
            the text and accepts only digits with one reading.
        locale: a CLDR locale (``"de_CH"``, ``"en_IN"``): read the decimal
            mark and the groups as that locale writes them. Scale words are
            read in French when its language is French, unless *lang* says.

    Raises:
        ParseError: there is no number, or more than one, or the digits are
            malformed or have two readings, or the text is too long.

    Examples:
        >>> read_scaled_number("385 millions d'euros", what="money").value
        Decimal('385000000')
        >>> read_scaled_number("USD 1.2bn", what="money").value
        Decimal('1200000000')
        >>> read_scaled_number("1 billion", what="a count", lang="fr").value
        Decimal('1000000000000')
        >>> read_scaled_number("385.000", what="a count", locale="de").value
        Decimal('385000')
    """
    if not isinstance(text, str):
        raise TypeError(
            _("expected text to read as {what}, got {type}").format(
                what=_(what), type=type(text).__name__
            )
        )
    clean, match = _one_number(text, what)
    try:
        marks = marks_for(locale) if locale is not None else None
    except ParseError as error:
        raise ParseError(
            _("cannot read {text!r} as {what}: {error}").format(
                text=text, what=_(what), error=error
            )
        ) from None
    if lang is not None:
        marks = marks or _LANG_MARKS[lang]
    lang = lang or _language(text, clean, marks)
    value = _read_digits(match, text=text, what=what, marks=marks)
    rest = clean[match.end() :]
    negative = match.group("sign") in {"-", "\u2212"}
    if marks is not None and marks.trailing_minus and rest[:1] in {"-", "\u2212"}:
        if negative:
            raise _two_signs(text, what)
        negative, rest = True, rest[1:]
    if negative:
        value = EXACT.minus(value)
    scale = _SCALE_RE.match(rest)
    word, unscaled, glued = "", None, False
    if scale is not None:
        unscaled, word = value, scale.group("word")
        value = apply_scale(value, word, lang)
        glued = scale.end() < len(rest) and rest[scale.end()] != " "
        rest = rest[scale.end() :]
    return ScaledNumber(
        value=value,
        before=clean[: match.start()].strip(),
        after=rest.strip(),
        lang=lang,
        scale=word,
        unscaled=unscaled,
        glued=glued,
    )


def _one_number(text: str, what: str) -> tuple[str, re.Match[str]]:
    """Fold *text* and find its one number, with at most one sign."""
    _check_length(text, what)
    clean = normalise_text(text)
    if "_" in clean and _UNDERSCORE.search(clean):
        raise ParseError(
            _(
                "cannot read {text!r} as {what}: an underscore does not group "
                "digits; write '1000', '1,000' or '1 000'"
            ).format(text=text, what=_(what))
        )
    matches = list(_NUMBER.finditer(clean))
    if len(matches) != 1:
        problem = (
            _(
                "cannot read {text!r} as {what}; it has no number. Write one number "
                "with an optional scale word, such as '385 millions d'euros', "
                "'€385M', '$200 million' or '34B'"
            )
            if not matches
            else _(
                "cannot read {text!r} as {what}; it has more than one number. Write "
                "one number with an optional scale word, such as '385 millions "
                "d'euros', '€385M', '$200 million' or '34B'"
            )
        )
        raise ParseError(problem.format(text=text, what=_(what)))
    match = matches[0]
    if match.group("sign") and _SIGNS.search(clean, 0, match.start()):
        raise _two_signs(text, what)
    return clean, match


def _two_signs(text: str, what: str) -> ParseError:
    return ParseError(
        _(
            "cannot read {text!r} as {what}: it has more than one sign; "
            "write one, such as '-5 EUR'"
        ).format(text=text, what=_(what))
    )


def _language(text: str, clean: str, locale_marks: Marks | None) -> Lang:
    """The language of scale words: the locale's, else French if the text says so."""
    if locale_marks is not None:
        return "fr" if locale_marks.name.split("_")[0] == "fr" else "en"
    french = "\u202f" in text or _FRENCH_MARKERS.search(clean)
    return "fr" if french else "en"


def _plain_value(number: str) -> str:
    """Write a Decimal's text with English thousands groups, for messages."""
    return f"{Decimal(number):,f}"


def _read_digits(
    match: re.Match[str], *, text: str, what: str, marks: Marks | None
) -> Decimal:
    """Turn digits with group marks and a decimal mark into a Decimal."""
    digits, exponent = match.group("digits", "exponent")
    if not exponent and digits.isdigit():
        return Decimal(digits)  # exact, whatever the context
    if exponent:
        if digits.count(".") > 1 or any(mark in digits for mark in _MARKS[1:] + " "):
            raise ParseError(
                _(
                    "cannot read {text!r} as {what}: an exponent follows plain "
                    "digits with an optional decimal point, such as '1.5e9'"
                ).format(text=text, what=_(what))
            )
        _check_exponent(digits + exponent, text, what)
        return EXACT.create_decimal(digits + exponent)
    decimal_mark = _decimal_mark(digits, text=text, what=what, marks=marks)
    integer, fraction = digits, ""
    if decimal_mark:
        integer, _mark, fraction = digits.partition(decimal_mark)
    if fraction and not fraction.isdigit():
        raise ParseError(
            _(
                "cannot read {text!r} as {what}: malformed number {digits!r}; "
                "its decimal mark must come once, after the groups"
            ).format(text=text, what=_(what), digits=digits)
        )
    groups = _NOT_DIGIT.split(integer)
    separators = set(integer.translate(_NO_DIGITS))
    groupings = marks.groupings if marks is not None else _LANG_MARKS["en"].groupings
    if len(separators) > 1 or (
        len(groups) > 1
        and not any(_grouped(groups, g) for g in groupings)
        and not (marks is not None and _as_babel_groups(groups, marks.name))
    ):
        raise ParseError(
            _(
                "cannot read {text!r} as {what}: the digit groups {digits!r} are "
                "malformed; {advice}, with no lone 0 as the first group"
            ).format(
                text=text, what=_(what), digits=digits, advice=_grouping_advice(marks)
            )
        )
    return EXACT.create_decimal("".join(groups) + ("." + fraction if fraction else ""))


def _grouping_advice(marks: Marks | None) -> str:
    """How to group digits: as the locale writes them, or by three without one.

    >>> _grouping_advice(None)
    "group thousands by three ('385,000,000' or '385 000 000')"
    >>> _grouping_advice(marks_for("en_IN"))
    "group the digits as en_IN writes them ('38,50,00,000')"
    """
    if marks is None:
        return _("group thousands by three ('385,000,000' or '385 000 000')")
    from babel import numbers

    written = numbers.format_decimal(385_000_000, locale=marks.name)
    return _("group the digits as {locale} writes them ('{written}')").format(
        locale=marks.name, written=written
    )


def _grouped(groups: list[str], grouping: tuple[int, int]) -> bool:
    """Whether groups are sized as the locale writes them ("12,34,567" in India)."""
    primary, secondary = grouping
    first, *middle, last = groups
    return (
        1 <= len(first) <= secondary
        and first[0] != "0"
        and len(last) == primary
        and all(len(g) == secondary for g in middle)
    )


def _as_babel_groups(groups: list[str], locale: str) -> bool:
    """Whether Babel groups these digits so for the locale.

    Babel writes 10^9 as "1000000'000" in de_CH and a few other locales
    whose numbers group from four digits on; what it writes reads back.
    """
    from babel import numbers

    written = numbers.format_decimal(
        EXACT.create_decimal("".join(groups)), locale=locale
    )
    return [len(g) for g in groups] == [len(g) for g in re.split(r"[^0-9]+", written)]


def _decimal_mark(digits: str, *, text: str, what: str, marks: Marks | None) -> str:
    """Which mark in *digits* is the decimal one, ``""`` for none.

    With *marks* (a language or locale was given) it is the locale's. Without,
    the digits must say: a mark that comes once after other groups, or a
    single mark that cannot group thousands. A single dot or comma between
    1-3 digits (not a lone 0) and exactly three has two readings: refused.
    """
    if marks is not None:
        if marks.decimal not in digits:
            return ""
        if _foreign_decimal(digits, marks):
            raise ParseError(
                _(
                    "cannot read {text!r} as {what}: malformed number {digits!r}; "
                    "{locale} writes {mark!r} as the decimal mark, once, after the "
                    "groups; write the number so, or give another locale="
                ).format(
                    text=text,
                    what=_(what),
                    digits=digits,
                    locale=marks.name,
                    mark=marks.decimal,
                )
            )
        return marks.decimal
    if any(mark in digits for mark in _ARABIC_DECIMAL + _OTHER_GROUPS):
        raise ParseError(
            _(
                "cannot read {text!r} as {what}: the marks of {digits!r} depend on "
                "the locale; give locale= (such as locale='ar' or locale='fa')"
            ).format(text=text, what=_(what), digits=digits)
        )
    last = max(digits.rfind("."), digits.rfind(","))
    if last < 0:
        return ""
    mark = digits[last]
    other = "," if mark == "." else "."
    if digits.count(mark) > 1:
        return ""  # "1.234.567": the mark groups; checked as groups
    integer, fraction = digits[:last], digits[last + 1 :]
    if other in integer or "'" in integer:
        return mark  # "1,234.5", "1'234,5": the last, single mark is decimal
    if len(fraction) == 3 and 1 <= len(integer) <= 3 and integer[0] != "0":  # noqa: PLR2004
        grouped = integer + fraction
        decimal_reading = integer + "." + fraction
        # Each message holds the translation of GIVE_LOCALE, which a file's
        # reader looks for.
        two_readings = (
            _(
                "cannot read {text!r} as {what}: {digits!r} could be {thousands} "
                "(a dot groups thousands in de, it, es, nl, pt) or {decimal} "
                "(a dot is the decimal mark in en); give lang= or locale=, or "
                "write {grouped} or {pointed}"
            )
            if mark == "."
            else _(
                "cannot read {text!r} as {what}: {digits!r} could be {thousands} "
                "(a comma groups thousands in en) or {decimal} (a comma is the "
                "decimal mark in fr, de, it, es, nl, pt); give lang= or locale=, "
                "or write {grouped} or {pointed}"
            )
        )
        raise ParseError(
            two_readings.format(
                text=text,
                what=_(what),
                digits=digits,
                thousands=_plain_value(grouped),
                decimal=_plain_value(decimal_reading),
                grouped=grouped,
                pointed=decimal_reading,
            )
        )
    return mark


def _foreign_decimal(digits: str, marks: Marks) -> str:
    """A mark after the decimal one, or the Arabic decimal mark elsewhere."""
    after = digits[digits.index(marks.decimal) + 1 :]
    for mark in _MARKS:
        if mark in after:
            return mark
    return ""


def is_scale_word(word: str) -> bool:
    """Tell whether *word* is a scale word or letter ("million", "Md", "B").

    Examples:
        >>> is_scale_word("B"), is_scale_word("parameters")
        (True, False)
    """
    return word.lower() in _SCALE_POWERS


def apply_scale(value: Decimal, word: str, lang: Lang) -> Decimal:
    """Multiply *value* by what a scale word means in a language.

    Examples:
        >>> (
        ...     apply_scale(Decimal("1.2"), "bn", "en"),
        ...     apply_scale(Decimal(2), "billion", "fr"),
        ... )
        (Decimal('1200000000'), Decimal('2000000000000'))
    """
    en, fr = _SCALE_POWERS[word.lower()]
    return _shift(value, fr if lang == "fr" else en)


def _shift(value: Decimal, power: int) -> Decimal:
    """Multiply by 10**power exactly, writing whole results without an exponent."""
    shifted = EXACT.scaleb(value, power)
    if shifted == EXACT.to_integral_value(shifted):
        return EXACT.quantize(shifted, Decimal(1))
    return shifted
