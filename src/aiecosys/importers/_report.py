"""The import report every importer returns, and helpers the importers share."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import MAX_EMAX, ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from typing import Final

import attrs

from aiecosys._ecosystem import (
    Ecosystem,
    mixed_script,
    normalise_name,
    skeleton,
    visible,
)
from aiecosys._entities import Organisation
from aiecosys._errors import AiecosysError, DataError
from aiecosys._models import ModelSpec


__all__ = [
    "ImportReport",
    "ImportResult",
    "Names",
    "Relation",
    "ReportEntry",
    "Reporter",
    "read_count",
]

# A whole number written as a float by a spreadsheet or a CSV export differs
# from an integer by float noise only: "249000000.00000003" is 249,000,000.
_FLOAT_NOISE: Final = Decimal("1e-9")
# Decimal text: digits with an optional fraction and exponent, nothing else.
# Each digit can belong to one group only, so a long cell is matched in linear
# time (no backtracking between two runs of digits).
_DECIMAL: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")


SHOWN: Final = 200
"""The most characters of a raw value a report keeps: a value is shown to say
which one it was, never echoed whole."""


def cut(text: str, limit: int = SHOWN) -> str:
    """Return *text*, or its first *limit* characters and an ellipsis.

    Examples:
        >>> cut("x" * 300)[-3:], len(cut("x" * 300))
        ('xx…', 200)
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cut_value(value: str | None) -> str | None:
    return None if value is None else cut(value)


def _cut_reason(reason: str) -> str:
    return cut(reason, 5 * SHOWN)


@attrs.frozen
class ReportEntry:
    """One row or cell an importer could not use, or used only in part.

    Examples:
        >>> from aiecosys.importers import ReportEntry
        >>> print(ReportEntry(12, "Parameters", "lots", "not a number"))
        row 12, column 'Parameters', value 'lots': not a number
    """

    row: int | None
    """Where in the input: for a CSV file, the row a spreadsheet shows (the
    header is row 1); for a YAML file, the asset's position in its list (from 1);
    None for the input as a whole."""
    column: str | None
    """The column or field, or None when the whole row is concerned."""
    value: str | None = attrs.field(converter=_cut_value)
    """The raw value as read (at most 200 characters of it), or None when
    there is none to show."""
    reason: str = attrs.field(converter=_cut_reason)
    """Why it was not used, or what was done instead (at most 1,000
    characters)."""
    file: str | None = None
    """The file, when the input is a folder of several files."""
    rejected: bool = False
    """Whether the whole row was left out of the ecosystem."""

    def __str__(self) -> str:
        where = [self.file] if self.file else []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        if self.value is not None:
            where.append(f"value {cut(self.value, 60)!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.reason}" if prefix else self.reason


@attrs.frozen
class Relation:
    """A dependency between two imported assets: *source* was built on *target*.

    Examples:
        >>> from aiecosys.importers import Relation
        >>> print(Relation("Alpaca", "LLaMA", "dependency"))
        Alpaca depends on LLaMA
    """

    source: str
    """The name of the asset that depends on the other."""
    target: str
    """The name of the asset it depends on."""
    kind: str = "dependency"
    """What the relation is (``"dependency"``, ``"base model"``)."""

    def __str__(self) -> str:
        return f"{self.source} depends on {self.target}"


@attrs.frozen
class ImportReport:
    """What an import read, kept, and left out, and why.

    Rows accepted plus rows rejected equals rows read; every rejected row and
    every cell that could not be used has an entry.

    Examples:
        >>> from aiecosys.importers import ImportReport, ReportEntry
        >>> report = ImportReport(
        ...     "models.csv",
        ...     rows_read=2,
        ...     rows_accepted=1,
        ...     entries=(ReportEntry(3, None, None, "no name", rejected=True),),
        ... )
        >>> report.rows_rejected
        1
        >>> print(report)
        models.csv: 2 rows read, 1 accepted, 1 rejected, 1 entry
          - row 3: no name
    """

    input: str
    """The file or folder read."""
    rows_read: int
    """How many rows (CSV) or assets (YAML) were read."""
    rows_accepted: int
    """How many became an entity of the ecosystem."""
    entries: tuple[ReportEntry, ...] = ()
    """Every row and cell not used, in input order."""
    ignored_columns: tuple[str, ...] = ()
    """Columns (or fields) present in the input that the importer does not read."""

    @property
    def rows_rejected(self) -> int:
        """How many rows were left out (each has an entry with ``rejected``)."""
        return sum(1 for entry in self.entries if entry.rejected)

    @property
    def rejected(self) -> tuple[ReportEntry, ...]:
        """The entries of rows left out."""
        return tuple(entry for entry in self.entries if entry.rejected)

    def about(self, column: str) -> tuple[ReportEntry, ...]:
        """Return the entries about one column or field.

        Examples:
            >>> from aiecosys.importers import ImportReport, ReportEntry
            >>> entry = ReportEntry(2, "Confidence", "Maybe", "unknown label")
            >>> ImportReport("x.csv", 1, 1, (entry,)).about("Confidence") == (entry,)
            True
        """
        return tuple(entry for entry in self.entries if entry.column == column)

    def __str__(self) -> str:
        count = len(self.entries)
        noun = "entry" if count == 1 else "entries"
        lines = [
            (
                f"{self.input}: {self.rows_read} rows read, {self.rows_accepted} "
                f"accepted, {self.rows_rejected} rejected, {count} {noun}"
            )
        ]
        lines.extend(f"  - {entry}" for entry in self.entries)
        return "\n".join(lines)


@attrs.frozen
class ImportResult:
    """What an importer returns: the ecosystem built, and the report of what was not.

    The ecosystem and the report travel together so that no caller can keep
    the data and lose the account of what was left out of it.

    Examples:
        >>> from aiecosys import Ecosystem
        >>> from aiecosys.importers import ImportReport, ImportResult
        >>> result = ImportResult(Ecosystem(), ImportReport("empty.csv", 0, 0))
        >>> result.ecosystem.models, result.report.rows_read
        ((), 0)
    """

    ecosystem: Ecosystem
    """The models and organisations imported, each citing its sources."""
    report: ImportReport
    """Every row and cell not used, and why."""
    relations: tuple[Relation, ...] = ()
    """Dependencies between imported assets (Ecosystem Graphs), resolved ones only."""


class Reporter:
    """Collects report entries and the rows accepted while an importer runs."""

    def __init__(self, file: str | None = None) -> None:
        self.entries: list[ReportEntry] = []
        self.accepted = 0
        self.read = 0
        self.file = file

    def cell(self, row: int, column: str, value: str | None, reason: str) -> None:
        """Record a cell that was not used (or not fully); a long value is cut."""
        self.entries.append(ReportEntry(row, column, value, reason, self.file))

    def reject(
        self, row: int, reason: str, column: str | None = None, value: str | None = None
    ) -> None:
        """Record a row left out of the ecosystem; a long value is cut."""
        self.entries.append(
            ReportEntry(row, column, value, reason, self.file, rejected=True)
        )


class Names:
    """Names an importer has used, to keep look-alikes out of one ecosystem.

    Invisible format characters are dropped from a name (and reported); a
    name mixing Latin with Cyrillic or Greek letters in one word, or looking
    like a different name used before (the same skeleton), is refused with a
    reason, since the ecosystem built would refuse it too.

    Examples:
        >>> names = Names()
        >>> names.trouble("Meta") is None
        True
        >>> names.add("Meta")
        >>> names.trouble("МЕТА")  # in Cyrillic letters
        "'МЕТА' looks like 'Meta' but is spelled with other letters"
        >>> names.trouble("Mеta")  # a Cyrillic е
        "'Mеta' is not spelled in one script: the word 'Mеta' mixes Latin and ..."
    """

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    @staticmethod
    def clean(reporter: Reporter, row: int, column: str, name: str) -> str:
        """Return *name* without invisible characters, reporting any dropped."""
        shown = visible(name)
        if shown != name:
            reporter.cell(
                row,
                column,
                ascii(name),
                "invisible characters (zero-width, direction marks, soft hyphens) "
                "are removed from the name",
            )
        return shown

    def trouble(self, name: str) -> str | None:
        """Say why *name* cannot be used beside the names used so far, or None."""
        mixed = mixed_script(name)
        if mixed is not None:
            return f"{name!r} is not spelled in one script: {mixed}"
        first = self.seen.get(skeleton(name))
        if first is not None and normalise_name(first) != normalise_name(name):
            return f"{name!r} looks like {first!r} but is spelled with other letters"
        return None

    def add(self, name: str) -> None:
        """Note a name used."""
        self.seen.setdefault(skeleton(name), name)


def read_count(text: str) -> int | Decimal:
    """Read a number as a CSV export writes it: exact, whole when meant whole.

    Text such as ``"34000000000.0"`` or ``"249000000.00000003"`` (a float's
    noise) becomes the integer it means; other fractions stay exact Decimals.

    Raises:
        ValueError: The text is not a finite number.

    Examples:
        >>> read_count("34000000000.0"), read_count("249000000.00000003")
        (34000000000, 249000000)
        >>> read_count("1.557140125176e+18")
        1557140125176000000
        >>> read_count("0.5")
        Decimal('0.5')
    """
    clean = text.strip()
    if _DECIMAL.fullmatch(clean) is None:
        raise ValueError(f"{text!r} is not a number")
    try:
        value = Decimal(clean)
    except InvalidOperation:  # pragma: no cover - the pattern admits numbers only
        raise ValueError(f"{text!r} is not a number") from None
    # A private context, exact for this number: the caller's context (its
    # precision, its rounding) must not change what a cell is read as.
    exact = Context(prec=len(clean) + 3, rounding=ROUND_HALF_EVEN, Emax=MAX_EMAX)
    whole = value.to_integral_value(context=exact)
    if value == whole:
        return int(whole)
    noise = exact.multiply(abs(value), _FLOAT_NOISE)
    if whole and abs(exact.subtract(value, whole)) <= noise:
        return int(whole)
    if not math.isfinite(value):  # pragma: no cover - the pattern admits finite only
        raise ValueError(f"{text!r} is not a finite number")
    return value


def reason(error: AiecosysError) -> str:
    """Say what an error found in one line, for a report entry."""
    if isinstance(error, DataError):
        return "; ".join(problem.message for problem in error.problems)
    return str(error)


def build_ecosystem(
    organisations: Iterable[Organisation], models: Iterable[ModelSpec]
) -> Ecosystem:
    """Build an ecosystem from entities an importer made consistent."""
    return Ecosystem(organisations=tuple(organisations), models=tuple(models))


def name_key(name: str) -> str:
    """The key two names are the same under (case, accents, spaces)."""
    return normalise_name(name)
