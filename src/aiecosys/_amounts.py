"""Read numbers as news text writes them: "385 millions", "1,2 Md", "$1.2bn", "34B".

One small parser serves both money ("385 M€") and model sizes ("34B parameters"):
it finds the number, reads an optional scale word right after it, and hands back
the text before and after, which the caller interprets (a currency, a unit).

Scale words depend on the language: the French *milliard* is 10^9 and the
French *billion* is 10^12, while the English *billion* is 10^9. Text is read as
French when it says so (``lang="fr"``) or when it carries French markers
("de", "d'", "milliard", "millions de"); otherwise English.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation, localcontext
from typing import Final, Literal

import attrs

from aiecosys._errors import ParseError


__all__ = [
    "Lang",
    "ScaledNumber",
    "drop_preposition",
    "normalise_text",
    "read_scaled_number",
    "strip_accents",
]

Lang = Literal["en", "fr"]

_SPACES: Final[dict[int, str | None]] = dict.fromkeys(
    map(ord, "\u00a0\u202f\u2009\u2007\u2008\u200a"), " "
)
_SPACES.update(dict.fromkeys(map(ord, "\u2019\u02bc\u2032"), "'"))
# Bidirectional marks and zero-width characters carry no meaning in an amount.
_SPACES.update(
    dict.fromkeys(
        map(ord, "\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\ufeff"), None
    )
)

_NUMBER: Final = re.compile(
    r"(?P<sign>[-+\u2212]?)\s*"
    r"(?P<digits>\d+(?:\.\d+)?[eE][-+]?\d{1,4}(?!\d)|"
    r"\d{1,3}(?:[ ']\d{3})+(?:[.,]\d+)?|\d[\d,.]*\d|\d)"
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
    r"\s*(?P<word>" + "|".join(re.escape(w) for w, _, _ in _SCALES) + r")\.?(?![a-z])",
    re.IGNORECASE,
)
_SCALE_POWERS: Final = {w: (en, fr) for w, en, fr in _SCALES}
_SIGNS: Final = re.compile("[-+\u2212]")
_FRENCH_MARKERS: Final = re.compile(
    r"\b(?:de|d'|des|milliards?|millions\s+d|millions\s+de|mille|euros?\s+de)\b|\bd'",
    re.IGNORECASE,
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
    """Fold the spaces, apostrophes and invisible marks of typeset text."""
    return text.translate(_SPACES).strip()


def read_scaled_number(
    text: str, *, what: str, lang: Lang | None = None
) -> ScaledNumber:
    """Find the one number in *text*, apply its scale word, keep the rest.

    Args:
        text: the text, such as ``"385 millions d'euros"`` or ``"34B"``.
        what: what the caller expects, for error messages ("an amount of money").
        lang: ``"en"`` or ``"fr"`` to force the reading of scale words;
            ``None`` guesses from the text.

    Raises:
        ParseError: there is no number, or more than one, or the digits are
            malformed.

    Examples:
        >>> read_scaled_number("385 millions d'euros", what="money")
        ScaledNumber(value=Decimal('385000000'), before='', after="d'euros", lang='fr')
        >>> read_scaled_number("USD 1.2bn", what="money").value
        Decimal('1200000000')
        >>> read_scaled_number("1 billion", what="a count", lang="fr").value
        Decimal('1000000000000')
    """
    if not isinstance(text, str):
        raise TypeError(f"expected text to read as {what}, got {type(text).__name__}")
    clean = normalise_text(text)
    matches = list(_NUMBER.finditer(clean))
    if len(matches) != 1:
        problem = "no number" if not matches else "more than one number"
        raise ParseError(
            f"cannot read {text!r} as {what}; it has {problem}. "
            "Write one number with an optional scale word, such as "
            "'385 millions d'euros', '€385M', '$200 million' or '34B'"
        )
    match = matches[0]
    if match.group("sign") and _SIGNS.search(clean, 0, match.start()):
        raise ParseError(
            f"cannot read {text!r} as {what}: it has more than one sign; "
            "write one, such as '-5 EUR'"
        )
    if lang is None:
        french = "\u202f" in text or _FRENCH_MARKERS.search(clean)
        lang = "fr" if french else "en"
    digits = match.group("digits")
    value = _read_digits(digits, text=text, what=what, lang=lang)
    if match.group("sign") in {"-", "\u2212"}:
        value = -value
    rest = clean[match.end() :]
    scale = _SCALE_RE.match(rest)
    if scale is not None:
        en, fr = _SCALE_POWERS[scale.group("word").lower()]
        value = _shift(value, fr if lang == "fr" else en)
        rest = rest[scale.end() :]
    return ScaledNumber(
        value=value,
        before=clean[: match.start()].strip(),
        after=rest.strip(),
        lang=lang,
    )


def _read_digits(digits: str, *, text: str, what: str, lang: Lang) -> Decimal:
    """Turn digits with thousands separators and a decimal mark into a Decimal."""
    if "e" in digits or "E" in digits:
        return Decimal(digits)
    body = digits.replace(" ", "").replace("'", "")
    has_comma, has_dot = "," in body, "." in body
    spaced = body != digits
    if spaced and has_comma != has_dot:
        # "385 000 000,00" or "1 234.5": spaces group, so the mark is decimal.
        decimal_mark = "," if has_comma else "."
    elif has_comma and has_dot:
        decimal_mark = "," if body.rfind(",") > body.rfind(".") else "."
    elif has_comma:
        groups = body.split(",")
        thousands = len(groups) > 2 or (lang == "en" and len(groups[1]) == 3)  # noqa: PLR2004
        decimal_mark = "." if thousands else ","
    elif has_dot:
        groups = body.split(".")
        decimal_mark = "," if len(groups) > 2 else "."  # noqa: PLR2004
    else:
        decimal_mark = "."
    separator = "," if decimal_mark == "." else "."
    integer, _, fraction = body.partition(decimal_mark)
    groups = integer.split(separator)
    if len(groups) > 1 and (
        not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])  # noqa: PLR2004
    ):
        raise ParseError(
            f"cannot read {text!r} as {what}: the digit groups {digits!r} are "
            "malformed; group thousands by three ('385,000,000' or '385 000 000')"
        )
    if separator in fraction or decimal_mark in fraction:
        raise ParseError(f"cannot read {text!r} as {what}: malformed number {digits!r}")
    try:
        return Decimal("".join(groups) + ("." + fraction if fraction else ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        raise ParseError(f"cannot read {text!r} as {what}") from None


def _shift(value: Decimal, power: int) -> Decimal:
    """Multiply by 10**power exactly, writing whole results without an exponent."""
    with localcontext() as ctx:
        # Enough digits that neither step rounds: scaleb keeps every digit, and
        # a whole result is written out in full.
        ctx.prec = max(28, len(value.as_tuple().digits))
        shifted = value.scaleb(power)
        if shifted == shifted.to_integral_value():
            ctx.prec = max(ctx.prec, shifted.adjusted() + 1)
            return shifted.quantize(Decimal(1))
    return shifted
