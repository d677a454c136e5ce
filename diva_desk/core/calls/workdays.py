"""Working days: the owner calls on weekdays that are not marked as days off.

On the last working day before days off, the list takes in what falls due over
them (Friday's list includes Saturday's and Sunday's): the *horizon* of a working
day runs to the eve of the next working day.
"""

from __future__ import annotations

import datetime as dt

from diva_desk.core.calls.model import CallSettings

_DAY = dt.timedelta(days=1)
#: A year of days off in a row is a settings mistake, not a holiday: stop looking.
_MAX_DAYS_OFF_IN_A_ROW = 366


def is_working_day(day: dt.date, settings: CallSettings) -> bool:
    return day.weekday() not in settings.weekend and day not in settings.days_off


def next_working_day(day: dt.date, settings: CallSettings) -> dt.date:
    """The first working day strictly after ``day``."""
    candidate = day + _DAY
    for _ in range(_MAX_DAYS_OFF_IN_A_ROW):
        if is_working_day(candidate, settings):
            return candidate
        candidate += _DAY
    return candidate


def working_day_on_or_after(day: dt.date, settings: CallSettings) -> dt.date:
    return day if is_working_day(day, settings) else next_working_day(day, settings)


def horizon(day: dt.date, settings: CallSettings) -> dt.date:
    """The last day whose calls belong on ``day``'s list: the eve of the next working day."""
    return next_working_day(day, settings) - _DAY


def add_working_days(day: dt.date, count: int, settings: CallSettings) -> dt.date:
    """The working day ``count`` working days after ``day`` (for retries)."""
    for _ in range(count):
        day = next_working_day(day, settings)
    return day
