"""Importers: public datasets about AI models, read into an ecosystem with a report.

Each importer returns an [ImportResult][aiecosys.importers.ImportResult]: the
[Ecosystem][aiecosys.Ecosystem] it built and an
[ImportReport][aiecosys.importers.ImportReport] with an entry (row, column,
raw value, reason) for every row and cell it could not use. Rows accepted
plus rows rejected always equals rows read: nothing is dropped silently.

- [aiecosys.importers.epoch][]: Epoch AI's "Data on AI Models" CSV exports.
- [aiecosys.importers.ecosystem_graphs][]: Stanford CRFM's Ecosystem Graphs
  asset YAML files (needs the ``yaml`` extra, PyYAML).

Examples:
    >>> from aiecosys.importers import epoch
    >>> result = epoch.load("tests/data/epoch/newer.csv")
    >>> len(result.ecosystem.models) == result.report.rows_accepted
    True
"""

from aiecosys.importers._report import ImportReport, ImportResult, Relation, ReportEntry


__all__ = ["ImportReport", "ImportResult", "Relation", "ReportEntry"]
