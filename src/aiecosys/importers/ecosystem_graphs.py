"""Read Stanford CRFM's Ecosystem Graphs asset files into an ecosystem.

Ecosystem Graphs describes AI models, datasets and applications in YAML files
(its ``assets/`` folder), each a list of assets. Its maintainers publish no
licence for the data, so aiecosys does not ship it: clone the project yourself
and point the importer at your clone's ``assets`` folder::

    git clone https://github.com/stanford-crfm/ecosystem-graphs

then, in Python, ``ecosystem_graphs.load("ecosystem-graphs/assets")``.

Reading YAML needs PyYAML (``pip install 'aiecosys[yaml]'``), imported only
when this importer runs; files are read with its safe loader, further limited:

- YAML anchors and aliases are refused: a few lines of nested aliases would
  expand into gigabytes (the "billion laughs"), and asset files need none.
- A value YAML cannot read (``2023-02-30``, ``!!float abc``, an unknown tag)
  is reported with its file, asset and field; the rest of the asset is read.
- A link to a file outside the folder (a clone keeps links) is refused
  without being read; errors quote no line of a file, and a report shows at
  most 200 characters of a value.
- Both ``*.yaml`` and ``*.yml`` files are read.

Decisions:

- Assets of type ``model`` become models. Datasets and applications have no
  place in an ecosystem: they are counted as rejected, each with its reason,
  and still take part in the dependencies.
- Any field may be a mapping with ``value`` and ``explanation``; the value is
  read and the explanation kept as the note of the parameter count.
- ``size`` is read with aiecosys's own parser: ``34B parameters (dense)``,
  ``61B parameters (sparse); 6.6B active parameters`` (total and active),
  ``unknown`` and ``''`` (an unknown estimate). Sizes are *reported* (a third
  party compiled them).
- ``access``: ``open`` is open weights, ``limited`` API only, ``closed`` closed.
- ``created_date``: a YAML date, a string (``2023-07-18``, ``2023-07``) or a
  bare year.
- Invisible characters (zero-width spaces, direction marks, soft hyphens) are
  removed from names, and reported; an asset whose name, or an organisation's,
  mixes Latin with Cyrillic or Greek letters in one word, or looks like an
  earlier name spelled with such letters, is rejected with the reason.
- Each web address becomes a source whose key names the file and the asset.
- Organisations have no kind in Ecosystem Graphs: each is recorded as a
  research lab, and that is reported once per organisation.
- ``dependencies`` become [Relation][aiecosys.importers.Relation]s between
  asset names; a dependency no asset is named after is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from aiecosys import _reading
from aiecosys._dates import PartialDate
from aiecosys._ecosystem import normalise_name
from aiecosys._entities import Organisation, OrganisationKind
from aiecosys._errors import AiecosysError, DataError, Problem
from aiecosys._estimate import Estimate, Status
from aiecosys._models import ModelSpec, Openness
from aiecosys._source import Source
from aiecosys._units import Quantity, parameters
from aiecosys.importers._report import (
    SHOWN,
    ImportReport,
    ImportResult,
    Names,
    Relation,
    ReportEntry,
    Reporter,
    build_ecosystem,
    cut,
    reason,
)


__all__ = ["ECOSYSTEM_GRAPHS", "MAX_FILE_BYTES", "load"]

ECOSYSTEM_GRAPHS: Final = Source(
    "ecosystem-graphs",
    title="Ecosystem Graphs",
    url="https://crfm.stanford.edu/ecosystem-graphs/",
    publisher="Stanford Center for Research on Foundation Models",
)
"""The source every imported model and organisation cites."""

MAX_FILE_BYTES: Final = 8_000_000
"""Larger files are refused rather than read: the real ones are a few hundred kB."""

_FIELDS: Final = frozenset(
    {
        "type",
        "name",
        "organization",
        "created_date",
        "size",
        "access",
        "license",
        "dependencies",
        "url",
        "description",
    }
)
_OPENNESS: Final = {
    "open": Openness.OPEN_WEIGHTS,
    "limited": Openness.API_ONLY,
    "closed": Openness.CLOSED,
}
_UNKNOWN_TEXT: Final = frozenset({"", "unknown", "none", "n/a", "unspecified"})
# Innermost parentheses only: linear in time however many "(" a size holds.
_PARENTHESES: Final = re.compile(r"\([^()]*\)")
_KEY_CHARACTERS: Final = re.compile(r"[^A-Za-z0-9_.-]+")
_UNKNOWN: Final[Estimate[Quantity]] = Estimate.unknown()


def load(folder: str | Path) -> ImportResult:
    """Read every ``*.yaml`` and ``*.yml`` file under *folder* (an ``assets`` folder).

    Files are read as plain data: YAML anchors and aliases are refused (a few
    lines of nested aliases would expand into gigabytes), a link to a file
    outside the folder is refused without being read, and a value YAML cannot
    read (``2023-02-30``, ``!!float abc``) is reported with its asset and
    field, the rest of the asset still read.

    Args:
        folder: A folder of asset files, or one asset file.

    Returns:
        The ecosystem of models and organisations, the report of every asset
        and field not used, and the dependencies between assets.

    Raises:
        DataError: The folder holds no YAML file, or a file is not YAML, too
            large, links outside the folder, holds an anchor or an alias, or
            is not a list of assets.

    Examples:
        >>> from aiecosys.importers import ecosystem_graphs
        >>> result = ecosystem_graphs.load("tests/data/ecosystem_graphs")
        >>> print(result.ecosystem.model("Yi-34B").parameters)
        34,000,000,000 parameter (reported)
        >>> print(result.relations[0])
        Yi-34B-Chat depends on Yi-34B
    """
    root = Path(folder)
    files = _files(root)
    import yaml

    loader = _loader(yaml)
    importer = _Importer()
    for path in files:
        name = str(path.relative_to(root)) if path != root else path.name
        importer.file(name, _read(path, name, yaml, loader))
    return importer.result(str(root))


def _files(root: Path) -> list[Path]:
    """List the YAML files to read, refusing links that lead out of *root*.

    Links to folders are not followed; one that leads out of *root* is refused
    too, rather than its files left out in silence.
    """
    if root.is_file():
        return [root]
    entries = sorted(root.rglob("*"))
    files = [path for path in entries if path.suffix in {".yaml", ".yml"}]
    inside = root.resolve()
    problems = [
        Problem(
            "a link to a file or folder outside the folder (or a loop of links); "
            "it is not read (copy it into the folder if it belongs there)",
            file=str(path.relative_to(root)),
        )
        for path in entries
        if path.is_symlink()
        and (path in files or path.is_dir())
        and not _inside(path, inside)
    ]
    if problems:
        raise DataError(problems)
    if not files:
        raise DataError([Problem("no .yaml or .yml file found", file=str(root))])
    return files


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder)
    except (OSError, RuntimeError):  # a loop of links
        return False


class _Bad:
    """A value YAML cannot read (``2023-02-30``, ``!!float abc``), to report."""

    def __init__(self, tag: str, text: str, why: str) -> None:
        self.excerpt = _show(text)
        kind = tag.rpartition(":")[2]
        self.why = f"not a valid {_TAGS.get(kind, kind)}: {why}"

    def __repr__(self) -> str:
        return self.excerpt


_LIMITS: Final = ("an anchor (&)", "an alias (*)")
_TAGS: Final = {"timestamp": "date", "float": "number", "int": "whole number"}


def _loader(yaml: Any) -> Any:
    """Return PyYAML's safe loader, refusing anchors and aliases, keeping bad values."""

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()
            alias = isinstance(event, yaml.AliasEvent)
            if alias or getattr(event, "anchor", None) is not None:
                mark = event.start_mark
                raise yaml.YAMLError(
                    f"{_LIMITS[alias]} at line {mark.line + 1}, column "
                    f"{mark.column + 1}: anchors and aliases are not read; write "
                    "the value out in full"
                )
            return super().compose_node(parent, index)

    def tolerant(construct: Any) -> Any:
        def build(loader: Any, node: Any) -> Any:
            try:
                return construct(loader, node)
            except (ValueError, KeyError, OverflowError, TypeError) as error:
                return _Bad(str(node.tag), str(node.value), _show(str(error)))
            except yaml.constructor.ConstructorError as error:
                return _Bad(str(node.tag), str(node.value), _show(str(error.problem)))

        return build

    Loader.yaml_constructors = {
        tag: tolerant(construct)
        for tag, construct in yaml.SafeLoader.yaml_constructors.items()
    }
    return Loader


def _read(path: Path, name: str, yaml: Any, loader: Any) -> list[Any]:
    text = _reading.read_text(path, limit=MAX_FILE_BYTES)
    try:
        assets = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        # The message alone, never the excerpt of the file PyYAML adds to it.
        mark = error.problem_mark or error.context_mark
        where = "" if mark is None else f" at line {mark.line + 1}"
        problem = error.problem or error.context or "not valid YAML"
        message = f"not valid YAML{where}: {_show(problem)}"
        raise DataError([Problem(message, file=name)]) from None
    except yaml.YAMLError as error:
        message = f"cannot read it: {_show(str(error))}"
        raise DataError([Problem(message, file=name)]) from None
    except RecursionError:
        message = "cannot read it: nested too deeply"
        raise DataError([Problem(message, file=name)]) from None
    if assets is None:
        return []
    if not isinstance(assets, list):
        raise DataError(
            [
                Problem(
                    f"expected a list of assets, not {type(assets).__name__}", file=name
                )
            ]
        )
    return assets


def _value(raw: object) -> tuple[object, str | None]:
    """Unwrap ``{value: ..., explanation: ...}``; return (value, explanation)."""
    if isinstance(raw, dict) and "value" in raw:
        explanation = raw.get("explanation")
        return raw["value"], explanation if isinstance(explanation, str) else None
    return raw, None


def _text(raw: object) -> str | None:
    return " ".join(raw.split()) if isinstance(raw, str) else None


class _Importer:
    def __init__(self) -> None:
        self.reporter = Reporter()
        self.entries: list[ReportEntry] = []
        self.models: list[ModelSpec] = []
        self.model_names: dict[str, str] = {}
        self.assets: dict[str, str] = {}
        self.organisations: dict[str, tuple[str, str, int]] = {}
        self.dependencies: list[tuple[str, int, str, str]] = []
        self.ignored: dict[str, None] = {}
        self.names = Names()
        self.organisation_names = Names()
        self.source_keys: set[str] = set()

    def file(self, name: str, assets: list[Any]) -> None:
        self.reporter.file = name
        for number, asset in enumerate(assets, start=1):
            self.reporter.read += 1
            if isinstance(asset, dict):
                asset = self._readable(number, asset)  # noqa: PLW2901
            try:
                model = self._asset(name, number, asset)
            except AiecosysError as error:
                self.reporter.reject(number, f"not usable: {reason(error)}")
                continue
            if model is not None:
                self.models.append(model)
                self.reporter.accepted += 1

    def _readable(self, number: int, asset: dict[Any, Any]) -> dict[Any, Any]:
        """Report each value YAML could not read, and leave it out of the asset."""
        clean: dict[Any, Any] = {}
        for key, raw in asset.items():
            field = _show(key)
            if isinstance(key, _Bad):
                self.reporter.cell(number, field, None, f"a field name {key.why}")
                continue
            value = _value(raw)[0]
            items = value if isinstance(value, list) else [value]
            bad = [item for item in items if isinstance(item, _Bad)]
            for item in bad:
                self.reporter.cell(number, field, item.excerpt, item.why)
            if bad and not isinstance(value, list):
                continue
            if bad:
                value = [item for item in items if not isinstance(item, _Bad)]
                raw = {**raw, "value": value} if isinstance(raw, dict) else value  # noqa: PLW2901
            clean[key] = raw
        return clean

    def _asset(self, file: str, number: int, asset: object) -> ModelSpec | None:
        report = self.reporter
        if not isinstance(asset, dict):
            report.reject(number, f"expected a mapping, not {type(asset).__name__}")
            return None
        for key in asset:
            if str(key) not in _FIELDS:
                self.ignored.setdefault(str(key))
        name = _text(_value(asset.get("name"))[0])
        if name:
            name = Names.clean(report, number, "name", name)
        if not name:
            report.reject(
                number, "the asset has no name", "name", _show(asset.get("name"))
            )
            return None
        self.assets.setdefault(normalise_name(name), name)
        self._dependencies(file, number, name, asset.get("dependencies"))
        kind = _text(_value(asset.get("type"))[0]) or ""
        if kind.casefold() != "model":
            report.reject(
                number,
                f"a {kind or 'typeless'} asset: an ecosystem holds models and "
                "organisations only",
                "type",
                kind,
            )
            return None
        key = normalise_name(name)
        if key in self.model_names:
            report.reject(
                number,
                f"a model of the same name is in {self.model_names[key]}",
                "name",
                name,
            )
            return None
        trouble = self.names.trouble(name)
        if trouble is not None:
            report.reject(number, trouble, "name", name)
            return None
        developers = self._developers(file, number, asset.get("organization"))
        self.model_names[key] = f"{file}, entry {number}"
        self.names.add(name)
        total, active = self._size(number, asset.get("size"))
        licence = _text(_value(asset.get("license"))[0])
        return ModelSpec(
            name,
            developers=developers,
            released=self._date(number, asset.get("created_date")),
            parameters=total,
            active_parameters=active,
            openness=self._openness(number, asset.get("access")),
            licence=None
            if licence is None or licence.casefold() in _UNKNOWN_TEXT
            else licence,
            sources=(ECOSYSTEM_GRAPHS, *self._url(file, number, asset.get("url"))),
        )

    def _developers(self, file: str, number: int, raw: object) -> tuple[str, ...]:
        value = _value(raw)[0]
        text = _text(value)
        if value is not None and text is None:
            self.reporter.cell(number, "organization", _show(raw), "not text")
        names: dict[str, str] = {}
        for part in (text or "").split(","):
            clean = Names.clean(self.reporter, number, "organization", part.strip())
            if clean and clean.casefold() not in _UNKNOWN_TEXT:
                trouble = self.organisation_names.trouble(clean)
                if trouble is not None:
                    raise DataError([Problem(trouble, field="organization")])
                names.setdefault(normalise_name(clean), clean)
        for key, clean in names.items():
            self.organisation_names.add(clean)
            self.organisations.setdefault(key, (clean, file, number))
        return tuple(names.values())

    def _date(self, number: int, raw: object) -> PartialDate | None:
        value = _value(raw)[0]
        try:
            if isinstance(value, dt.datetime):
                return PartialDate.of(value.date())
            if isinstance(value, dt.date):
                return PartialDate.of(value)
            if isinstance(value, int) and not isinstance(value, bool):
                return PartialDate(value)
            text = _text(value)
            if text is not None and text.casefold() not in _UNKNOWN_TEXT:
                return PartialDate.parse(text)
        except AiecosysError as error:
            self.reporter.cell(number, "created_date", _show(raw), reason(error))
            return None
        if value is not None and (_text(value) or "x").casefold() not in _UNKNOWN_TEXT:
            self.reporter.cell(number, "created_date", _show(raw), "not a date")
        return None

    def _size(
        self, number: int, raw: object
    ) -> tuple[Estimate[Quantity], Estimate[Quantity] | None]:
        value, explanation = _value(raw)
        text = _text(value) if not isinstance(value, int | float) else str(value)
        if text is None or text.casefold() in _UNKNOWN_TEXT:
            if value is not None and text is None:
                self.reporter.cell(number, "size", _show(raw), "not text")
            return _UNKNOWN, None
        total: Estimate[Quantity] = _UNKNOWN
        active: Estimate[Quantity] | None = None
        try:
            for part in text.split(";"):
                clean = " ".join(_PARENTHESES.sub(" ", part).split())
                if not clean:
                    continue
                is_active = "active" in clean.casefold()
                clean = re.sub(r"(?i)\bactive\b", " ", clean).strip()
                estimate = Estimate.exact(
                    parameters(clean), status=Status.REPORTED, note=explanation
                )
                if is_active:
                    active = estimate
                else:
                    total = estimate
        except AiecosysError as error:
            self.reporter.cell(number, "size", _show(raw), reason(error))
            return _UNKNOWN, None
        if active is not None and (total.is_unknown or active.low > total.low):  # type: ignore[operator]
            self.reporter.cell(
                number, "size", text, "active parameters without a larger total"
            )
            active = None
        return total, active

    def _openness(self, number: int, raw: object) -> Openness | None:
        text = _text(_value(raw)[0])
        if text is None or text.casefold() in _UNKNOWN_TEXT:
            return None
        openness = _OPENNESS.get(text.casefold())
        if openness is None:
            self.reporter.cell(number, "access", text, "not open, limited or closed")
        return openness

    def _url(self, file: str, number: int, raw: object) -> Iterator[Source]:
        text = _text(_value(raw)[0])
        if not text:
            return
        if not text.startswith(("https://", "http://")) or " " in text:
            self.reporter.cell(number, "url", text, "not a web address")
            return
        stem = _KEY_CHARACTERS.sub("-", file).strip("-.") or "assets"
        key = base = f"ecosystem-graphs-{stem}-{number}"
        count = 1
        while key in self.source_keys:  # two paths may make one key: a/b, a-b
            count += 1
            key = f"{base}-{count}"
        self.source_keys.add(key)
        yield Source(
            key,
            title=f"Ecosystem Graphs, {file}, entry {number}",
            url=text,
        )

    def _dependencies(self, file: str, number: int, name: str, raw: object) -> None:
        value = _value(raw)[0]
        if value is None:
            return
        if not isinstance(value, list):
            self.reporter.cell(number, "dependencies", _show(raw), "not a list")
            return
        for item in value:
            target = _text(_value(item)[0])
            if not target:
                self.reporter.cell(number, "dependencies", _show(item), "not a name")
                continue
            self.dependencies.append((file, number, name, target))

    def result(self, root: str) -> ImportResult:
        relations = []
        for file, number, name, target in self.dependencies:
            found = self.assets.get(normalise_name(target))
            if found is None:
                self.reporter.entries.append(
                    ReportEntry(
                        number,
                        "dependencies",
                        target,
                        "no asset has this name; the dependency is not kept",
                        file,
                    )
                )
                continue
            relations.append(Relation(name, found))
        organisations = []
        for name, file, number in self.organisations.values():
            self.reporter.entries.append(
                ReportEntry(
                    number,
                    "organization",
                    name,
                    "Ecosystem Graphs gives no kind of organisation; recorded as a "
                    "research lab",
                    file,
                )
            )
            organisations.append(
                Organisation(
                    name,
                    OrganisationKind.RESEARCH_LAB,
                    sources=(ECOSYSTEM_GRAPHS,),
                )
            )
        entries = sorted(
            self.reporter.entries, key=lambda entry: (entry.file or "", entry.row or 0)
        )
        report = ImportReport(
            root,
            self.reporter.read,
            self.reporter.accepted,
            tuple(entries),
            tuple(self.ignored),
        )
        return ImportResult(
            build_ecosystem(organisations, self.models), report, tuple(relations)
        )


def _show(raw: object) -> str:
    """Show a value in a report, bounded whatever its size."""
    if isinstance(raw, str):
        return cut(raw)
    import reprlib

    shown = reprlib.Repr()  # Python 3.11's Repr takes no keyword arguments
    shown.maxlevel, shown.maxstring, shown.maxother = 3, SHOWN, SHOWN
    return cut(shown.repr(raw))
