"""The one rule for the dates of conversions: a `date`, or a `datetime` as its date."""

from __future__ import annotations

from datetime import date, datetime

from aiecosys._errors import DateError
from aiecosys._i18n import gettext as _


__all__ = ["as_date"]


def as_date(value: object, what: str = "on") -> date:
    """Return *value* as a `date`; a `datetime` gives its own calendar date.

    A `datetime` is reduced with `value.date()`: the date on its own calendar,
    whatever its time zone, with no shift to UTC. Anything else is refused,
    text included, so that a date is never guessed.

    Raises:
        DateError: *value* is neither a `date` nor a `datetime`.

    Examples:
        >>> from datetime import date, datetime
        >>> as_date(datetime(2023, 12, 11, 23, 30))
        datetime.date(2023, 12, 11)
        >>> as_date("2023-12-11")
        Traceback (most recent call last):
        ...
        aiecosys.DateError: on must be a datetime.date, not the str '2023-12-11'; ...
    """
    if type(value) is date:
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise DateError(_refusal(value, what))


def _refusal(value: object, what: str) -> str:
    what = _(what)
    if value is None:
        return _(
            "{what} must be a datetime.date, not None: rates change every day, so a "
            "conversion needs a date"
        ).format(what=what)
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            hint = _("pass a date such as date(2023, 12, 11)")
        else:
            hint = _("pass {example}").format(
                example=f"date({day.year}, {day.month}, {day.day})"
            )
        return _(
            "{what} must be a datetime.date, not the str {value!r}; text is never "
            "read as a date here: {hint}"
        ).format(what=what, value=value, hint=hint)
    return _(
        "{what} must be a datetime.date, not {type} {value!r}; pass a date such as "
        "date(2023, 12, 11)"
    ).format(what=what, type=type(value).__name__, value=value)
