"""A stream of writes to a book, for tests/store/book/test_crash_safety.py to kill.

Run as ``python crash_writer.py BOOK SEED``. After each write has returned (committed),
one line says what it wrote, flushed at once: ``invoice NUMBER``, ``payment ID``,
``import CODE`` or ``backup PATH``. The test kills this process at a random moment
and then checks that every line printed is in the book.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import sys
from decimal import Decimal
from pathlib import Path

from diva_desk.core.records import InvoiceLine
from diva_desk.interchange import import_text
from diva_desk.store.book import maintenance, models
from diva_desk.store.book.db import open_book
from diva_desk.store.invoices.editing import InvoiceDraft, save_draft, send_invoice
from diva_desk.store.invoices.payments import record_payment

SAMPLE = Path(__file__).parents[2] / "interchange" / "data" / "sample-book.json"


def main(book: Path, seed: int) -> None:
    open_book(book)
    rng = random.Random(seed)
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    customer = models.Customer.get(models.Customer.code == "ACME")
    today = dt.date.today()
    sent: list[int] = []
    print("ready", flush=True)
    for step in range(10_000):
        kind = rng.choice(["invoice", "invoice", "payment", "import", "backup"])
        if kind == "payment" and sent:
            payment = record_payment(rng.choice(sent), today, Decimal("0.01"), None)
            print(f"payment {payment}", flush=True)
        elif kind == "import":
            code = f"K{seed}X{step}"
            document = {key: sample[key] for key in ("format", "version", "exported_at")}
            one = copy.deepcopy(sample["customers"][0])
            one["code"] = code
            document["customers"] = [one]
            import_text(json.dumps(document))
            print(f"import {code}", flush=True)
        elif kind == "backup" and step % 7 == 0:
            print(f"backup {maintenance.back_up_now(book.parent)}", flush=True)
        else:
            draft = InvoiceDraft(
                customer_id=customer.id,
                issue_date=today,
                due_date=today + dt.timedelta(days=30),
                currency="CAD",
                lines=tuple(
                    InvoiceLine(f"Work {n}", Decimal(n + 1), Decimal("12.50"))
                    for n in range(rng.randint(1, 20))
                ),
            )
            invoice_id = save_draft(draft)
            number = send_invoice(invoice_id, today)
            sent.append(invoice_id)
            print(f"invoice {number}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
