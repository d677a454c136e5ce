"""The book's side of bank statements: what matching reads (open invoices, customers,
senders learned, transactions seen) and what recording writes, in one transaction."""
