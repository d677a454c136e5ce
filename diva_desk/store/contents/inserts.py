"""Rows written straight to the book's tables, fast: one prepared INSERT per model and
set of columns, with the model's own column conversions (cents, units, days).

The whole-book writer (writing.py) adds tens of thousands of rows through these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from itertools import chain
from typing import Any

import peewee

from diva_desk.store.book import models as m
from diva_desk.store.book.db import db


def insert_one(model: type[m.BaseModel], **row: Any) -> int:
    """Insert one row and return its id."""
    sql, fields = _insert_sql(model, tuple(row))
    return db.execute_sql(sql, [f.db_value(row[f.name]) for f in fields]).lastrowid


def insert_rows(model: type[m.BaseModel], rows: Iterable[dict[str, Any]]) -> None:
    """Insert rows that all have the same keys, in one ``executemany``."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return
    sql, fields = _insert_sql(model, tuple(first))
    convert = _conversions(fields)
    params = (
        [row[name] if to_db is None else to_db(row[name]) for name, to_db in convert]
        for row in chain((first,), iterator)
    )
    db.connection().executemany(sql, params)


#: Fields whose ``db_value`` hands back a value of the record's own type unchanged
#: (text, whole numbers, flags, row ids): the call is skipped for them.
_AS_THEY_ARE = (
    peewee.TextField,
    peewee.IntegerField,
    peewee.BooleanField,
    peewee.ForeignKeyField,
)


@cache
def _conversions(
    fields: tuple[peewee.Field, ...],
) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field's name with its conversion, or ``None`` where there is nothing to do."""
    return tuple((f.name, None if type(f) in _AS_THEY_ARE else f.db_value) for f in fields)


@cache
def _insert_sql(
    model: type[m.BaseModel], names: tuple[str, ...]
) -> tuple[str, tuple[peewee.Field, ...]]:
    """A prepared INSERT with the model's own column conversions (cents, units, days).

    Building the statement through peewee for every row cost more than the writing
    itself; a large import adds tens of thousands of rows.
    """
    fields = tuple(model._meta.fields[name] for name in names)
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join("?" for _ in fields)
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})', fields
