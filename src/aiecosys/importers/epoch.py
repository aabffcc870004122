"""Read Epoch AI's "Data on AI Models" CSV exports into an ecosystem.

Epoch AI publishes its database of AI models under the Creative Commons
Attribution 4.0 licence; show [CREDIT][aiecosys.importers.epoch.CREDIT]
wherever you show the data or figures derived from it.

Columns are found by their header, so older and newer exports both work and
extra columns are accepted (the report lists them as ignored). The columns
read are:

| Column | Read into |
|---|---|
| ``Model`` (``System`` in older exports) | the model's name (required) |
| ``Organization`` | its developers, one organisation per comma (required) |
| ``Publication date`` | its release date (required) |
| ``Parameters`` | its parameter count (required) |
| ``Parameters notes`` | the note of that estimate |
| ``Training compute (FLOP)`` and its bounds | its training compute |
| ``Confidence`` | the status of both estimates (see below) |
| ``Model accessibility`` | its openness (see below) |
| ``Link``, ``Reference`` | a source per web address in the cell |
| ``Organization categorization`` | each organisation's kind |
| ``Country (from Organization)`` (older: ``... (of organization)``) | countries |

Decisions on Epoch's values:

- Numbers written as floats become exact integers when they mean one
  (``"34000000000.0"``, ``"249000000.00000003"``); a blank cell is an unknown
  estimate, never zero.
- ``Confidence``: ``Confident`` becomes *reported* (Epoch is a third party
  citing the developer), ``Likely``, ``Speculative``, ``Unknown`` and a blank
  cell *estimated*, ``Unverified`` (a row Epoch has not checked) *rumoured*.
  The label itself is kept in each estimate's note. ``Wrong`` (Epoch's own
  flag for a row whose figures are known to be wrong) keeps the model but
  not its figures: its parameters and compute are unknown, and each figure
  not used is in the report.
- ``Model accessibility``: ``Open weights (...)`` becomes open weights (Epoch
  does not say whether the licence is open source), ``API access`` and
  ``Hosted access (no API)`` API only, ``Unreleased`` closed.
- ``Organization categorization``: ``Industry`` is a company, ``Academia`` and
  ``Government`` an institute, ``Research collective`` a non-profit lab. An
  organisation Epoch never categorises is recorded as a research lab, and
  reported.
- Several organisations, categories or countries in one cell are paired in
  order when they are as many; otherwise a single country is given to every
  organisation, and anything else is reported. ``Multinational`` names no one
  country: no country is recorded, and that is reported.
- Invisible characters (zero-width spaces, direction marks, soft hyphens) are
  removed from names, and reported. A row whose model or organisation name
  mixes Latin with Cyrillic or Greek letters in one word, or looks like an
  earlier name spelled with such letters (``МЕТА`` after ``Meta``), is
  rejected with the reason.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Final, TypeVar

import attrs

from aiecosys import _reading
from aiecosys._dates import PartialDate
from aiecosys._ecosystem import normalise_name
from aiecosys._entities import Organisation, OrganisationKind
from aiecosys._errors import AiecosysError, DataError, Problem
from aiecosys._estimate import Estimate, Status
from aiecosys._models import ModelSpec, Openness
from aiecosys._source import Source
from aiecosys._units import Quantity
from aiecosys.importers._report import (
    ImportReport,
    ImportResult,
    Names,
    Reporter,
    build_ecosystem,
    cut,
    read_count,
    reason,
)


__all__ = ["COLUMNS", "CREDIT", "EPOCH", "LICENCE", "load", "loads"]

CREDIT: Final = (
    "Epoch AI, 'Data on AI Models'. Published online at epoch.ai. "
    "Retrieved from https://epoch.ai/data/ai-models"
)
"""The credit line Epoch AI asks for wherever its data is shown."""

LICENCE: Final = "CC-BY-4.0"
"""The licence of Epoch AI's data, as an SPDX identifier."""

EPOCH: Final = Source(
    "epoch-ai-models",
    title="Data on AI Models",
    url="https://epoch.ai/data/ai-models",
    publisher="Epoch AI",
)
"""The source every imported model and organisation cites."""

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "name": ("Model", "System"),
    "organisation": ("Organization",),
    "date": ("Publication date",),
    "parameters": ("Parameters",),
    "parameters notes": ("Parameters notes",),
    "compute": ("Training compute (FLOP)",),
    "compute low": ("Training compute lower bound",),
    "compute high": ("Training compute upper bound",),
    "confidence": ("Confidence",),
    "accessibility": ("Model accessibility",),
    "link": ("Link",),
    "reference": ("Reference",),
    "categorization": ("Organization categorization",),
    "country": ("Country (from Organization)", "Country (of organization)"),
}
"""What the importer reads, and the headers each is found under, in any export."""

_REQUIRED: Final = ("name", "organisation", "date", "parameters")

_STATUS: Final = {
    "confident": Status.REPORTED,
    "likely": Status.ESTIMATED,
    "speculative": Status.ESTIMATED,
    "unknown": Status.ESTIMATED,
    "": Status.ESTIMATED,
    "unverified": Status.RUMOURED,
}
_WRONG: Final = "wrong"

_OPENNESS: Final = {
    "open weights (unrestricted)": Openness.OPEN_WEIGHTS,
    "open weights (restricted use)": Openness.OPEN_WEIGHTS,
    "open weights (non-commercial)": Openness.OPEN_WEIGHTS,
    "api access": Openness.API_ONLY,
    "hosted access (no api)": Openness.API_ONLY,
    "unreleased": Openness.CLOSED,
}

_KINDS: Final = {
    "industry": OrganisationKind.COMPANY,
    "academia": OrganisationKind.INSTITUTE,
    "government": OrganisationKind.INSTITUTE,
    "research collective": OrganisationKind.NON_PROFIT_LAB,
}
_DEFAULT_KIND: Final = OrganisationKind.RESEARCH_LAB

# Epoch writes countries as the United Nations does; CLDR's English names cover
# the rest.
_COUNTRY_NAMES: Final = {
    "united states of america": "US",
    "united kingdom of great britain and northern ireland": "GB",
    "korea (republic of)": "KR",
    "iran (islamic republic of)": "IR",
    "russia": "RU",
    "hong kong": "HK",
    "macao": "MO",
    "taiwan": "TW",
    "vietnam": "VN",
}
_MULTINATIONAL: Final = "multinational"
_URL: Final = re.compile(r"https?://\S+")
_LINK_SEPARATORS: Final = re.compile(r"[\s,]+")
_T = TypeVar("_T")
_UNKNOWN: Final[Estimate[Quantity]] = Estimate.unknown()
_COMPUTE: Final = ("compute", "compute low", "compute high")


@functools.cache
def _countries() -> dict[str, str]:
    from babel import Locale

    names = {
        normalise_name(name): code
        for code, name in Locale("en").territories.items()
        if len(code) == 2 and code.isalpha()  # noqa: PLR2004
    }
    names.update(_COUNTRY_NAMES)
    return names


def load(path: str | Path, *, encoding: str = "utf-8") -> ImportResult:
    """Read an Epoch AI CSV export into an ecosystem of models and organisations.

    Args:
        path: The CSV file, as downloaded from https://epoch.ai/data/ai-models
            (``all_ai_models.csv``, ``notable_ai_models.csv``, ...).
        encoding: The file's text encoding (a byte-order mark is skipped).

    Returns:
        The ecosystem, and the report of every row and cell not used.

    Raises:
        DataError: The file cannot be read (it is missing, not a regular file,
            or larger than `aiecosys._reading.FILE_LIMIT`), cannot be read as
            CSV, or a required column is missing (the message names it).

    Examples:
        >>> from pathlib import Path
        >>> from aiecosys.importers import epoch
        >>> result = epoch.load(Path("tests/data/epoch/newer.csv"))
        >>> print(result.ecosystem.model("Yi-34B").parameters)
        34,000,000,000 parameter (reported)
        >>> result.report.rows_read == (
        ...     result.report.rows_accepted + result.report.rows_rejected
        ... )
        True
    """
    name = str(path)
    data = _reading.read_bytes(path)
    try:
        text = data.decode(
            "utf-8-sig" if encoding.lower() in {"utf-8", "utf8"} else encoding
        )
    except (UnicodeDecodeError, LookupError) as error:
        raise DataError(
            [Problem(f"cannot decode it as {encoding}: {error}", file=name)]
        ) from None
    return loads(text, name=name)


def loads(text: str, *, name: str = "<string>") -> ImportResult:
    r"""Read an Epoch AI CSV export given as text.

    Args:
        text: The CSV text, header first.
        name: What to call the input in the report and in errors.

    Returns:
        The ecosystem, and the report of every row and cell not used.

    Raises:
        DataError: The text is not CSV, or a required column is missing.

    Examples:
        >>> from aiecosys.importers import epoch
        >>> csv = (
        ...     "Model,Organization,Organization categorization,Publication date,"
        ...     "Parameters,Confidence\n"
        ...     "Yi-34B,01.AI,Industry,2023-11-02,34000000000.0,Confident\n"
        ...     "GPT-4,OpenAI,Industry,2023-03-15,,Speculative\n"
        ...     ",Nobody,Industry,2024-01-01,1,\n"
        ... )
        >>> result = epoch.loads(csv)
        >>> print(result.ecosystem.model("GPT-4").parameters)
        unknown (undisclosed)
        >>> print(result.report)
        <string>: 3 rows read, 2 accepted, 1 rejected, 1 entry
          - row 4, column 'Model', value '': the model has no name
        >>> epoch.loads("Model,Organization\nYi-34B,01.AI\n")
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 1 problem found:
          - <string>: the required columns 'Publication date', 'Parameters'
            are missing ...
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise DataError([Problem("the file is empty: no header row", file=name)])
        columns = _columns(header, name)
        importer = _Importer(name, columns, header)
        for number, row in enumerate(reader, start=2):
            if row:
                importer.row(number, row)
    except csv.Error as error:
        raise DataError(
            [Problem(f"not valid CSV near line {reader.line_num}: {error}", file=name)]
        ) from None
    ignored = tuple(
        column
        for position, column in enumerate(header)
        if position not in columns.values()
    )
    return importer.result(ignored)


def _columns(header: Sequence[str], name: str) -> dict[str, int]:
    positions = {
        column.strip().casefold(): index for index, column in enumerate(header)
    }
    found: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for column in names:
            index = positions.get(column.casefold())
            if index is not None:
                found[key] = index
                break
    missing = [COLUMNS[key][0] for key in _REQUIRED if key not in found]
    if missing:
        listed = ", ".join(repr(column) for column in missing)
        noun = "column" if len(missing) == 1 else "columns"
        verb = "is" if len(missing) == 1 else "are"
        raise DataError(
            [
                Problem(
                    f"the required {noun} {listed} {verb} missing; the header has "
                    f"{', '.join(repr(cut(c, 60)) for c in header[:50])}",
                    file=name,
                )
            ]
        )
    return found


@attrs.define
class _Organisation:
    name: str
    row: int
    kind: OrganisationKind | None = None
    kind_row: int = 0
    country: str | None = None
    country_row: int = 0


class _Importer:
    def __init__(self, name: str, columns: dict[str, int], header: list[str]) -> None:
        self.name = name
        self.columns = columns
        self.header = header
        self.width = len(header)
        self.column_names = {
            key: names[0] if key not in columns else header[columns[key]].strip()
            for key, names in COLUMNS.items()
        }
        """Each column's name as the header writes it, or as Epoch names it."""
        self.reporter = Reporter()
        self.models: list[ModelSpec] = []
        self.model_rows: dict[str, int] = {}
        self.organisations: dict[str, _Organisation] = {}
        # Epoch repeats dates and sizes a lot; each is read and built once.
        self.dates: dict[str, PartialDate] = {}
        self.quantities: dict[tuple[int | Decimal, str], Quantity] = {}
        self.names = Names()
        self.organisation_names = Names()
        self.developer_keys: dict[str, str] = {}
        """Each organisation name already accepted, with its normalised form:
        a name that passed the look-alike checks and was added passes them
        again, so the checks run once per name, not once per row (Epoch
        repeats a few hundred organisations over thousands of rows; see
        benchmarks/bench_import.py)."""
        self.developer_cells: dict[str, dict[str, str]] = {}
        """Each organisation cell read without a report entry, with its names
        by normalised form: the same cell reads the same on any later row."""
        self.counts: dict[str, int | Decimal] = {}
        """Each number cell read, with its value: Epoch repeats sizes and
        compute figures, each read exactly once."""
        self.settled: set[tuple[str, str, str]] = set()
        """Each (organisations, categories, countries) cells whose facts were
        recorded without a report entry: the organisations have those kinds
        and countries now and keep them, so the same cells on a later row
        change nothing and report nothing."""
        self.kind_cells: dict[str, list[OrganisationKind | None]] = {}
        self.country_cells: dict[str, list[str | None]] = {}

    def cells(self, row: Sequence[str]) -> dict[str, str]:
        width = len(row)
        return {
            key: row[index].strip()
            for key, index in self.columns.items()
            if index < width and row[index]
        }

    def row(self, number: int, row: Sequence[str]) -> None:
        self.reporter.read += 1
        if len(row) != self.width:
            self.reporter.cell(
                number,
                "",
                None,
                f"the row has {len(row)} cells and the header {self.width}; "
                "missing cells are read as blank, extra ones are not used",
            )
        try:
            model = self._model(number, self.cells(row))
        except AiecosysError as error:
            self.reporter.reject(number, f"not usable: {reason(error)}")
            return
        if model is not None:
            self.models.append(model)
            self.reporter.accepted += 1

    def _model(self, number: int, cells: dict[str, str]) -> ModelSpec | None:
        report = self.reporter
        name = cells.get("name", "")
        if name:
            name = Names.clean(report, number, self._name("name"), name).strip()
        if not name:
            report.reject(number, "the model has no name", self._name("name"), "")
            return None
        trouble = self.names.trouble(name)
        if trouble is not None:
            report.reject(number, trouble, self._name("name"), name)
            return None
        key = normalise_name(name)
        earlier = self.model_rows.get(key)
        if earlier is not None:
            report.reject(
                number,
                f"a model of the same name is on row {earlier}; only the first is kept",
                self._name("name"),
                name,
            )
            return None
        developers = self._developers(number, cells)
        self.model_rows[key] = number
        self.names.add(name)
        label = cells.get("confidence", "")
        wrong = label.casefold() == _WRONG
        status = _STATUS.get(label.casefold())
        if status is None and not wrong:
            report.cell(
                number,
                self._name("confidence"),
                label,
                "not one of Epoch's confidence labels; read as estimated",
            )
        note = f"Epoch AI's confidence: {label or 'none given'}"
        sources = (EPOCH, *self._links(number, cells, name))
        return ModelSpec(
            name,
            developers=developers,
            released=self._date(number, cells),
            parameters=self._parameters(
                number, cells, status or Status.ESTIMATED, note, wrong
            ),
            training_compute=self._compute(
                number, cells, status or Status.ESTIMATED, note, wrong
            ),
            openness=self._openness(number, cells),
            sources=sources,
        )

    # -- cells --------------------------------------------------------------

    def _developers(self, number: int, cells: dict[str, str]) -> tuple[str, ...]:
        cell = cells.get("organisation", "")
        names = self.developer_cells.get(cell)
        if names is None:
            entries = len(self.reporter.entries)
            names = self._read_developers(number, cell)
            if len(self.reporter.entries) == entries:
                self.developer_cells[cell] = names
        facts = (cell, cells.get("categorization", ""), cells.get("country", ""))
        if facts not in self.settled:
            entries = len(self.reporter.entries)
            self._organisation_facts(number, cells, names)
            if len(self.reporter.entries) == entries:
                self.settled.add(facts)
        return tuple(names.values())

    def _read_developers(self, number: int, cell: str) -> dict[str, str]:
        """The organisations of a cell by normalised name, reporting what is wrong.

        Raises:
            DataError: A name cannot stand beside those read before.
        """
        names: dict[str, str] = {}
        column = self._name("organisation")
        used = self.developer_keys
        for part in cell.split(","):
            clean = " ".join(Names.clean(self.reporter, number, column, part).split())
            if not clean:
                continue
            key = used.get(clean)
            if key is None:
                trouble = self.organisation_names.trouble(clean)
                if trouble is not None:
                    raise DataError([Problem(trouble, field=column)])
                key = normalise_name(clean)
            if key in names:
                self.reporter.cell(
                    number,
                    self._name("organisation"),
                    cell,
                    f"{clean!r} is named twice",
                )
                continue
            names[key] = clean
        for key, developer in names.items():
            if developer not in used:
                self.organisation_names.add(developer)
                used[developer] = key
        return names

    def _organisation_facts(
        self, number: int, cells: dict[str, str], developers: dict[str, str]
    ) -> None:
        found = []
        for key, developer in developers.items():
            organisation = self.organisations.get(key)
            if organisation is None:
                organisation = _Organisation(developer, number)
                self.organisations[key] = organisation
            found.append(organisation)
        kinds = self._kinds(number, cells, len(found))
        countries = self._countries(number, cells, len(found))
        for organisation, kind, country in zip(found, kinds, countries, strict=True):
            if kind is not None:
                if organisation.kind is None:
                    organisation.kind, organisation.kind_row = kind, number
                elif organisation.kind is not kind:
                    self.reporter.cell(
                        number,
                        self._name("categorization"),
                        cells.get("categorization", ""),
                        f"{organisation.name} is already a {organisation.kind.value} "
                        f"(row {organisation.kind_row}); this row's "
                        f"{kind.value} is not used",
                    )
            if country is not None:
                if organisation.country is None:
                    organisation.country, organisation.country_row = country, number
                elif organisation.country != country:
                    self.reporter.cell(
                        number,
                        self._name("country"),
                        cells.get("country", ""),
                        f"{organisation.name} is already in {organisation.country} "
                        f"(row {organisation.country_row}); this row's {country} "
                        "is not used",
                    )

    def _name(self, key: str) -> str:
        return self.column_names[key]

    def _kinds(
        self, number: int, cells: dict[str, str], count: int
    ) -> list[OrganisationKind | None]:
        cell = cells.get("categorization", "")
        return self._spread(
            number,
            "categorization",
            cell,
            self._read_cell(self.kind_cells, self._read_kinds, number, cell),
            count,
        )

    def _read_cell(
        self,
        kept: dict[str, list[_T | None]],
        read: Callable[[int, str], list[_T | None]],
        number: int,
        cell: str,
    ) -> list[_T | None]:
        """Read a cell's values with *read*; keep those of a cell read cleanly.

        Epoch repeats a few dozen categorisation and country cells over
        thousands of rows; a cell whose reading reported nothing reads the
        same on any row, so it is read once (see benchmarks/bench_import.py).
        """
        values = kept.get(cell)
        if values is None:
            entries = len(self.reporter.entries)
            values = read(number, cell)
            if len(self.reporter.entries) == entries:
                kept[cell] = values
        return values

    def _read_kinds(self, number: int, cell: str) -> list[OrganisationKind | None]:
        parts = [part.strip() for part in cell.split(",")] if cell else []
        kinds: list[OrganisationKind | None] = []
        for part in parts:
            kind = _KINDS.get(part.casefold())
            if kind is None:
                self.reporter.cell(
                    number,
                    self._name("categorization"),
                    cell,
                    f"{part!r} is not one of Epoch's categories",
                )
            kinds.append(kind)
        return kinds

    def _countries(
        self, number: int, cells: dict[str, str], count: int
    ) -> list[str | None]:
        cell = cells.get("country", "")
        return self._spread(
            number,
            "country",
            cell,
            self._read_cell(self.country_cells, self._read_countries, number, cell),
            count,
        )

    def _read_countries(self, number: int, cell: str) -> list[str | None]:
        parts = [part.strip() for part in cell.split(",")] if cell else []
        codes: list[str | None] = []
        table = _countries() if parts else {}
        for part in parts:
            key = normalise_name(part)
            code = table.get(key)
            if key == _MULTINATIONAL:
                self.reporter.cell(
                    number,
                    self._name("country"),
                    cell,
                    "'Multinational' names no one country; none is recorded for it",
                )
            elif code is None:
                self.reporter.cell(
                    number,
                    self._name("country"),
                    cell,
                    f"{part!r} is not a country aiecosys knows",
                )
            codes.append(code)
        return codes

    def _spread(
        self, number: int, key: str, cell: str, values: list[_T | None], count: int
    ) -> list[_T | None]:
        """Pair a cell's values with the row's organisations, or report why not."""
        if len(values) == count or not values:
            return values or [None] * count
        known = {value for value in values if value is not None}
        if len(known) == 1:
            return [next(iter(known))] * count
        self.reporter.cell(
            number,
            self._name(key),
            cell,
            f"{len(values)} values for {count} organisations cannot be paired; "
            "none is used",
        )
        return [None] * count

    def _date(self, number: int, cells: dict[str, str]) -> PartialDate | None:
        cell = cells.get("date", "")
        if not cell:
            return None
        found = self.dates.get(cell)
        if found is not None:
            return found
        try:
            found = PartialDate.parse(cell)
        except AiecosysError as error:
            self.reporter.cell(number, self._name("date"), cell, reason(error))
            return None
        self.dates[cell] = found
        return found

    def _number(
        self, number: int, cells: dict[str, str], key: str
    ) -> int | Decimal | None:
        cell = cells.get(key, "")
        if not cell:
            return None
        value = self.counts.get(cell)
        if value is None:
            try:
                value = self.counts[cell] = read_count(cell)
            except ValueError:
                self.reporter.cell(number, self._name(key), cell, "not a number")
                return None
        if value <= 0:
            self.reporter.cell(number, self._name(key), cell, "not a positive number")
            return None
        return value

    def _wrong(self, number: int, cells: dict[str, str], keys: Sequence[str]) -> None:
        for key in keys:
            cell = cells.get(key, "")
            if cell:
                self.reporter.cell(
                    number,
                    self._name(key),
                    cell,
                    "Epoch AI marks this row's figures as Wrong; not used",
                )

    def _parameters(
        self, number: int, cells: dict[str, str], status: Status, note: str, wrong: bool
    ) -> Estimate[Quantity]:
        if wrong:
            self._wrong(number, cells, ("parameters",))
            return _UNKNOWN
        value = self._number(number, cells, "parameters")
        if value is None:
            return _UNKNOWN
        if not isinstance(value, int):
            self.reporter.cell(
                number,
                self._name("parameters"),
                cells.get("parameters", ""),
                "a parameter count must be a whole number",
            )
            return _UNKNOWN
        notes = cells.get("parameters notes", "")
        return Estimate.exact(
            self._quantity(value, "parameter"),
            status=status,
            note=f"{note}. {notes}" if notes else note,
        )

    def _compute(
        self, number: int, cells: dict[str, str], status: Status, note: str, wrong: bool
    ) -> Estimate[Quantity] | None:
        keys = _COMPUTE
        if wrong:
            self._wrong(number, cells, keys)
            return None
        if not any(key in cells for key in keys):
            return None
        best, low, high = (self._number(number, cells, key) for key in keys)
        if best is None and low is None and high is None:
            return None
        if (
            (low is not None and best is not None and low > best)
            or (high is not None and best is not None and high < best)
            or (low is not None and high is not None and low > high)
        ):
            self.reporter.cell(
                number,
                self._name("compute low"),
                f"{cells.get('compute low', '')} to {cells.get('compute high', '')}",
                "the bounds do not contain the estimate; only the estimate is used",
            )
            low = high = None
        if best is not None and low is None and high is None:
            return Estimate.exact(
                self._quantity(best, "FLOP"), status=status, note=note
            )
        return Estimate(
            None if low is None else self._quantity(low, "FLOP"),
            None if high is None else self._quantity(high, "FLOP"),
            None if best is None else self._quantity(best, "FLOP"),
            status,
            note=note,
        )

    def _quantity(self, value: int | Decimal, unit: str) -> Quantity:
        key = (value, unit)
        found = self.quantities.get(key)
        if found is None:
            found = self.quantities[key] = Quantity(value, unit)
        return found

    def _openness(self, number: int, cells: dict[str, str]) -> Openness | None:
        cell = cells.get("accessibility", "")
        if not cell:
            return None
        openness = _OPENNESS.get(cell.casefold())
        if openness is None:
            self.reporter.cell(
                number,
                self._name("accessibility"),
                cell,
                "not one of Epoch's accessibility labels",
            )
        return openness

    def _links(
        self, number: int, cells: dict[str, str], model: str
    ) -> Iterator[Source]:
        cell = cells.get("link", "")
        if not cell:
            return
        title = " ".join(cells.get("reference", "").split()) or (
            f"{model}: a page Epoch AI cites"
        )
        parts = [part for part in _LINK_SEPARATORS.split(cell) if part]
        urls = [part for part in parts if _URL.fullmatch(part)]
        if len(urls) != len(parts):
            self.reporter.cell(
                number,
                self._name("link"),
                cell,
                "only web addresses starting with https:// or http:// are used",
            )
        for position, url in enumerate(urls, start=1):
            suffix = "" if len(urls) == 1 else f"-{position}"
            yield Source(f"epoch-row-{number}{suffix}", title=title, url=url)

    # -- the end --------------------------------------------------------------

    def result(self, ignored: tuple[str, ...]) -> ImportResult:
        organisations = []
        for found in self.organisations.values():
            kind = found.kind
            if kind is None:
                self.reporter.cell(
                    found.row,
                    self._name("categorization"),
                    None,
                    f"Epoch gives no category for {found.name}; recorded as a "
                    "research lab",
                )
                kind = _DEFAULT_KIND
            organisations.append(
                Organisation(found.name, kind, country=found.country, sources=(EPOCH,))
            )
        entries = sorted(self.reporter.entries, key=lambda entry: entry.row or 0)
        report = ImportReport(
            self.name,
            self.reporter.read,
            self.reporter.accepted,
            tuple(entries),
            ignored,
        )
        return ImportResult(build_ecosystem(organisations, self.models), report)
