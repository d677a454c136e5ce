"""Late interest in the book: the charges due on a day, applying them as invoices, waiving
one, and the agreed rates (docs/late-fees.md)."""
