"""The pay links' schema step: the mail settings' old pay link becomes the business's."""

from __future__ import annotations

from pathlib import Path

import pytest

from diva_desk.store.book import schema
from diva_desk.store.book.db import close_book, open_book, schema_version

PAY_LINKS = schema.STEPS.index(schema.STEP_PAY_LINKS)


@pytest.mark.parametrize(
    ("old", "template", "left"),
    [
        ("https://pay.example/?ref=$invoice&amt=${amount}&c=$currency",
         "https://pay.example/?ref={number}&amt={amount}&c={currency}", None),
        # $customer has no placeholder now: the owner's text is kept where it was, unused.
        ("https://pay.example/$customer/$invoice", "", "https://pay.example/$customer/$invoice"),
        ("", "", ""),
    ],
)  # fmt: skip
def test_the_old_mail_pay_link_becomes_the_business_template(
    book_path: Path, old: str, template: str, left: str | None
) -> None:
    database = open_book(book_path, steps=schema.STEPS[:PAY_LINKS])
    database.execute_sql("INSERT INTO business (id, name) VALUES (1, 'Studio')")
    database.execute_sql("INSERT INTO setting (key, value) VALUES ('mail.pay_link', ?)", (old,))
    close_book()
    database = open_book(book_path)
    try:
        assert schema_version(database) == len(schema.STEPS)
        assert database.execute_sql("SELECT payment_link FROM business").fetchone() == (template,)
        rest = database.execute_sql("SELECT value FROM setting WHERE key = 'mail.pay_link'")
        assert rest.fetchone() == (None if left is None else (left,))
    finally:
        close_book()
