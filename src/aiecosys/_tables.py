"""Tables out: an ecosystem's collections as pandas data frames, one row per entity.

pandas is imported only when a table is asked for (``pip install 'aiecosys[pandas]'``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from aiecosys._dates import PartialDate
from aiecosys._errors import DateError
from aiecosys._estimate import Estimate
from aiecosys._money import Money
from aiecosys._pandas import pandas
from aiecosys._source import Source
from aiecosys._units import Quantity


if TYPE_CHECKING:
    from aiecosys._ecosystem import Ecosystem


__all__ = ["TABLES", "pandas", "to_pandas"]

TABLES: Final = ("models", "rounds", "organisations")
"""The collections [to_pandas][aiecosys.Ecosystem.to_pandas] makes tables of."""


def to_pandas(
    ecosystem: Ecosystem,
    table: str,
    *,
    currency: str | None = None,
    on: dt.date | None = None,
) -> Any:
    """Build the table of one collection; see Ecosystem.to_pandas."""
    if table not in TABLES:
        raise ValueError(f"no table {table!r}: ask for one of {', '.join(TABLES)}")
    if on is not None and not isinstance(on, dt.date):
        raise DateError(
            f"on must be a datetime.date, not the {type(on).__name__} {on!r}"
        )
    if on is not None and currency is None:
        raise ValueError("on= needs currency=: the currency to convert amounts into")
    pd = pandas()
    if table == "models":
        rows = [_model_row(model) for model in ecosystem.models]
        columns = _MODEL_COLUMNS
    elif table == "organisations":
        rows = [_organisation_row(found) for found in ecosystem.organisations]
        columns = _ORGANISATION_COLUMNS
    else:
        rows = [_round_row(found, currency, on) for found in ecosystem.rounds]
        columns = _round_columns(converted=currency is not None)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in columns:
        if column.endswith(("_first", "_last")):
            frame[column] = pd.to_datetime(frame[column])
    return frame


def _estimate_columns(prefix: str) -> list[str]:
    return [f"{prefix}_low", f"{prefix}_high", f"{prefix}_best", f"{prefix}_status"]


def _date_columns(prefix: str) -> list[str]:
    return [prefix, f"{prefix}_first", f"{prefix}_last"]


_MODEL_COLUMNS: Final = [
    "name",
    "aliases",
    "developers",
    "family",
    *_date_columns("released"),
    *_estimate_columns("parameters"),
    *_estimate_columns("active_parameters"),
    *_estimate_columns("training_tokens"),
    *_estimate_columns("training_compute"),
    "openness",
    "licence",
    "context_length",
    "sources",
]
_ORGANISATION_COLUMNS: Final = [
    "name",
    "aliases",
    "kind",
    "country",
    *_date_columns("founded"),
    "parent",
    "members",
    "sources",
]


def _round_columns(*, converted: bool) -> list[str]:
    columns = [
        "organisation",
        *_date_columns("announced"),
        "kind",
        *_estimate_columns("amount"),
        "amount_currency",
    ]
    if converted:
        columns += ["amount_original_currency", "rate", "rate_date", "rate_source"]
    return [
        *columns,
        *_estimate_columns("valuation"),
        "valuation_currency",
        "valuation_basis",
        "investors",
        "lead",
        "sources",
    ]


def _names(names: Iterable[str]) -> str | None:
    return "; ".join(names) or None


def _keys(sources: Iterable[Source]) -> str | None:
    return _names(source.key for source in sources)


def _date(prefix: str, value: PartialDate | None) -> dict[str, Any]:
    if value is None:
        return {prefix: None, f"{prefix}_first": None, f"{prefix}_last": None}
    return {
        prefix: str(value),
        f"{prefix}_first": value.first,
        f"{prefix}_last": value.last,
    }


def _number(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Quantity):
        return value.magnitude
    if isinstance(value, Money):
        return value.amount
    return Decimal(value)  # type: ignore[arg-type]


def _estimate(prefix: str, estimate: Estimate[Any] | None) -> dict[str, Any]:
    if estimate is None:
        return dict.fromkeys(_estimate_columns(prefix))
    return {
        f"{prefix}_low": _number(estimate.low),
        f"{prefix}_high": _number(estimate.high),
        f"{prefix}_best": _number(estimate.best),
        f"{prefix}_status": estimate.status.value,
    }


def _model_row(model: Any) -> dict[str, Any]:
    return {
        "name": model.name,
        "aliases": _names(model.aliases),
        "developers": _names(model.developers),
        "family": model.family,
        **_date("released", model.released),
        **_estimate("parameters", model.parameters),
        **_estimate("active_parameters", model.active_parameters),
        **_estimate("training_tokens", model.training_tokens),
        **_estimate("training_compute", model.training_compute),
        "openness": None if model.openness is None else model.openness.value,
        "licence": model.licence,
        "context_length": model.context_length,
        "sources": _keys(model.sources),
    }


def _organisation_row(organisation: Any) -> dict[str, Any]:
    return {
        "name": organisation.name,
        "aliases": _names(organisation.aliases),
        "kind": organisation.kind.value,
        "country": organisation.country,
        **_date("founded", organisation.founded),
        "parent": organisation.parent,
        "members": _names(organisation.members),
        "sources": _keys(organisation.sources),
    }


def _currency(estimate: Estimate[Money] | None) -> str | None:
    if estimate is None:
        return None
    for bound in (estimate.low, estimate.high, estimate.best):
        if bound is not None:
            return bound.currency
    return None


def _round_row(found: Any, currency: str | None, on: dt.date | None) -> dict[str, Any]:
    amount: Estimate[Money] = found.amount
    original = _currency(amount)
    row: dict[str, Any] = {
        "organisation": found.organisation,
        **_date("announced", found.announced),
        "kind": found.kind.value,
    }
    if currency is not None:
        when = on or found.announced.first
        conversions: list[Any] = []

        def convert(money: Money) -> Money:
            converted = money.to(currency, on=when)
            if converted.conversion is not None and not conversions:
                conversions.append(converted.conversion)
            return converted

        if original is not None and original != currency:
            amount = amount.map(convert)
        record = conversions[0] if conversions else None
        row |= {
            **_estimate("amount", amount),
            "amount_currency": currency if original is not None else None,
            "amount_original_currency": original,
            "rate": None if record is None else record.rate,
            "rate_date": None if record is None else record.observed,
            "rate_source": None if record is None else record.source,
        }
    else:
        row |= {**_estimate("amount", amount), "amount_currency": original}
    return row | {
        **_estimate("valuation", found.valuation),
        "valuation_currency": _currency(found.valuation),
        "valuation_basis": None
        if found.valuation_basis is None
        else found.valuation_basis.value,
        "investors": _names(found.investors),
        "lead": found.lead,
        "sources": _keys(found.sources),
    }
